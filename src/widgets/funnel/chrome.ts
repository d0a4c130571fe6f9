/** The funnel's surroundings: header figures, loading/cap/missing-data notices, segment chips and view switch. */
import type { Translate } from '../shared/i18n';
import { el } from '../shared/dom';
import type { FunnelLabels } from './labels';
import type { Funnel, FunnelSeries, FunnelWarning, LoadProgress } from './types';

export function renderHeader(
  doc: Document,
  labels: FunnelLabels,
  shown: FunnelSeries,
  funnel: Funnel,
  hasAmount: boolean,
): HTMLElement {
  const t = labels.t;
  const stat = (label: string, value: string, key: string): HTMLElement =>
    el(doc, 'div', { className: 'crmkit-funnel__stat', attrs: { 'data-stat': key } }, [
      el(doc, 'span', { className: 'crmkit-funnel__stat-label' }, [label]),
      el(doc, 'span', { className: 'crmkit-funnel__stat-value' }, [value]),
    ]);
  return el(doc, 'div', { className: 'crmkit-funnel__header' }, [
    stat(t('header.records'), labels.count(shown.records), 'records'),
    hasAmount ? stat(t('header.amount'), labels.money(shown.totalAmount), 'amount') : null,
    stat(t('header.conversion'), labels.percent(shown.overallConversion), 'conversion'),
    el(doc, 'span', { className: 'crmkit-funnel__counting' }, [
      t(funnel.mode === 'reached' ? 'header.countingReached' : 'header.countingSnapshot'),
    ]),
  ]);
}

export function renderNotices(
  doc: Document,
  labels: FunnelLabels,
  shown: FunnelSeries,
  p: LoadProgress | undefined,
  hasAmount: boolean,
  warnings: readonly FunnelWarning[] = [],
): HTMLElement[] {
  const t = labels.t;
  const out: HTMLElement[] = [];
  if (warnings.length > 0)
    out.push(
      el(
        doc,
        'ul',
        { className: 'crmkit-funnel__warnings', attrs: { 'data-notice': 'warnings' } },
        warnings.map((w) => el(doc, 'li', {}, [t('status.unknownStage', { name: w.entry })])),
      ),
    );
  if (p !== undefined && p.loading) {
    const text =
      p.total === null
        ? t('status.progressUnknown', { loaded: labels.count(p.loaded) })
        : t('status.progress', { loaded: labels.count(p.loaded), total: labels.count(p.total) });
    const meter = el(doc, 'span', { className: 'crmkit-funnel__meter', attrs: { 'aria-hidden': 'true' } }, [
      el(doc, 'span', { className: 'crmkit-funnel__meter-fill' }),
    ]);
    const fill = meter.firstElementChild as HTMLElement;
    fill.style.width =
      p.total === null || p.total === 0 ? '30%' : `${Math.min(100, (p.loaded / p.total) * 100)}%`;
    out.push(
      el(
        doc,
        'div',
        { className: 'crmkit-funnel__progress', attrs: { role: 'status', 'data-notice': 'progress' } },
        [text, meter],
      ),
    );
  }
  if (p !== undefined && p.capped) {
    const args = { loaded: labels.count(p.loaded), max: labels.count(p.max) };
    const text =
      p.total === null || p.total <= p.loaded
        ? t('status.cappedUnknown', args)
        : t('status.capped', { ...args, total: labels.count(p.total) });
    out.push(
      el(
        doc,
        'div',
        { className: 'crmkit-funnel__bar-message is-warning', attrs: { 'data-notice': 'capped' } },
        [text],
      ),
    );
  }
  const notes: string[] = [];
  if (shown.unstaged > 0) notes.push(t('status.unstaged', { count: labels.count(shown.unstaged) }));
  if (hasAmount && shown.missingAmounts > 0)
    notes.push(t('status.missingAmounts', { count: labels.count(shown.missingAmounts) }));
  if (notes.length > 0)
    out.push(
      el(doc, 'div', { className: 'crmkit-funnel__notes', attrs: { 'data-notice': 'notes' } }, [
        notes.join(' · '),
      ]),
    );
  return out;
}

function chip(
  doc: Document,
  label: string,
  pressed: boolean,
  attrs: Record<string, string>,
): HTMLButtonElement {
  return el(
    doc,
    'button',
    {
      className: 'crmkit-funnel__chip',
      attrs: { type: 'button', 'aria-pressed': String(pressed), ...attrs },
    },
    [label],
  );
}

export interface ToolbarState {
  segment: string | null;
  compare: boolean;
  table: boolean;
}

export function renderToolbar(doc: Document, t: Translate, funnel: Funnel, ui: ToolbarState): HTMLElement {
  const chips =
    funnel.segments.length === 0
      ? null
      : el(
          doc,
          'div',
          { className: 'crmkit-funnel__chips', attrs: { role: 'group', 'aria-label': t('segments.label') } },
          [
            chip(doc, t('segments.all'), ui.segment === null && !ui.compare, {
              'data-chip': '',
              'data-focus': 'chip:all',
            }),
            ...funnel.segments.map((s) =>
              chip(doc, s.label, !ui.compare && ui.segment === s.key, {
                'data-chip': s.key,
                'data-focus': `chip:${s.key}`,
              }),
            ),
            chip(doc, t('segments.compare'), ui.compare, {
              'data-compare': '',
              'data-focus': 'compare',
              class: 'crmkit-funnel__chip is-compare',
            }),
          ],
        );
  return el(doc, 'div', { className: 'crmkit-funnel__toolbar' }, [
    chips,
    el(
      doc,
      'button',
      {
        className: 'crmkit-funnel__switch',
        attrs: { type: 'button', 'aria-pressed': String(ui.table), 'data-table': '', 'data-focus': 'table' },
      },
      [t(ui.table ? 'view.funnel' : 'view.table')],
    ),
  ]);
}
