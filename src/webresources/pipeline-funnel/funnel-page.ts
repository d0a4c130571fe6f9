/** The pipeline-funnel page's work once it runs inside Dynamics: read settings, query, draw. */
import { el } from '../../widgets/shared/dom';
import { commonCurrency, currencySymbolOf, type Currency } from '../../widgets/funnel/money';
import type { Funnel, StageAggregate } from '../../widgets/funnel/types';
import type { StageAction } from '../../widgets/funnel/view';
import { translatorFor } from '../page/catalogue';
import type { QueryScope } from '../dataverse/fetchxml';
import type { PageContext } from '../page/page-boot';
import { scopeOf } from '../params/query-scope';
import { scopeText } from '../params/scope-text';
import { userOffsetOf } from '../../widgets/shared/user-time';
import { domXmlParse } from '../params/dom-xml';
import { readFunnelConfig, type FunnelConfig } from './funnel-config';
import { loadFunnelData, type FunnelData } from './funnel-data';
import { funnelKindOf } from './funnel-kind';
import { previousRange } from '../params/previous-period';
import { onDemand } from '../page/on-demand';
import type { StageRecordsQuery } from './stage-records';
// The drill-down's code is fetched on the first click on a stage (stage-drill-later.ts).
import { loadStageRecords } from './stage-drill-later';
import { stageDrill } from './drill-section';
import { pageDownloads } from './page-downloads';

/** The funnel's figures and view: fetched while the totals are read (funnel-later.ts). */
const funnelCode = onDemand(() => import('./funnel-later'));
/** A segment through a lookup or by product: fetched only when one is set (linked-segment.ts). */
const linkedCode = onDemand(() => import('./linked-segment'));

