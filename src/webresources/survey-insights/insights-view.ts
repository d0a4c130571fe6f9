/**
 * The survey insights page body: the survey widget's own summary (NPS, CSAT, responses, last
 * response), then the distribution of answers per question, the month-by-month trend and who and
 * which channel collect the best ratings. Text only; bar lengths set through CSSOM (CSP-safe).
 */
import type { SurveyAggregates } from '../../widgets/survey/aggregates';
import { csatQuestion, localized, npsQuestion, type Question } from '../../widgets/survey/definition';
import { renderSummary } from '../../widgets/survey/summary-view';
import { labelOf, questionLabel, type SurveyViewContext } from '../../widgets/survey/view-context';
import type { Translate } from '../../widgets/shared/i18n';
import { h } from '../page/page-shell';
import type { GroupInsight, SurveyInsights } from './insights';
import { renderTrendChart, trendLegend } from './trend-chart';

export interface InsightsViewContext {
  survey: SurveyViewContext;
  /** The `dashboard` namespace. */
  t: Translate;
}

function bar(doc: Document, ratio: number, className: string): HTMLElement {
  const track = h(doc, 'span', 'crmkit-insights__track');
  track.setAttribute('aria-hidden', 'true');
  const fill = h(doc, 'span', `crmkit-insights__fill ${className}`);
  fill.style.width = `${Math.max(0, Math.min(1, ratio)) * 100}%`;
  track.append(fill);
  return track;
}

function section(doc: Document, title: string, ...children: Node[]): HTMLElement {
  const s = h(doc, 'section', 'crmkit-insights__section');
  const heading = h(doc, 'h2', 'crmkit-insights__heading', title);
  s.append(heading, ...children);
  return s;
}

/** The answers a question can have, in display order, with their labels. */
function answersOf(ctx: SurveyViewContext, q: Question): { key: string; label: string; tone: string }[] {
  switch (q.type) {
    case 'stars':
      return [5, 4, 3, 2, 1].map((n) => ({ key: String(n), label: '★'.repeat(n), tone: 'brand' }));
    case 'nps':
      return Array.from({ length: 11 }, (_, i) => 10 - i).map((n) => ({
        key: String(n),
        label: String(n),
        tone: n >= 9 ? 'promoter' : n >= 7 ? 'passive' : 'detractor',
      }));
    case 'yesno':
      return [
        { key: 'true', label: ctx.t('answer.yes'), tone: 'brand' },
        { key: 'false', label: ctx.t('answer.no'), tone: 'brand' },
      ];
    case 'choice':
      return q.options.map((o) => ({
        key: o.id,
        label: localized(o.text, ctx.lcid, ctx.definition.baseLanguage) ?? o.id,
        tone: 'brand',
      }));
    case 'text':
      return [];
  }
}

function distribution(v: InsightsViewContext, overall: SurveyAggregates): HTMLElement {
  const { survey: ctx } = v;
  const { doc, formats } = ctx;
  const wrap = h(doc, 'div', 'crmkit-insights__distributions');
  for (const q of ctx.definition.questions) {
    const answers = answersOf(ctx, q);
    const counts = overall.perQuestion.get(q.id);
    if (answers.length === 0 || counts === undefined) continue;
    const max = Math.max(1, ...answers.map((a) => counts.counts.get(a.key) ?? 0));
    const block = h(doc, 'div', 'crmkit-insights__question');
    const label =
      q === csatQuestion(ctx.definition)
        ? v.t('survey.csatDistribution')
        : q === npsQuestion(ctx.definition)
          ? v.t('survey.npsDistribution')
          : questionLabel(ctx, q);
    block.append(h(doc, 'h3', 'crmkit-insights__question-title', label));
    const list = h(doc, 'ul', 'crmkit-insights__bars');
    list.setAttribute('aria-label', questionLabel(ctx, q));
    for (const a of answers) {
      const n = counts.counts.get(a.key) ?? 0;
      const row = h(doc, 'li', 'crmkit-insights__bar-row');
      row.setAttribute('data-answer', a.key);
      const name = h(
        doc,
        'span',
        `crmkit-insights__answer${q.type === 'stars' ? ' crmkit-insights__answer--stars' : ''}`,
        a.label,
      );
      if (q.type === 'stars') name.setAttribute('aria-label', ctx.t('form.starLabel', { value: a.key }));
      row.append(
        name,
        bar(doc, n / max, `crmkit-insights__fill--${a.tone}`),
        h(doc, 'span', 'crmkit-insights__count', formats.number(n)),
      );
      list.append(row);
    }
    block.append(list);
    wrap.append(block);
  }
  return wrap;
}

