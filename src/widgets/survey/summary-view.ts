/** The survey summary: NPS with its breakdown, CSAT with stars, number of responses, last response. */
import type { SurveyAggregates } from './aggregates';
import { el } from '../shared/dom';
import { formatTime, type SurveyViewContext } from './view-context';

function card(
  ctx: SurveyViewContext,
  label: string,
  value: string,
  extra: readonly Node[] = [],
): HTMLElement {
  const { doc } = ctx;
  return el(doc, 'div', { className: 'crmkit-survey__card', attrs: { role: 'group', 'aria-label': label } }, [
    el(doc, 'div', { className: 'crmkit-survey__card-label', text: label }),
    el(doc, 'div', { className: 'crmkit-survey__card-value', text: value }),
    ...extra,
  ]);
}

/** Five star glyphs with the rounded average filled (decorative: the text says the value). */
export function starGlyphs(doc: Document, value: number): HTMLElement {
  const filled = Math.max(0, Math.min(5, Math.round(value)));
  return el(doc, 'span', { className: 'crmkit-stars', attrs: { 'aria-hidden': 'true' } }, [
    el(doc, 'span', { className: 'crmkit-star is-filled', text: '★'.repeat(filled) }),
    el(doc, 'span', { className: 'crmkit-star', text: '★'.repeat(5 - filled) }),
  ]);
}

function npsBar(ctx: SurveyViewContext, a: SurveyAggregates): HTMLElement {
  const { doc, t, formats } = ctx;
  const { promoters, passives, detractors, answered } = a.nps;
  const bar = el(doc, 'div', { className: 'crmkit-survey__npsbar', attrs: { 'aria-hidden': 'true' } });
  for (const [kind, n] of [
    ['promoters', promoters],
    ['passives', passives],
    ['detractors', detractors],
  ] as const) {
    if (n === 0) continue;
    const part = el(doc, 'span', { className: `crmkit-survey__npsbar-${kind}` });
    part.style.flexGrow = String(n / answered);
    bar.append(part);
  }
  const legend = el(doc, 'div', { className: 'crmkit-survey__legend' });
  for (const [kind, n] of [
    ['promoters', promoters],
    ['passives', passives],
    ['detractors', detractors],
  ] as const) {
    legend.append(
      el(doc, 'span', { className: `crmkit-survey__legend-item crmkit-survey__legend-${kind}` }, [
        el(doc, 'span', { className: 'crmkit-survey__dot', attrs: { 'aria-hidden': 'true' } }),
        `${t(`summary.${kind}`)} ${formats.number(n)}`,
      ]),
    );
  }
  return el(doc, 'div', { className: 'crmkit-survey__nps-detail' }, [bar, legend]);
}

export function renderSummary(ctx: SurveyViewContext, a: SurveyAggregates): HTMLElement {
  const { doc, t, formats } = ctx;
  const npsText =
    a.nps.score === null ? t('summary.noScore') : (a.nps.score > 0 ? '+' : '') + formats.number(a.nps.score);
  const nps = card(ctx, t('summary.nps'), npsText, a.nps.score === null ? [] : [npsBar(ctx, a)]);
  nps.classList.add('crmkit-survey__card--nps');
  if (a.nps.score === null) nps.classList.add('is-empty');

  const avg = a.csat.average;
  const csat =
    avg === null
      ? card(ctx, t('summary.csat'), t('summary.noScore'))
      : card(ctx, t('summary.csat'), formats.number(avg, 1), [
          el(doc, 'div', { className: 'crmkit-survey__card-sub' }, [
            starGlyphs(doc, avg),
            el(doc, 'span', { text: t('summary.csatOutOf', { value: formats.number(avg, 1) }) }),
          ]),
        ]);
  if (avg === null) csat.classList.add('is-empty');

  const count = card(ctx, t('summary.responses'), formats.number(a.responseCount));
  const last =
    a.last === undefined
      ? card(ctx, t('summary.lastResponse'), t('summary.none'))
      : card(ctx, t('summary.lastResponse'), formatTime(ctx, a.last.at), [
          el(doc, 'div', { className: 'crmkit-survey__card-sub', text: a.last.respondent }),
        ]);
  last.classList.add('crmkit-survey__card--last');
  if (a.last === undefined) last.classList.add('is-empty');
  return el(doc, 'div', { className: 'crmkit-survey__summary' }, [nps, csat, count, last]);
}
