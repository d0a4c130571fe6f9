/** The pipeline-funnel page's work once it runs inside Dynamics: read settings, query, draw. */
import { computeFunnel } from '../../widgets/funnel/model';
import { commonCurrency, currencySymbolOf, type Currency } from '../../widgets/funnel/money';
import { createFunnelView } from '../../widgets/funnel/view';
import { translatorFor } from '../shared/catalogue';
import type { PageContext } from '../shared/page-boot';
import { scopeOf } from '../shared/query-scope';
import { scopeText } from '../shared/scope-text';
import { userOffsetOf } from '../shared/user-time';
import { domXmlParse } from '../shared/view-criteria';
import { readFunnelConfig } from './funnel-config';
import { loadFunnelData } from './funnel-data';

export async function runPipelineFunnel(ctx: PageContext): Promise<void> {
  const { t, shell, formats } = ctx;
  const config = readFunnelConfig(ctx.win.location.search, ctx.clientConfig);
  ctx.table = config.table;
  shell.setHeader(
    config.title ?? t('pipeline-funnel.title'),
    scopeText(config.table, config.filter, config.period, t, formats),
  );
  const offsetAt = userOffsetOf(ctx.xrm.Utility.getGlobalContext().userSettings);
  const scope = await scopeOf(config, ctx.client, new Date(), domXmlParse, 'createdon', offsetAt);
  const data = await loadFunnelData(config, ctx.client, scope);
  const funnel = computeFunnel(
    { kind: 'aggregates', rows: data.aggregates },
    { stageOrder: config.stageOrder.join('\n'), mode: config.mode, metric: config.metric },
  );
  if (data.parts > 1) shell.note('info', t('note.split', { parts: data.parts }));
  const currency: Currency =
    config.currency === undefined
      ? commonCurrency(data.formattedAmounts.map(currencySymbolOf))
      : { code: config.currency };
  const view = createFunnelView(shell.content, { t: translatorFor(ctx.lcid, 'funnel'), formats });
  view.update({ state: 'ready', funnel, currency, hasAmount: config.amount !== undefined });
}
