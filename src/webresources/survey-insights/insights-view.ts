/**
 * The survey insights page body: the survey widget's own summary (NPS, CSAT, responses, last
 * response), then the distribution of answers per question, the month-by-month trend and who and
 * which channel collect the best ratings. Text only; bar lengths set through CSSOM (CSP-safe).
 */
import type { SurveyAggregates } from '../../widgets/survey/aggregates';
import { csatQuestion, localized, npsQuestion, type Question } from '../../widgets/survey/definition';
import { renderSummary } from '../../widgets/survey/summary-view';
import { labelOf, questionLabel, type SurveyViewContext } from '../../widgets/survey/view-context';
import { el } from '../../widgets/shared/dom';
import type { Translate } from '../../widgets/shared/i18n';
import type { GroupInsight, SurveyInsights } from './insights';
import { renderTrendChart, trendLegend } from './trend-chart';

export interface InsightsViewContext {
  survey: SurveyViewContext;
  /** The `dashboard` namespace. */
  t: Translate;
}

function bar(doc: Document, ratio: number, className: string): HTMLElement {
  const track = el(doc, 'span', { className: 'crmkit-insights__track', attrs: { 'aria-hidden': 'true' } });
  const fill = el(doc, 'span', { className: `crmkit-insights__fill ${className}` });
  fill.style.width = `${Math.max(0, Math.min(1, ratio)) * 100}%`;
  track.append(fill);
  return track;
}

