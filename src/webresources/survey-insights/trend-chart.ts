/**
 * The month-by-month NPS and CSAT as a small SVG line chart (NPS on −100…100, CSAT on 1…5 drawn on
 * the same height), above the month table that carries the exact figures for screen readers.
 * Built with the shared element builder (attributes only), so it needs no inline style.
 */
import { svgEl } from '../../widgets/shared/dom';
import type { Formats, Translate } from '../../widgets/shared/i18n';
import type { GroupInsight } from './insights';

const width = 320;
const height = 140;
const pad = { left: 32, right: 20, top: 8, bottom: 22 };

interface Series {
  className: string;
  values: (number | null)[];
  /** Maps a value to 0…1 of the plot height. */
  scale: (v: number) => number;
  label: (v: number) => string;
  name: string;
}

export function renderTrendChart(
  doc: Document,
  months: readonly GroupInsight[],
  monthLabel: (key: string) => string,
  t: Translate,
  formats: Formats,
): SVGSVGElement | undefined {
  if (months.length < 2) return undefined;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i: number): number => pad.left + (plotW * i) / (months.length - 1);
  const y = (ratio: number): number => pad.top + plotH * (1 - ratio);
  const nps: Series = {
    className: 'crmkit-trend__nps',
    values: months.map((m) => m.aggregates.nps.score),
    scale: (v) => (v + 100) / 200,
    label: (v) => (v > 0 ? '+' : '') + formats.number(v),
    name: t('survey.nps'),
  };
  const csat: Series = {
    className: 'crmkit-trend__csat',
    values: months.map((m) => m.aggregates.csat.average),
    scale: (v) => (v - 1) / 4,
    label: (v) => formats.number(v, 1),
    name: t('survey.csat'),
  };
  const root = svgEl(doc, 'svg', {
    className: 'crmkit-trend',
    attrs: { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('survey.trend') },
  });
  const grid = svgEl(doc, 'g', { className: 'crmkit-trend__grid' });
  for (const [ratio, left, right] of [
    [1, '+100', '5'],
    [0.5, '0', '3'],
    [0, '−100', '1'],
  ] as const) {
    grid.append(
      svgEl(doc, 'line', { attrs: { x1: pad.left, x2: width - pad.right, y1: y(ratio), y2: y(ratio) } }),
    );
    grid.append(
      svgEl(doc, 'text', { attrs: { x: pad.left - 6, y: y(ratio) + 4, 'text-anchor': 'end' }, text: left }),
    );
    grid.append(
      svgEl(doc, 'text', {
        attrs: { x: width - pad.right + 6, y: y(ratio) + 4, 'text-anchor': 'start' },
        text: right,
      }),
    );
  }
  const step = Math.ceil(months.length / 4);
  const anchor = (i: number): string => (i === 0 ? 'start' : i === months.length - 1 ? 'end' : 'middle');
  months.forEach((m, i) => {
    const last = months.length - 1;
    if ((i % step === 0 && last - i >= step) || i === last) {
      grid.append(
        svgEl(doc, 'text', {
          attrs: { x: x(i), y: height - 6, 'text-anchor': anchor(i) },
          text: monthLabel(m.key),
        }),
      );
    }
  });
  root.append(grid);
  for (const series of [csat, nps]) {
    const g = svgEl(doc, 'g', { className: series.className });
    const points = series.values
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(series.scale(v)).toFixed(1)}`))
      .filter((p): p is string => p !== null);
    g.append(svgEl(doc, 'polyline', { attrs: { points: points.join(' '), fill: 'none' } }));
    series.values.forEach((v, i) => {
      if (v === null) return;
      const dot = svgEl(doc, 'circle', {
        attrs: { cx: x(i).toFixed(1), cy: y(series.scale(v)).toFixed(1), r: 3 },
      });
      dot.append(
        svgEl(doc, 'title', { text: `${monthLabel(months[i]!.key)}: ${series.name} ${series.label(v)}` }),
      );
      g.append(dot);
    });
    root.append(g);
  }
  return root;
}

/** The legend under the chart (NPS left axis, CSAT right axis). */
export function trendLegend(doc: Document, t: Translate): HTMLElement {
  const legend = doc.createElement('div');
  legend.className = 'crmkit-trend__legend';
  legend.setAttribute('aria-hidden', 'true');
  for (const [cls, text] of [
    ['crmkit-trend__key--nps', `${t('survey.nps')} (−100…+100)`],
    ['crmkit-trend__key--csat', `${t('survey.csat')} (1…5)`],
  ] as const) {
    const item = doc.createElement('span');
    item.className = `crmkit-trend__key ${cls}`;
    item.textContent = text;
    legend.append(item);
  }
  return legend;
}
