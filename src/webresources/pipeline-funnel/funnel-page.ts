/** The pipeline-funnel page's work once it runs inside Dynamics: read settings, query, draw. */
import { el } from '../../widgets/shared/dom';
import { commonCurrency, currencySymbolOf, type Currency } from '../../widgets/funnel/money';
import type { Funnel } from '../../widgets/funnel/types';
import type { StageAction } from '../../widgets/funnel/view';
import { translatorFor } from '../page/catalogue';
import type { QueryScope } from '../dataverse/fetchxml';
import type { PageContext } from '../page/page-boot';
import { scopeOf } from '../params/query-scope';
import { scopeText } from '../params/scope-text';
import { userOffsetOf } from '../../widgets/shared/user-time';
import { domXmlParse } from '../params/dom-xml';
import { readFunnelConfig, type FunnelConfig } from './funnel-config';
import { loadFunnelData } from './funnel-data';
import { onDemand } from '../page/on-demand';
import type { StageRecordsQuery } from './stage-records';
// The drill-down's code is fetched on the first click on a stage (stage-drill-later.ts).
import { describeFailure, loadStageRecords, renderStageRecords } from './stage-drill-later';
import { pageDownloads } from './page-downloads';

/** The funnel's figures and view: fetched while the totals are read (funnel-later.ts). */
const funnelCode = onDemand(() => import('./funnel-later'));

export async function runPipelineFunnel(ctx: PageContext): Promise<void> {
  const { t, shell, formats } = ctx;
  const later = Promise.all([funnelCode(), ctx.loadStrings('funnel')]).then(([code]) => code);
  later.catch(() => undefined);
  const config = readFunnelConfig(ctx.win.location.search, ctx.clientConfig);
  ctx.table = config.table;
  shell.setHeader(
    config.title ?? t('pipeline-funnel.title'),
    scopeText(config.table, config.filter, config.period, t, formats),
  );
  const globalContext = ctx.xrm.Utility.getGlobalContext();
  const offsetAt = userOffsetOf(globalContext.userSettings);
  const scope = await scopeOf(config, ctx.client, new Date(), domXmlParse, 'createdon', offsetAt);
  const known = later.then((m) =>
    m.loadKnownStages(m.metadataGetOf(globalContext, ctx.win), config.table, config.stage),
  );
  const data = await loadFunnelData(config, ctx.client, scope);
  const knownStages = await known;
  const { computeFunnel, createFunnelView } = await later;
  const funnel = computeFunnel(
    { kind: 'aggregates', rows: data.aggregates },
    {
      stageOrder: config.stageOrder.join('\n'),
      mode: config.mode,
      metric: config.metric,
      ...(knownStages === undefined ? {} : { knownStages }),
    },
  );
  if (data.parts > 1) shell.note('info', t('note.split', { parts: data.parts }));
  const currency: Currency =
    config.currency === undefined
      ? commonCurrency(data.formattedAmounts.map(currencySymbolOf))
      : { code: config.currency };
  const drill = el(ctx.win.document, 'section');
  let asked = 0;
  /** A click (or Enter) on a stage lists its first records under the funnel, each opening its form. */
  const showStage = (action: StageAction): void => {
    const query = stageQuery(config, scope, funnel, action);
    const stage = action.stage.label;
    const clientUrl = globalContext.getClientUrl?.();
    const viewOptions = {
      t,
      formats,
      table: config.table,
      withAmount: config.amount !== undefined,
      withOwner: config.owner !== undefined,
      ...(ctx.xrm.Navigation === undefined ? {} : { navigation: ctx.xrm.Navigation }),
      ...(clientUrl === undefined ? {} : { clientUrl }),
    };
    const mine = ++asked;
    if (query === undefined) {
      renderStageRecords(drill, viewOptions, { state: 'ready', stage, count: 0, records: [] });
      return;
    }
    renderStageRecords(drill, viewOptions, { state: 'loading', stage });
    loadStageRecords(ctx.client, query).then(
      (records) => {
        if (mine === asked)
          renderStageRecords(drill, viewOptions, {
            state: 'ready',
            stage,
            count: action.stage.count,
            records,
          });
      },
      (e: unknown) => {
        if (mine !== asked) return;
        const failure = describeFailure(e, t, config.table);
        renderStageRecords(drill, viewOptions, { state: 'error', stage, message: failure.title });
      },
    );
  };
  const view = createFunnelView(shell.content, {
    t: translatorFor(ctx.lcid, 'funnel'),
    formats,
    onSelect: showStage,
    onOpen: showStage,
    downloads: pageDownloads(ctx, config.title ?? t('pipeline-funnel.title')),
  });
  view.update({ state: 'ready', funnel, currency, hasAmount: config.amount !== undefined });
  shell.content.append(drill);
}

/** The query of a stage's records, or undefined when the stage cannot have any (listed only). */
export function stageQuery(
  config: FunnelConfig,
  scope: QueryScope,
  funnel: Funnel,
  action: StageAction,
): StageRecordsQuery | undefined {
  // In reached mode a stage's bar counts the records of that stage and of every later one.
  const stages = config.mode === 'reached' ? funnel.stages.slice(action.stageIndex) : [action.stage];
  const stageKeys = stages.filter((s) => !s.listedOnly).map((s) => s.key);
  if (stageKeys.length === 0) return undefined;
  const query: StageRecordsQuery = { scope, stage: config.stage, stageKeys, name: config.name };
  if (config.amount !== undefined) query.amount = config.amount;
  if (config.owner !== undefined) query.owner = config.owner;
  if (config.segment !== undefined && action.segmentKey !== null)
    query.segment = { column: config.segment, key: action.segmentKey };
  return query;
}
