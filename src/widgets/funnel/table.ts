/** The funnel as a table: the "show as table" view, with the same select and open actions. */
import { el } from '../shared/dom';
import { focusKey, type StageTarget } from './bars';
import type { FunnelLabels } from './labels';
import type { FunnelSeries } from './types';

export interface TableOptions {
  doc: Document;
  labels: FunnelLabels;
  series: FunnelSeries;
  caption: string;
  segmentKey: string | null;
  withAmount: boolean;
  selected: StageTarget | null;
  selectable: boolean;
}

export function renderTable(o: TableOptions): HTMLTableElement {
  const { doc, labels, series } = o;
  const t = labels.t;
  const headers = [
    t('table.stage'),
    t('table.records'),
    o.withAmount ? t('table.amount') : null,
    t('table.ofFirst'),
    t('table.conversion'),
    t('table.dropOff'),
    o.selectable ? t('table.actions') : null,
  ];
  const table = el(doc, 'table', { className: 'crmkit-funnel__table' }, [
    el(doc, 'caption', {}, [o.caption]),
    el(doc, 'thead', {}, [
      el(
        doc,
        'tr',
        {},
        headers.map((h) => (h === null ? null : el(doc, 'th', { attrs: { scope: 'col' } }, [h]))),
      ),
    ]),
  ]);
  const body = el(doc, 'tbody');
  series.stages.forEach((stage, i) => {
    const target: StageTarget = { stage: i, segmentKey: o.segmentKey };
    const isSelected =
      o.selected !== null && o.selected.stage === i && o.selected.segmentKey === o.segmentKey;
    const num = (text: string): HTMLTableCellElement => el(doc, 'td', { className: 'is-number' }, [text]);
    const actions = o.selectable
      ? el(doc, 'td', { className: 'crmkit-funnel__actions' }, [
          el(
            doc,
            'button',
            {
              attrs: {
                type: 'button',
                'aria-pressed': String(isSelected),
                'data-stage': i,
                'data-segment': o.segmentKey ?? undefined,
                'data-focus': focusKey('table-select', target),
                'aria-label': `${t('action.select')}: ${stage.label}`,
              },
            },
            [t('action.select')],
          ),
          el(
            doc,
            'button',
            {
              attrs: {
                type: 'button',
                'data-open': i,
                'data-segment': o.segmentKey ?? undefined,
                'data-focus': focusKey('table-open', target),
                'aria-label': `${t('action.open')}: ${stage.label}`,
                disabled: stage.count === 0,
              },
            },
            [t('action.open')],
          ),
        ])
      : null;
    body.appendChild(
      el(doc, 'tr', { className: isSelected ? 'is-selected' : undefined }, [
        el(doc, 'th', { attrs: { scope: 'row' } }, [stage.label]),
        num(labels.count(stage.count)),
        o.withAmount ? num(labels.money(stage.amount)) : null,
        num(labels.percent(stage.ofFirst)),
        num(labels.percent(stage.ofPrevious)),
        stage.gain !== null && stage.gain > 0
          ? el(doc, 'td', { className: 'is-gain' }, [labels.change(stage)])
          : num(stage.dropOff === null ? '—' : labels.value(stage.dropOff)),
        actions,
      ]),
    );
  });
  table.appendChild(body);
  return table;
}
