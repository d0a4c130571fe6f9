/**
 * What both modes of the survey-insights page share before drawing: the header with the scope, the
 * user's time zone, and what the insights view needs from the page.
 */
import { translatorFor } from '../page/catalogue';
import type { PageContext } from '../page/page-boot';
import { scopeText } from '../params/scope-text';
import type { SurveyDefinition } from '../../widgets/survey/definition';
import { userFormats } from '../../widgets/shared/user-formats';
import { userOffsetOf, type OffsetAt } from '../../widgets/shared/user-time';
import type { InsightsViewContext } from './insights-view';
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
