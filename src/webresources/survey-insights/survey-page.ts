/** The survey-insights page's work once it runs inside Dynamics: read settings, query, draw. */
import type { PageContext } from '../page/page-boot';
import { resolvePeriod } from '../params/period';
import { scopeOf } from '../params/query-scope';
import { scopeText } from '../params/scope-text';
import { domXmlParse } from '../params/dom-xml';
import { onDemand } from '../page/on-demand';
import { insightsContext, startInsights } from './insights-context';
import { readRecordsConfig, readSurveyConfig } from './survey-config';
import { loadSurveyRows, surveyScope } from './survey-data';

/** The figures and their view: fetched while the records are read (insights-later.ts). */
const insightsCode = onDemand(() => import('./insights-later'));

export async function runSurveyInsights(ctx: PageContext): Promise<void> {
  const { t, shell, formats } = ctx;
  const records = readRecordsConfig(ctx.win.location.search, ctx.clientConfig);
  if (records !== undefined) {
    // Records mode's code is a chunk of its own: a page over a text column never fetches it.
    const { runRecordsInsights } = await import('./records-page');
    return runRecordsInsights(ctx, records);
  }
  const later = Promise.all([insightsCode(), ctx.loadStrings('survey')]).then(([code]) => code);
  later.catch(() => undefined);
  const config = readSurveyConfig(ctx.win.location.search, ctx.clientConfig);
  const offsetAt = startInsights(ctx, config);
  const now = new Date();
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
  renderInsights(shell.content, insightsContext(ctx, offsetAt, config.definition), insights);
}
