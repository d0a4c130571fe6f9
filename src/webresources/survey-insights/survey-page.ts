/** The survey-insights page's work once it runs inside Dynamics: read settings, query, draw. */
import { translatorFor } from '../page/catalogue';
import type { PageContext } from '../page/page-boot';
import { resolvePeriod } from '../params/period';
import { scopeOf } from '../params/query-scope';
import { scopeText } from '../params/scope-text';
import { userFormats } from '../../widgets/shared/user-formats';
import { userOffsetOf } from '../../widgets/shared/user-time';
import { domXmlParse } from '../params/dom-xml';
import { onDemand } from '../page/on-demand';
import { readSurveyConfig } from './survey-config';
import { loadSurveyRows, surveyScope } from './survey-data';

/** The figures and their view: fetched while the records are read (insights-later.ts). */
const insightsCode = onDemand(() => import('./insights-later'));

export async function runSurveyInsights(ctx: PageContext): Promise<void> {
  const { t, shell, formats } = ctx;
  const later = Promise.all([insightsCode(), ctx.loadStrings('survey')]).then(([code]) => code);
  later.catch(() => undefined);
  const config = readSurveyConfig(ctx.win.location.search, ctx.clientConfig);
  ctx.table = config.table;
  shell.setHeader(
    config.title ?? t('survey-insights.title'),
    scopeText(config.table, config.filter, config.period, t, formats),
  );
  const now = new Date();
  // Months, period bounds and response times follow the user's Dynamics time zone.
  const offsetAt = userOffsetOf(ctx.xrm.Utility.getGlobalContext().userSettings);
  const period = resolvePeriod(config.period, now, offsetAt);
  const base = await scopeOf(config, ctx.client, now, domXmlParse, 'modifiedon', offsetAt);
  const rows = await loadSurveyRows(config, ctx.client, surveyScope(base, config, period), (loaded) =>
    shell.busy(t('status.records', { count: formats.number(loaded) })),
  );
  const { computeInsights, renderInsights } = await later;
  const insights = computeInsights(rows.documents, config.definition, period, offsetAt);
  shell.setHeader(
    config.title ?? t('survey-insights.title'),
    `${scopeText(config.table, config.filter, config.period, t, formats)} · ${t('survey.recordsCount', { count: formats.number(insights.records) })}`,
  );
  if (rows.truncated) shell.note('warning', t('note.capped', { count: formats.number(config.maxRecords) }));
  if (insights.unreadable > 0)
    shell.note('warning', t('note.unreadable', { count: formats.number(insights.unreadable) }));
  renderInsights(
    shell.content,
    {
      t,
      survey: {
        doc: ctx.win.document,
        t: translatorFor(ctx.lcid, 'survey'),
        formats: userFormats(ctx.lcid, offsetAt),
        lcid: ctx.lcid,
        definition: config.definition,
      },
    },
    insights,
  );
}
