/**
 * The funnel view: header (records, total amount, overall conversion), notices (loading progress,
 * the record cap, errors), segment chips (one segment, or all side by side), the funnel bars or a
 * table, and a live region announcing selections. DOM only (createElement/textContent), no
 * framework: the PCF control and the dashboard web resource both mount it on an element.
 */
import type { Formats, Translate } from '../shared/i18n';
import { renderBars, type StageTarget } from './bars';
import { renderHeader, renderNotices, renderToolbar } from './chrome';
import { renderDownloadBar, type DownloadKind, type Downloads } from './download-bar';
import { append, el } from '../shared/dom';
import { createLabels, type FunnelLabels } from './labels';
import { recordIdsOfStage } from './model';
import type { Currency } from './money';
import { renderTable } from './table';
import type { Funnel, FunnelSeries, FunnelStage, LoadProgress } from './types';

export type { LoadProgress } from './types';

export type FunnelViewData =
  | { state: 'loading' }
  | { state: 'error'; message?: string }
  | { state: 'ready'; funnel: Funnel; currency: Currency; progress?: LoadProgress; hasAmount: boolean };

export interface StageAction {
  stage: FunnelStage;
  stageIndex: number;
  segmentKey: string | null;
  /** The stage's record ids (empty for pre-aggregated input). */
  recordIds: string[];
}

export interface FunnelViewOptions {
  t: Translate;
  formats: Formats;
  onSelect?: (action: StageAction) => void;
  onOpen?: (action: StageAction) => void;
  /** Shows the Download buttons (CSV, SVG, PNG) and makes the file when one is pressed. */
  downloads?: Downloads;
}

export interface FunnelView {
  update: (data: FunnelViewData) => void;
  destroy: () => void;
}

interface UiState {
  segment: string | null;
  compare: boolean;
  table: boolean;
  selected: StageTarget | null;
}

function stageKeyOf(funnel: Funnel, target: StageTarget): string | null {
  return funnel.stages[target.stage]?.key ?? null;
}

