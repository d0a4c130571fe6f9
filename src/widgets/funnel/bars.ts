/**
 * The funnel drawing: one row per stage with its label, a centred bar whose width follows the
 * stage's value, the count and amount, and between rows the conversion and drop-off.
 * Each stage is a real button (Enter/Space select, Shift+Enter or double-click open).
 */
import { el, type Child } from '../shared/dom';
import type { FunnelLabels } from './labels';
import type { FunnelSeries } from './types';

export interface StageTarget {
  stage: number;
  segmentKey: string | null;
}

export interface BarsOptions {
  doc: Document;
  labels: FunnelLabels;
  series: FunnelSeries;
  segmentKey: string | null;
  /** The value that fills a whole bar (the largest value among the series shown together). */
  max: number;
  withAmount: boolean;
  compact: boolean;
  selected: StageTarget | null;
  /** Selection works only when records are known (not for pre-aggregated input). */
  selectable: boolean;
}

/** Identifies a focusable element across re-renders, so focus can be put back. */
export function focusKey(kind: string, target: StageTarget): string {
  return `${kind}:${target.segmentKey ?? ''}:${target.stage}`;
}

export function barWidth(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(1, Math.min(100, (value / max) * 100));
}

export function renderBars(o: BarsOptions): HTMLOListElement {
  const { doc, labels, series } = o;
  const list = el(doc, 'ol', { className: 'crmkit-funnel__stages', attrs: { role: 'list' } });
  series.stages.forEach((stage, i) => {
    const target: StageTarget = { stage: i, segmentKey: o.segmentKey };
    const isSelected =
      o.selected !== null && o.selected.stage === i && o.selected.segmentKey === o.segmentKey;
    const change = labels.change(stage);
    const flow: Child =
      stage.ofPrevious === null && change === null
        ? null
        : el(doc, 'span', { className: 'crmkit-funnel__flow', attrs: { 'aria-hidden': 'true' } }, [
            el(doc, 'span', { className: 'crmkit-funnel__flow-text' }, [
              el(doc, 'span', { className: 'crmkit-funnel__arrow' }, ['↓']),
              labels.t('stage.conversion', { percent: labels.percent(stage.ofPrevious) }),
              change === null || o.compact
                ? null
                : el(
                    doc,
                    'span',
                    {
                      className: `crmkit-funnel__drop${stage.gain !== null && stage.gain > 0 ? ' is-gain' : ''}`,
                    },
                    [change],
                  ),
            ]),
          ]);
    const bar = el(doc, 'span', { className: 'crmkit-funnel__bar' });
    bar.style.width = `${barWidth(stage.value, o.max)}%`;
    const figures = el(doc, 'span', { className: 'crmkit-funnel__figures' }, [
      el(doc, 'span', { className: 'crmkit-funnel__count' }, [labels.count(stage.count)]),
      o.withAmount && !o.compact
        ? el(doc, 'span', { className: 'crmkit-funnel__amount' }, [labels.money(stage.amount)])
        : null,
      stage.ofFirst !== null && i > 0 && !o.compact
        ? el(doc, 'span', { className: 'crmkit-funnel__of-first' }, [
            labels.t('stage.ofFirst', { percent: labels.percent(stage.ofFirst) }),
          ])
        : null,
    ]);
    const button = el(
      doc,
      'button',
      {
        className: 'crmkit-funnel__stage',
        attrs: {
          type: 'button',
          'aria-pressed': o.selectable ? String(isSelected) : undefined,
          'aria-disabled': o.selectable ? undefined : 'true',
          'aria-label': labels.summary(stage, o.withAmount),
          'data-stage': i,
          'data-segment': o.segmentKey ?? undefined,
          'data-focus': focusKey('stage', target),
        },
      },
      [
        el(doc, 'span', { className: 'crmkit-funnel__label' }, [
          stage.label,
          stage.listedOnly
            ? el(doc, 'span', { className: 'crmkit-funnel__note' }, [` · ${labels.t('stage.listedOnly')}`])
            : null,
        ]),
        el(doc, 'span', { className: 'crmkit-funnel__track', attrs: { 'aria-hidden': 'true' } }, [bar]),
        figures,
      ],
    );
    const open =
      isSelected && o.selectable && stage.count > 0
        ? el(
            doc,
            'button',
            {
              className: 'crmkit-funnel__open',
              attrs: {
                type: 'button',
                'data-open': i,
                'data-segment': o.segmentKey ?? undefined,
                'data-focus': focusKey('open', target),
              },
            },
            [labels.t('stage.open')],
          )
        : null;
    list.appendChild(
      el(doc, 'li', { className: isSelected ? 'crmkit-funnel__row is-selected' : 'crmkit-funnel__row' }, [
        flow,
        button,
        open,
      ]),
    );
  });
  return list;
}
