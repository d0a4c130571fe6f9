/**
 * `compare=previous` on the page: this period's funnel and the previous period's side by side (one
 * under the other in a narrow column), each the funnel widget with its own title, and under them
 * the table of the change stage by stage. Used by the pipeline and the campaign funnel.
 */
import { el } from '../../widgets/shared/dom';
import type { Formats, Translate } from '../../widgets/shared/i18n';
import type { Currency } from '../../widgets/funnel/money';
import { comparePeriods } from '../../widgets/funnel/period-change';

export { alignStages } from '../../widgets/funnel/period-change';
import { renderPeriodChange } from '../../widgets/funnel/period-change-view';
import type { Funnel } from '../../widgets/funnel/types';
import { createFunnelView, type FunnelViewOptions } from '../../widgets/funnel/view';
import type { DateRange } from '../dataverse/fetchxml';

export interface PeriodsToDraw {
  current: Funnel;
  previous: Funnel;
  /** The previous period's range (its end excluded). */
  previousRange: DateRange;
  currency: Currency;
  hasAmount: boolean;
}

/** "1 Jan 2025 – 30 Jun 2025": a half-open range with its last day shown. */
export function rangeText(range: DateRange, formats: Formats): string {
  const from = range.from === undefined ? '' : formats.date(range.from);
  const to = range.to === undefined ? '' : formats.date(new Date(range.to.getTime() - 1));
  return `${from} – ${to}`;
}

/**
 * Draws both funnels and the change table into `host`; `view` carries the funnel namespace and the
 * current funnel's stage handlers (the previous funnel's stages are not clickable).
 */
export function drawPeriods(
  host: HTMLElement,
  t: Translate,
  view: FunnelViewOptions,
  d: PeriodsToDraw,
): void {
  const doc = host.ownerDocument;
  const panel = (kind: 'current' | 'previous', title: string): HTMLElement => {
    const section = el(doc, 'section', {
      className: 'crmkit-dash__period',
      attrs: { 'data-period': kind, 'aria-label': title },
    });
    section.append(el(doc, 'h2', { className: 'crmkit-dash__period-title', text: title }));
    return section;
  };
  const current = panel('current', t('compare.current'));
  const previous = panel(
    'previous',
    t('compare.previous', { range: rangeText(d.previousRange, view.formats) }),
  );
  host.append(el(doc, 'div', { className: 'crmkit-dash__periods' }, [current, previous]));
  const common = { currency: d.currency, hasAmount: d.hasAmount, state: 'ready' as const };
  createFunnelView(current, view).update({ ...common, funnel: d.current });
  createFunnelView(previous, { t: view.t, formats: view.formats }).update({ ...common, funnel: d.previous });
  const table = renderPeriodChange({
    doc,
    t: view.t,
    formats: view.formats,
    change: comparePeriods(d.current, d.previous),
  });
  host.append(el(doc, 'div', { className: 'crmkit-funnel__table-wrap crmkit-dash__change' }, [table]));
}