export function createFunnelView(host: HTMLElement, options: FunnelViewOptions): FunnelView {
  const doc = host.ownerDocument;
  const { t, formats } = options;
  const root = el(doc, 'div', {
    className: 'crmkit-widget crmkit-funnel',
    attrs: { role: 'region', 'aria-label': t('control.displayName') },
  });
  const content = el(doc, 'div', { className: 'crmkit-funnel__content' });
  const live = el(doc, 'div', {
    className: 'crmkit-visually-hidden',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  append(root, [content, live]);
  host.appendChild(root);
  const ui: UiState = { segment: null, compare: false, table: false, selected: null };
  let data: FunnelViewData = { state: 'loading' };
  let downloadFailure: string | null = null;

  const draw = (): void => {
    const focused =
      doc.activeElement instanceof HTMLElement && root.contains(doc.activeElement)
        ? doc.activeElement.getAttribute('data-focus')
        : null;
    content.replaceChildren(...build());
    if (focused !== null) {
      const again = Array.from(content.querySelectorAll<HTMLElement>('[data-focus]')).find(
        (n) => n.getAttribute('data-focus') === focused,
      );
      again?.focus();
    }
  };

  const build = (): Node[] => {
    if (data.state === 'loading') {
      return [
        el(doc, 'div', { className: 'crmkit-funnel__placeholder', attrs: { role: 'status' } }, [
          el(doc, 'span', { className: 'crmkit-funnel__spinner', attrs: { 'aria-hidden': 'true' } }),
          t('status.loading'),
        ]),
      ];
    }
    if (data.state === 'error') {
      const text =
        data.message !== undefined && data.message !== ''
          ? t('status.error', { message: data.message })
          : t('status.errorUnknown');
      return [
        el(doc, 'div', { className: 'crmkit-funnel__bar-message is-error', attrs: { role: 'alert' } }, [
          text,
        ]),
      ];
    }
    const { funnel, currency, progress, hasAmount } = data;
    if (ui.segment !== null && !funnel.segments.some((s) => s.key === ui.segment)) ui.segment = null;
    const labels = createLabels(t, formats, currency, funnel.metric);
    const shown: FunnelSeries = funnel.segments.find((s) => s.key === ui.segment) ?? funnel;
    const nodes: Node[] = [renderHeader(doc, labels, shown, funnel, hasAmount)];
    nodes.push(...renderNotices(doc, labels, shown, progress, hasAmount, funnel.warnings));
    if (funnel.records === 0) {
      if (progress?.loading !== true)
        nodes.push(el(doc, 'div', { className: 'crmkit-funnel__placeholder' }, [t('status.empty')]));
      return nodes;
    }
    nodes.push(renderToolbar(doc, t, funnel, ui));
    nodes.push(body(labels, funnel, shown, hasAmount));
    if (options.downloads !== undefined) nodes.push(renderDownloadBar(doc, t, downloadFailure));
    return nodes;
  };

  const body = (
    labels: FunnelLabels,
    funnel: Funnel,
    shown: FunnelSeries,
    hasAmount: boolean,
  ): HTMLElement => {
    // Record input: the records are known; stage totals (aggregates): the host looks them up itself.
    const selectable = options.onSelect !== undefined || options.onOpen !== undefined;
    const compare = ui.compare && funnel.segments.length > 0;
    const groups: { series: FunnelSeries; key: string | null; title: string | null }[] = compare
      ? funnel.segments.map((s) => ({ series: s, key: s.key, title: s.label }))
      : [{ series: shown, key: ui.segment, title: null }];
    const max = Math.max(0, ...groups.flatMap((g) => g.series.stages.map((s) => s.value)));
    const parts = groups.map((g) => {
      const common = {
        doc,
        labels,
        series: g.series,
        segmentKey: g.key,
        withAmount: hasAmount,
        selected: ui.selected,
        selectable,
      };
      const view = ui.table
        ? el(doc, 'div', { className: 'crmkit-funnel__table-wrap' }, [
            renderTable({
              ...common,
              caption: g.title === null ? t('table.caption') : `${t('table.caption')}: ${g.title}`,
            }),
          ])
        : renderBars({ ...common, max, compact: compare });
      if (!compare) return view;
      return el(
        doc,
        'section',
        { className: 'crmkit-funnel__panel', attrs: { 'aria-label': g.title ?? undefined } },
        [
          el(doc, 'h3', { className: 'crmkit-funnel__panel-title' }, [
            g.title ?? '',
            el(doc, 'span', { className: 'crmkit-funnel__panel-meta' }, [
              ` ${labels.count(g.series.records)} · ${labels.percent(g.series.overallConversion)}`,
            ]),
          ]),
          view,
        ],
      );
    });
    return el(
      doc,
      'div',
      { className: `crmkit-funnel__body${compare ? ' is-compare' : ''}${ui.table ? ' is-table' : ''}` },
      parts,
    );
  };

  const actionOf = (target: StageTarget): StageAction | null => {
    if (data.state !== 'ready') return null;
    const series: FunnelSeries = data.funnel.segments.find((s) => s.key === target.segmentKey) ?? data.funnel;
    const stage = series.stages[target.stage];
    if (stage === undefined) return null;
    return {
      stage,
      stageIndex: target.stage,
      segmentKey: target.segmentKey,
      recordIds: recordIdsOfStage(data.funnel, target.stage, target.segmentKey),
    };
  };

  const targetOf = (node: HTMLElement, attr: 'data-stage' | 'data-open'): StageTarget | null => {
    const index = node.getAttribute(attr);
    if (index === null) return null;
    return { stage: Number(index), segmentKey: node.getAttribute('data-segment') };
  };

  const select = (target: StageTarget): void => {
    const action = actionOf(target);
    if (action === null || options.onSelect === undefined) return;
    ui.selected = target;
    options.onSelect(action);
    const fromTotals = data.state === 'ready' && data.funnel.placement.ids.length === 0;
    live.textContent = t('selection.done', {
      count: formats.number(fromTotals ? action.stage.count : action.recordIds.length),
      stage: action.stage.label,
    });
    draw();
  };

  const open = (target: StageTarget): void => {
    const action = actionOf(target);
    if (action === null || data.state !== 'ready') return;
    // From stage totals there are no ids: the host opens the stage's records by its own query.
    if (action.recordIds.length > 0 || data.funnel.placement.ids.length === 0) options.onOpen?.(action);
  };

  const download = (kind: DownloadKind): void => {
    if (data.state !== 'ready' || options.downloads === undefined) return;
    const { funnel, currency, hasAmount } = data;
    downloadFailure = null;
    const segmentKey = ui.compare ? null : ui.segment;
    options.downloads(kind, { funnel, currency, hasAmount, segmentKey }).then(
      () => undefined,
      (e: unknown) => {
        downloadFailure = e instanceof Error ? e.message : String(e);
        draw();
      },
    );
  };

  const onClick = (event: MouseEvent): void => {
    const button = (event.target as Element | null)?.closest('button');
    if (button === null || button === undefined || !root.contains(button)) return;
    const kind = button.getAttribute('data-download');
    if (kind === 'csv' || kind === 'svg' || kind === 'png') {
      download(kind);
      return;
    }
    if (button.hasAttribute('data-chip')) {
      const key = button.getAttribute('data-chip') ?? '';
      ui.segment = key === '' ? null : key;
      ui.compare = false;
      ui.selected = null;
    } else if (button.hasAttribute('data-compare')) {
      ui.compare = !ui.compare;
      ui.selected = null;
    } else if (button.hasAttribute('data-table')) {
      ui.table = !ui.table;
    } else if (button.hasAttribute('data-open')) {
      const target = targetOf(button, 'data-open');
      if (target !== null) open(target);
      return;
    } else if (button.hasAttribute('data-stage')) {
      const target = targetOf(button, 'data-stage');
      if (target !== null && event.shiftKey) open(target);
      else if (target !== null) select(target);
      return;
    } else return;
    draw();
  };

  const onDoubleClick = (event: MouseEvent): void => {
    const button = (event.target as Element | null)?.closest('button.crmkit-funnel__stage');
    if (!(button instanceof HTMLElement)) return;
    const target = targetOf(button, 'data-stage');
    if (target !== null) open(target);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const button =
      event.target instanceof HTMLElement ? event.target.closest('button.crmkit-funnel__stage') : null;
    if (!(button instanceof HTMLElement)) return;
    if (event.key === 'Enter' && event.shiftKey) {
      event.preventDefault();
      const target = targetOf(button, 'data-stage');
      if (target !== null) open(target);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End')
      return;
    const list = button.closest('ol');
    if (list === null) return;
    const buttons = Array.from(list.querySelectorAll<HTMLElement>('button.crmkit-funnel__stage'));
    const at = buttons.indexOf(button);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? buttons.length - 1
          : at + (event.key === 'ArrowDown' ? 1 : -1);
    const to = buttons[Math.max(0, Math.min(buttons.length - 1, next))];
    if (to !== undefined) {
      event.preventDefault();
      to.focus();
    }
  };

  root.addEventListener('click', onClick);
  root.addEventListener('dblclick', onDoubleClick);
  root.addEventListener('keydown', onKeyDown);
  draw();

  return {
    update: (next) => {
      // A selection names a stage by position: keep it only while that position is the same stage.
      const before =
        data.state === 'ready' && ui.selected !== null ? stageKeyOf(data.funnel, ui.selected) : null;
      const after =
        next.state === 'ready' && ui.selected !== null ? stageKeyOf(next.funnel, ui.selected) : null;
      if (before === null || before !== after) ui.selected = null;
      data = next;
      draw();
    },
    destroy: () => {
      root.removeEventListener('click', onClick);
      root.removeEventListener('dblclick', onDoubleClick);
      root.removeEventListener('keydown', onKeyDown);
      root.remove();
    },
  };
}
