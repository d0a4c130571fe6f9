/**
 * This period against the previous one as a table under the two funnels: per stage the count in
 * each period and the difference, each period's conversion and the change in percentage points,
 * then the overall conversion. Text only; "—" where a ratio has nothing to divide by.
 */
import { el } from '../shared/dom';
import type { Formats, Translate } from '../shared/i18n';
import type { PeriodChange } from './period-change';

export interface PeriodChangeViewOptions {
  doc: Document;
  /** The `funnel` namespace. */
  t: Translate;
  formats: Formats;
  change: PeriodChange;
}

export function renderPeriodChange(o: PeriodChangeViewOptions): HTMLTableElement {
  const { doc, t, formats } = o;
  const signed = (n: number, digits = 0): string => (n > 0 ? '+' : '') + formats.number(n, digits);
  const percent = (r: number | null): string =>
    r === null ? '—' : formats.percent(r, Math.abs(r) < 0.1 && r !== 0 ? 1 : 0);
  const pointsText = (p: number | null): string =>
    p === null ? '—' : t('compare.points', { points: signed(Math.round(p * 10) / 10, 1) });
  const num = (text: string, key?: string): HTMLTableCellElement =>
    el(doc, 'td', { className: 'is-number', attrs: key === undefined ? {} : { 'data-col': key } }, [text]);
  const headers = [
    t('table.stage'),
    t('compare.current'),
    t('compare.previous'),
    t('compare.difference'),
    t('compare.conversion'),
    t('compare.previousConversion'),
    t('compare.pointsHeader'),
  ];
  const body = el(
    doc,
    'tbody',
    {},
    o.change.stages.map((s) =>
      el(doc, 'tr', { attrs: { 'data-stage-key': s.key } }, [
        el(doc, 'th', { attrs: { scope: 'row' } }, [s.label]),
        num(formats.number(s.current), 'current'),
        num(formats.number(s.previous), 'previous'),
        num(signed(s.difference), 'difference'),
        num(percent(s.conversion), 'conversion'),
        num(percent(s.previousConversion), 'previousConversion'),
        num(pointsText(s.points), 'points'),
      ]),
    ),
  );
  const { overall } = o.change;
  const foot = el(doc, 'tfoot', {}, [
    el(doc, 'tr', { attrs: { 'data-stage-key': '' } }, [
      el(doc, 'th', { attrs: { scope: 'row', colspan: '4' } }, [t('header.conversion')]),
      num(percent(overall.current), 'conversion'),
      num(percent(overall.previous), 'previousConversion'),
      num(pointsText(overall.points), 'points'),
    ]),
  ]);
  return el(doc, 'table', { className: 'crmkit-funnel__table crmkit-funnel__change' }, [
    el(doc, 'caption', {}, [t('compare.caption')]),
    el(doc, 'thead', {}, [
      el(
        doc,
        'tr',
        {},
        headers.map((h) => el(doc, 'th', { attrs: { scope: 'col' } }, [h])),
      ),
    ]),
    body,
    foot,
  ]);
}
