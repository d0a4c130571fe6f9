/** Survey insights in records mode: the response table's aggregates only, drawn as column mode's are. */
import { translatorFor } from '../page/catalogue';
import type { PageContext } from '../page/page-boot';
import { scopeOf } from '../params/query-scope';
import { scopeText } from '../params/scope-text';
import { domXmlParse } from '../params/view-criteria';
import { DEFAULT_DEFINITION, type SurveyDefinition } from '../../widgets/survey/definition';
import { userFormats } from '../../widgets/shared/user-formats';
import { userOffsetOf, type OffsetAt } from '../../widgets/shared/user-time';
import type { Formats, Translate } from '../../widgets/shared/i18n';
import { renderInsights, type GroupSection, type InsightsViewContext } from './insights-view';
import { loadResponseRows } from './records-data';
import { computeRecordsInsights, type RecordsInsights } from './records-insights';
import type { RecordsConfig } from './survey-config';
import type { RecordFilter } from '../params/data-params';
import type { PeriodSpec } from '../params/period';

/** What the insights view needs from the page: its strings, the user's formats and the questions. */
export function insightsContext(
  ctx: PageContext,
  offsetAt: OffsetAt,
  definition: SurveyDefinition,
): InsightsViewContext {
  return {
    t: ctx.t,
    survey: {
      doc: ctx.win.document,
      t: translatorFor(ctx.lcid, 'survey'),
      formats: userFormats(ctx.lcid, offsetAt),
      lcid: ctx.lcid,
      definition,
    },
  };
}

/**
 * Names the table (for a privilege error), shows the title and the scope, and gives the user's time
 * zone: months, period bounds, response times and Dataverse's date grouping follow it.
 */
export function startInsights(
  ctx: PageContext,
  config: { table: string; title?: string; filter: RecordFilter; period: PeriodSpec },
): OffsetAt {
  ctx.table = config.table;
  const { t, formats } = ctx;
  const scope = scopeText(config.table, config.filter, config.period, t, formats);
  ctx.shell.setHeader(config.title ?? t('survey-insights.title'), scope);
  return userOffsetOf(ctx.xrm.Utility.getGlobalContext().userSettings);
}

export async function runRecordsInsights(ctx: PageContext, config: RecordsConfig): Promise<void> {
  const { t, shell, formats } = ctx;
  const offsetAt = startInsights(ctx, config);
  const now = new Date();
  const scope = await scopeOf(config, ctx.client, now, domXmlParse, 'createdon', offsetAt);
  const rows = await loadResponseRows(ctx.client, scope, config.columns, now);
  const insights = computeRecordsInsights(rows, DEFAULT_DEFINITION, config.minResponses);
  if (rows.parts > 1) shell.note('info', t('note.splitRanges', { parts: rows.parts }));
  const v = insightsContext(ctx, offsetAt, DEFAULT_DEFINITION);
  renderInsights(shell.content, v, insights, recordsSections(t, formats, insights, config.minResponses));
}

/** The tables under the trend: staff ranked from `minResponses` responses on, channels, roles. */
export function recordsSections(
  t: Translate,
  formats: Formats,
  insights: RecordsInsights,
  minResponses: number,
): GroupSection[] {
  const same = (key: string): string => key;
  return [
    {
      kind: 'staff',
      title: t('survey.byRespondent'),
      column: t('survey.staff'),
      rows: insights.staff,
      label: same,
      note: t('survey.unranked', { min: formats.number(minResponses) }),
    },
    {
      kind: 'channels',
      title: t('survey.byChannel'),
      column: t('survey.channel'),
      rows: insights.channels,
      label: same,
    },
    { kind: 'roles', title: t('survey.byRole'), column: t('survey.role'), rows: insights.roles, label: same },
  ];
}