function scoreCells(v: InsightsViewContext, a: SurveyAggregates, maxCount: number): HTMLElement[] {
  const { doc, formats } = v.survey;
  const count = h(doc, 'td', 'crmkit-insights__num');
  const countWrap = h(doc, 'span', 'crmkit-insights__count-cell');
  countWrap.append(
    bar(doc, a.responseCount / Math.max(1, maxCount), 'crmkit-insights__fill--brand'),
    h(doc, 'span', undefined, formats.number(a.responseCount)),
  );
  count.append(countWrap);
  const csat = h(
    doc,
    'td',
    'crmkit-insights__num',
    a.csat.average === null ? '—' : formats.number(a.csat.average, 1),
  );
  csat.setAttribute('data-col', 'csat');
  const npsText = a.nps.score === null ? '—' : (a.nps.score > 0 ? '+' : '') + formats.number(a.nps.score);
  const nps = h(doc, 'td', 'crmkit-insights__num', npsText);
  nps.setAttribute('data-col', 'nps');
  return [count, csat, nps];
}

function table(
  v: InsightsViewContext,
  caption: string,
  firstColumn: string,
  rows: readonly GroupInsight[],
  labelOfKey: (key: string) => string,
  kind: string,
): HTMLElement {
  const { doc } = v.survey;
  const t = h(doc, 'table', 'crmkit-insights__table');
  t.setAttribute('data-table', kind);
  const cap = h(doc, 'caption', 'crmkit-visually-hidden', caption);
  const head = h(doc, 'thead');
  const hr = h(doc, 'tr');
  for (const [text, cls] of [
    [firstColumn, ''],
    [v.t('survey.responses'), 'crmkit-insights__num'],
    [v.t('survey.csat'), 'crmkit-insights__num'],
    [v.t('survey.nps'), 'crmkit-insights__num'],
  ] as const) {
    const th = h(doc, 'th', cls === '' ? undefined : cls, text);
    th.setAttribute('scope', 'col');
    hr.append(th);
  }
  head.append(hr);
  const body = h(doc, 'tbody');
  const maxCount = Math.max(1, ...rows.map((r) => r.aggregates.responseCount));
  for (const r of rows) {
    const tr = h(doc, 'tr');
    tr.setAttribute('data-key', r.key);
    const th = h(doc, 'th', 'crmkit-insights__name', labelOfKey(r.key));
    th.setAttribute('scope', 'row');
    tr.append(th, ...scoreCells(v, r.aggregates, maxCount));
    body.append(tr);
  }
  t.append(cap, head, body);
  const scroller = h(doc, 'div', 'crmkit-insights__table-wrap');
  scroller.append(t);
  return scroller;
}

function trend(
  v: InsightsViewContext,
  months: readonly GroupInsight[],
  monthLabel: (key: string) => string,
): Node[] {
  const { doc, formats } = v.survey;
  const chart = renderTrendChart(doc, months, monthLabel, v.t, formats);
  return chart === undefined ? [] : [chart, trendLegend(doc, v.t)];
}

export function renderInsights(host: HTMLElement, v: InsightsViewContext, insights: SurveyInsights): void {
  const { doc, formats } = v.survey;
  const root = h(doc, 'div', 'crmkit-insights crmkit-survey');
  root.append(renderSummary(v.survey, insights.overall));
  if (insights.overall.responseCount === 0) {
    root.append(h(doc, 'p', 'crmkit-insights__empty', v.t('survey.empty')));
    host.replaceChildren(root);
    return;
  }
  const monthLabel = (key: string): string =>
    new Intl.DateTimeFormat(formats.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${key}-15T00:00:00Z`),
    );
  const grid = h(doc, 'div', 'crmkit-insights__grid');
  grid.append(
    section(doc, v.t('survey.distribution'), distribution(v, insights.overall)),
    section(
      doc,
      v.t('survey.trend'),
      ...trend(v, insights.months, monthLabel),
      table(v, v.t('survey.trend'), v.t('survey.month'), insights.months, monthLabel, 'months'),
    ),
    section(
      doc,
      v.t('survey.byRespondent'),
      table(
        v,
        v.t('survey.byRespondent'),
        v.t('survey.respondent'),
        insights.respondents,
        (k) => k,
        'respondents',
      ),
    ),
    section(
      doc,
      v.t('survey.byChannel'),
      table(
        v,
        v.t('survey.byChannel'),
        v.t('survey.channel'),
        insights.channels,
        (k) => labelOf(v.survey, 'channel', k),
        'channels',
      ),
    ),
  );
  root.append(grid);
  host.replaceChildren(root);
}
