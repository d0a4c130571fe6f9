/**
 * Starts a dashboard page: finds Xrm (or explains how to add the page to a dashboard), picks the
 * user's language, draws the frame, reads config.json, and shows any failure as a localized
 * message bar rather than an empty chart.
 */
import { createFormats, localeOf, type Formats, type Translate } from '../../widgets/shared/i18n';
import { browserLcid, loadStrings, translatorFor, type StringsFile } from './catalogue';
import { loadClientConfig, type ClientConfig } from '../params/client-config';
import { DataverseClient } from '../dataverse/dataverse-client';
import type { PageName } from './outside-dynamics';
import { createShell, type Shell } from './page-shell';
import { realSleep } from '../dataverse/retry';
import { throttleStatus } from './throttle-status';
import { discoverXrm } from '../dataverse/xrm-discovery';
import type { XrmLike } from '../dataverse/xrm-types';

export interface PageContext {
  win: Window;
  xrm: XrmLike;
  lcid: number;
  /** The `dashboard` namespace. */
  t: Translate;
  formats: Formats;
  shell: Shell;
  clientConfig: ClientConfig;
  client: DataverseClient;
  /** Set by the page once it knows its table, so a privilege error can name it. */
  table: string;
  /**
   * Fetches a strings file before its strings are shown (catalogue.ts): the widget view's, or
   * `more` (the page's strings shown only on demand). Never rejects.
   */
  loadStrings: (file: StringsFile) => Promise<void>;
}

export async function bootPage(
  win: Window,
  page: PageName,
  run: (ctx: PageContext) => Promise<void>,
): Promise<void> {
  const root = win.document.getElementById('crmkit-root');
  if (root === null) return;
  const source = await discoverXrm(win);
  const strings =
    typeof win.fetch === 'function'
      ? { fetch: win.fetch.bind(win), url: win.location.href, page }
      : undefined;
  if (source.kind === 'outside') {
    const lcid = browserLcid(win.navigator.languages);
    win.document.documentElement.lang = localeOf(lcid);
    // Only a page opened outside Dynamics needs the help: a chunk of its own (on-demand.ts), its
    // texts in the page's `more` strings.
    const [{ renderOutsideHelp }] = await Promise.all([
      import('./outside-dynamics'),
      loadStrings(strings, lcid),
      loadStrings(strings, lcid, 'more'),
    ]);
    renderOutsideHelp(root, lcid, page);
    return;
  }
  const xrm = source.xrm;
  const lcid = xrm.Utility.getGlobalContext().userSettings.languageId;
  win.document.documentElement.lang = localeOf(lcid);
  await loadStrings(strings, lcid);
  const t = translatorFor(lcid, 'dashboard');
  const shell = createShell(root, t);
  shell.setHeader(t(`${page}.title`), '');
  shell.busy(t('status.loading'));
  const client = new DataverseClient(xrm.WebApi, throttleStatus(shell, t, realSleep));
  const ctx: PageContext = {
    win,
    xrm,
    lcid,
    t,
    formats: createFormats(lcid),
    shell,
    clientConfig: { funnel: new Map(), survey: new Map() },
    client,
    table: '',
    loadStrings: (file) => loadStrings(strings, lcid, file),
  };
  try {
    if (typeof win.fetch === 'function') {
      ctx.clientConfig = await loadClientConfig(win.fetch.bind(win), win.location.href);
    }
    await run(ctx);
  } catch (e) {
    // The failure texts are a chunk of their own, fetched only when something failed, with their
    // strings (all but `error.load`, which the first paint's strings carry for when they cannot load).
    const [describe] = await Promise.all([
      import('./failure-text').then(
        (m) => m.describeFailure,
        () => undefined,
      ),
      ctx.loadStrings('more'),
    ]);
    const failure = describe?.(e, t, ctx.table) ?? {
      title: t('error.load'),
      lines: [],
      details: e instanceof Error ? e.message : String(e),
    };
    shell.note('error', failure.title, failure.lines, failure.details);
  } finally {
    shell.idle();
    root.setAttribute('data-state', 'done');
  }
}
