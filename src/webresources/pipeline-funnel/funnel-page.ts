/** The pipeline-funnel page's work once it runs inside Dynamics: read settings, query, draw. */
import { el } from '../../widgets/shared/dom';
import { computeFunnel } from '../../widgets/funnel/model';
import { commonCurrency, currencySymbolOf, type Currency } from '../../widgets/funnel/money';
import type { Funnel } from '../../widgets/funnel/types';
import { createFunnelView, type StageAction } from '../../widgets/funnel/view';
import { translatorFor } from '../page/catalogue';
import { describeFailure } from '../page/failure-text';
import type { QueryScope } from '../dataverse/fetchxml';
import type { PageContext } from '../page/page-boot';
import { scopeOf } from '../params/query-scope';
import { scopeText } from '../params/scope-text';
import { userOffsetOf } from '../../widgets/shared/user-time';
import { domXmlParse } from '../params/view-criteria';
import { readFunnelConfig, type FunnelConfig } from './funnel-config';
import { loadFunnelData } from './funnel-data';
import { funnelKindOf } from './funnel-kind';
import { previousRange } from '../params/previous-period';
import { loadKnownStages, metadataGetOf } from './known-stages';
import { loadStageRecords, type StageRecordsQuery } from './stage-records';
import { renderStageRecords } from './stage-records-view';

export async function runPipelineFunnel(ctx: PageContext): Promise<void> {
  if (funnelKindOf(ctx.win.location.search, ctx.clientConfig) === 'campaign') {
    // Only a campaign funnel loads its code (a separate piece once the build splits pages).
    const { runCampaignFunnel } = await import('./campaign-page');
    return runCampaignFunnel(ctx);
  }
  const { t, shell, formats } = ctx;
  const config = readFunnelConfig(ctx.win.location.search, ctx.clientConfig);
  ctx.table = config.table;
  shell.setHeader(
    config.title ?? t('pipeline-funnel.title'),
    scopeText(config.table, config.filter, config.period, t, formats),
  );
  const globalContext = ctx.xrm.Utility.getGlobalContext();
  const offsetAt = userOffsetOf(globalContext.userSettings);
  const now = new Date();
  const scope = await scopeOf(config, ctx.client, now, domXmlParse, 'createdon', offsetAt);
  const known = loadKnownStages(metadataGetOf(globalContext, ctx.win), config.table, config.stage);
  const previous = config.compare === 'previous' ? previousRange(scope.range, now) : undefined;
  const [data, before] = await Promise.all([
    loadFunnelData(config, ctx.client, scope),
    previous === undefined ? undefined : loadFunnelData(config, ctx.client, { ...scope, range: previous }),
  ]);
  const knownStages = await known;
  const options = {
    stageOrder: config.stageOrder.join('\n'),
    mode: config.mode,
    metric: config.metric,
    ...(knownStages === undefined ? {} : { knownStages }),
  };
  // The comparison's code is loaded only when asked for (a separate piece once the build splits pages).
  const periods = before === undefined ? undefined : await import('./periods-view');
  const [rows, previousRows] =
    periods === undefined || before === undefined
      ? [data.aggregates, []]
      : periods.alignStages(data.aggregates, before.aggregates);
  const funnel = computeFunnel({ kind: 'aggregates', rows }, options);
  const parts = Math.max(data.parts, before?.parts ?? 0);
  if (parts > 1) shell.note('info', t('note.split', { parts }));
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
  const viewOptions = {
    t: translatorFor(ctx.lcid, 'funnel'),
    formats,
    onSelect: showStage,
    onOpen: showStage,
  };
  const hasAmount = config.amount !== undefined;
  if (previous === undefined || periods === undefined) {
    createFunnelView(shell.content, viewOptions).update({ state: 'ready', funnel, currency, hasAmount });
  } else {
    const previousFunnel = computeFunnel({ kind: 'aggregates', rows: previousRows }, options);
    periods.drawPeriods(shell.content, t, viewOptions, {
      current: funnel,
      previous: previousFunnel,
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
