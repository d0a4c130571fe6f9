/**
 * Makes and saves a file of the pipeline funnel (loaded on demand by page-downloads.ts). The CSV
 * takes the decimal separator of the user's personal options in Dynamics (`usersettings`
 * `decimalsymbol`), read once when the first CSV is made; when it cannot be read, the one of
 * the user's language.
 */
import { downloadFunnel, localeDecimalSeparator } from '../../widgets/funnel/download';
import type { DownloadKind, DownloadSubject } from '../../widgets/funnel/download-bar';
import { translatorFor } from '../page/catalogue';
import type { PageContext } from '../page/page-boot';

const separators = new WeakMap<PageContext, Promise<string>>();

/** The user's decimal separator: Dynamics' personal options, else the user's language's. */
export function userDecimalSeparator(ctx: PageContext): Promise<string> {
  let found = separators.get(ctx);
  if (found === undefined) {
    const fallback = localeDecimalSeparator(ctx.formats.locale);
    const userId = ctx.xrm.Utility.getGlobalContext().userSettings.userId?.replace(/[{}]/g, '');
    found =
      userId === undefined || userId === ''
        ? Promise.resolve(fallback)
        : ctx.client.retrieve('usersettings', userId, '?$select=decimalsymbol').then(
            (row) =>
              typeof row.decimalsymbol === 'string' && row.decimalsymbol !== ''
                ? row.decimalsymbol
                : fallback,
            () => fallback,
          );
    separators.set(ctx, found);
  }
  return found;
}

export async function saveFunnelFile(
  ctx: PageContext,
  title: string,
  kind: DownloadKind,
  subject: DownloadSubject,
): Promise<void> {
  await downloadFunnel(ctx.win.document, kind, subject, {
    t: translatorFor(ctx.lcid, 'funnel'),
    formats: ctx.formats,
    title,
    decimalSeparator: () => userDecimalSeparator(ctx),
  });
}