function section(doc: Document, title: string, ...children: Node[]): HTMLElement {
  const s = el(doc, 'section', { className: 'crmkit-insights__section' });
  const heading = el(doc, 'h2', { className: 'crmkit-insights__heading', text: title });
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
  const wrap = el(doc, 'div', { className: 'crmkit-insights__distributions' });
  for (const q of ctx.definition.questions) {
    const answers = answersOf(ctx, q);
    const counts = overall.perQuestion.get(q.id);
    if (answers.length === 0 || counts === undefined) continue;
    const max = Math.max(1, ...answers.map((a) => counts.counts.get(a.key) ?? 0));
    const block = el(doc, 'div', { className: 'crmkit-insights__question' });
    const label =
      q === csatQuestion(ctx.definition)
        ? v.t('survey.csatDistribution')
        : q === npsQuestion(ctx.definition)
          ? v.t('survey.npsDistribution')
          : questionLabel(ctx, q);
    block.append(el(doc, 'h3', { className: 'crmkit-insights__question-title', text: label }));
    const list = el(doc, 'ul', {
      className: 'crmkit-insights__bars',
      attrs: { 'aria-label': questionLabel(ctx, q) },
    });
    for (const a of answers) {
      const n = counts.counts.get(a.key) ?? 0;
      const row = el(doc, 'li', { className: 'crmkit-insights__bar-row', attrs: { 'data-answer': a.key } });
      const name = el(doc, 'span', {
        className: `crmkit-insights__answer${q.type === 'stars' ? ' crmkit-insights__answer--stars' : ''}`,
        text: a.label,
      });
      if (q.type === 'stars') name.setAttribute('aria-label', ctx.t('form.starLabel', { value: a.key }));
      row.append(
        name,
        bar(doc, n / max, `crmkit-insights__fill--${a.tone}`),
        el(doc, 'span', { className: 'crmkit-insights__count', text: formats.number(n) }),
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
  const count = el(doc, 'td', { className: 'crmkit-insights__num' });
  const countWrap = el(doc, 'span', { className: 'crmkit-insights__count-cell' });
  countWrap.append(
    bar(doc, a.responseCount / Math.max(1, maxCount), 'crmkit-insights__fill--brand'),
    el(doc, 'span', { text: formats.number(a.responseCount) }),
  );
  count.append(countWrap);
  const csat = el(doc, 'td', {
    className: 'crmkit-insights__num',
    text: a.csat.average === null ? '—' : formats.number(a.csat.average, 1),
  });
  csat.setAttribute('data-col', 'csat');
  const npsText = a.nps.score === null ? '—' : (a.nps.score > 0 ? '+' : '') + formats.number(a.nps.score);
  const nps = el(doc, 'td', {
    className: 'crmkit-insights__num',
    attrs: { 'data-col': 'nps' },
    text: npsText,
  });
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
  const { doc, formats } = v.survey;
  const t = el(doc, 'table', { className: 'crmkit-insights__table', attrs: { 'data-table': kind } });
  const cap = el(doc, 'caption', { className: 'crmkit-visually-hidden', text: caption });
  const head = el(doc, 'thead');
  const hr = el(doc, 'tr');
  const ranked = rows.some((r) => r.rank !== undefined);
  // The rank's header is "#" on screen and its name for assistive technology (a narrow column).
  if (ranked)
    hr.append(el(doc, 'th', { text: '#', attrs: { scope: 'col', 'aria-label': v.t('survey.rank') } }));
  for (const [text, cls] of [
    [firstColumn, ''],
    [v.t('survey.responses'), 'crmkit-insights__num'],
    [v.t('survey.csat'), 'crmkit-insights__num'],
    [v.t('survey.nps'), 'crmkit-insights__num'],
  ] as const) {
    const th = el(doc, 'th', { className: cls === '' ? undefined : cls, text, attrs: { scope: 'col' } });
    hr.append(th);
  }
  head.append(hr);
  const body = el(doc, 'tbody');
  const maxCount = Math.max(1, ...rows.map((r) => r.aggregates.responseCount));
  for (const r of rows) {
    const tr = el(doc, 'tr', { attrs: { 'data-key': r.key } });
    if (ranked) {
      const rank = r.rank === null || r.rank === undefined ? '—' : formats.number(r.rank);
      tr.append(el(doc, 'td', { attrs: { 'data-col': 'rank' }, text: rank }));
    }
    const th = el(doc, 'th', {
      className: 'crmkit-insights__name',
      attrs: { scope: 'row' },
      text: r.label === null ? v.t('survey.notSet') : (r.label ?? labelOfKey(r.key)),
    });
    tr.append(th, ...scoreCells(v, r.aggregates, maxCount));
    body.append(tr);
  }
  t.append(cap, head, body);
  const scroller = el(doc, 'div', { className: 'crmkit-insights__table-wrap' });
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

/** A table of figures per group (respondent, staff member, channel, role), under its heading. */
export interface GroupSection {
  kind: string;
  title: string;
  column: string;
  rows: readonly GroupInsight[];
  label: (key: string) => string;
  /** A line under the table (who is not ranked). */
  note?: string;
}

export function renderInsights(
  host: HTMLElement,
  v: InsightsViewContext,
  insights: Pick<SurveyInsights, 'overall' | 'months'> & Partial<SurveyInsights>,
  sections?: readonly GroupSection[],
): void {
  const { doc, formats } = v.survey;
  const root = el(doc, 'div', { className: 'crmkit-insights crmkit-survey' });
  const summary = renderSummary(v.survey, insights.overall);
  // Aggregates know no last response: its card would say "none yet" over thousands of them.
  if (insights.overall.last === undefined && insights.overall.responseCount > 0)
    summary.querySelector('.crmkit-survey__card--last')?.remove();
  root.append(summary);
  if (insights.overall.responseCount === 0) {
    root.append(el(doc, 'p', { className: 'crmkit-insights__empty', text: v.t('survey.empty') }));
    host.replaceChildren(root);
    return;
  }
  const monthLabel = (key: string): string =>
    new Intl.DateTimeFormat(formats.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${key}-15T00:00:00Z`),
    );
  const groups = sections ?? [
    {
      kind: 'respondents',
      title: v.t('survey.byRespondent'),
      column: v.t('survey.respondent'),
      rows: insights.respondents ?? [],
      label: (k: string) => k,
    },
    {
      kind: 'channels',
      title: v.t('survey.byChannel'),
      column: v.t('survey.channel'),
      rows: insights.channels ?? [],
      label: (k: string) => labelOf(v.survey, 'channel', k),
    },
  ];
  const grid = el(doc, 'div', { className: 'crmkit-insights__grid' });
  grid.append(
    section(doc, v.t('survey.distribution'), distribution(v, insights.overall)),
    section(
      doc,
      v.t('survey.trend'),
      ...trend(v, insights.months, monthLabel),
      table(v, v.t('survey.trend'), v.t('survey.month'), insights.months, monthLabel, 'months'),
    ),
    ...groups.map((g) =>
      section(
        doc,
        g.title,
        table(v, g.title, g.column, g.rows, g.label, g.kind),
        ...(g.note === undefined ? [] : [el(doc, 'p', { className: 'crmkit-insights__note', text: g.note })]),
      ),
    ),
  );
  root.append(grid);
  host.replaceChildren(root);
}