export async function runPipelineFunnel(ctx: PageContext): Promise<void> {
  if (funnelKindOf(ctx.win.location.search, ctx.clientConfig) === 'campaign') {
    // Only a campaign funnel loads its code (a separate piece once the build splits pages).
    const { runCampaignFunnel } = await import('./campaign-page');
    return runCampaignFunnel(ctx);
  }
  const { t, shell, formats } = ctx;
  const later = Promise.all([funnelCode(), ctx.loadStrings('funnel')]).then(([code]) => code);
  later.catch(() => undefined);
  const config = readFunnelConfig(ctx.win.location.search, ctx.clientConfig);
  const via = config.segmentVia;
  const linkedSegment = via === undefined ? undefined : linkedCode();
  linkedSegment?.catch(() => undefined);
  // By product and in a comparison the page shows strings of its `more` file (catalogue.ts).
  const moreStrings =
    via?.kind === 'product' || config.compare === 'previous' ? ctx.loadStrings('more') : undefined;
  ctx.table = config.table;
  shell.setHeader(
    config.title ?? t('pipeline-funnel.title'),
    scopeText(config.table, config.filter, config.period, t, formats),
  );
  const globalContext = ctx.xrm.Utility.getGlobalContext();
  const offsetAt = userOffsetOf(globalContext.userSettings);
  const now = new Date();
  const scope = await scopeOf(config, ctx.client, now, domXmlParse, 'createdon', offsetAt);
  const metadataGet = later.then((m) => m.metadataGetOf(globalContext, ctx.win));
  const known = later.then(async (m) => m.loadKnownStages(await metadataGet, config.table, config.stage));
  const linkedModule = await linkedSegment;
  const segment =
    via === undefined || linkedModule === undefined
      ? undefined
      : await linkedModule.resolveSegment(via, await metadataGet, config.table);
  await moreStrings;
  const load = (s: QueryScope): Promise<FunnelData> =>
    segment === undefined || linkedModule === undefined
      ? loadFunnelData(config, ctx.client, s)
      : linkedModule.loadLinkedFunnelData(config, ctx.client, s, {
          segment,
          noProductsLabel: t('segment.noProducts'),
        });
  const previous = config.compare === 'previous' ? previousRange(scope.range, now) : undefined;
  const [data, before] = await Promise.all([
    load(scope),
    previous === undefined ? undefined : load({ ...scope, range: previous }),
  ]);
  const knownStages = await known;
  const { computeFunnel, computeOverlappingFunnel, createFunnelView } = await later;
  const options = {
    stageOrder: config.stageOrder.join('\n'),
    mode: config.mode,
    metric: config.metric,
    ...(knownStages === undefined ? {} : { knownStages }),
  };
  // The comparison's code is loaded only when asked for (a separate piece once the build splits pages).
  const periods = before === undefined ? undefined : await import('./periods-view');
  /** A period's funnel, over the stages of both periods when they are compared. */
  const funnelOf = (d: FunnelData, other?: FunnelData): Funnel => {
    const align = (rows: StageAggregate[], others: StageAggregate[] | undefined): StageAggregate[] =>
      periods === undefined ? rows : periods.alignStages(rows, others ?? [])[0];
    const rows = align(d.aggregates, other?.aggregates);
    return d.totals === undefined
      ? computeFunnel({ kind: 'aggregates', rows }, options)
      : computeOverlappingFunnel(align(d.totals, other?.totals), rows, options);
  };
  const funnel = funnelOf(data, before);
  const parts = Math.max(data.parts, before?.parts ?? 0);
  if (parts > 1) shell.note('info', t('note.split', { parts }));
  if (data.totals !== undefined) shell.note('info', t('note.productOverlap'));
  const currency: Currency =
    config.currency === undefined
      ? commonCurrency(data.formattedAmounts.map(currencySymbolOf))
      : { code: config.currency };
  const drill = el(ctx.win.document, 'section');
  const clientUrl = globalContext.getClientUrl?.();
  const drillTo = stageDrill(
    drill,
    t,
    () => ctx.loadStrings('more'),
    () => ({
      t,
      formats,
      table: config.table,
      withAmount: config.amount !== undefined,
      withOwner: config.owner !== undefined,
      ...(ctx.xrm.Navigation === undefined ? {} : { navigation: ctx.xrm.Navigation }),
      ...(clientUrl === undefined ? {} : { clientUrl }),
    }),
  );
  /** A click (or Enter) on a stage lists its first records under the funnel, each opening its form. */
  const showStage = (action: StageAction): void => {
    const narrow =
      segment === undefined || linkedModule === undefined
        ? undefined
        : (s: QueryScope, key: string) => linkedModule.scopeOfSegment(s, segment, key);
    const query = stageQuery(config, scope, funnel, action, narrow);
    drillTo.show(
      action.stage.label,
      action.stage.count,
      query === undefined ? undefined : () => loadStageRecords(ctx.client, query),
    );
  };
  const viewOptions = {
    t: translatorFor(ctx.lcid, 'funnel'),
    formats,
    onSelect: showStage,
    onOpen: showStage,
    downloads: pageDownloads(ctx, config.title ?? t('pipeline-funnel.title')),
  };
  const hasAmount = config.amount !== undefined || segment?.kind === 'product';
  if (previous === undefined || periods === undefined || before === undefined) {
    createFunnelView(shell.content, viewOptions).update({ state: 'ready', funnel, currency, hasAmount });
  } else {
    periods.drawPeriods(shell.content, t, viewOptions, {
      current: funnel,
      previous: funnelOf(before, data),
      previousRange: previous,
      currency,
      hasAmount,
    });
  }
  shell.content.append(drill);
}

/** The query of a stage's records, or undefined when the stage cannot have any (listed only). */
export function stageQuery(
  config: FunnelConfig,
  scope: QueryScope,
  funnel: Funnel,
  action: StageAction,
  /** The scope narrowed to one segment through a lookup or by product (linked-segment.ts). */
  narrow?: (scope: QueryScope, key: string) => QueryScope,
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
  if (narrow !== undefined && action.segmentKey !== null) query.scope = narrow(scope, action.segmentKey);
  return query;
}
