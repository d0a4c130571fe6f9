// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFormats, createTranslate } from '../../../src/widgets/shared/i18n';
import { computeFunnel } from '../../../src/widgets/funnel/model';
import type { FunnelRecord } from '../../../src/widgets/funnel/types';
import { createFunnelView, type FunnelViewOptions, type StageAction } from '../../../src/widgets/funnel/view';
import catalogue from '../../../translations/ui/1033.json';

const t = createTranslate((key) => (catalogue.funnel as Record<string, string>)[key]);

function rec(id: string, stage: string, amount: number | null, segment: string): FunnelRecord {
  return { id, stage: { key: stage, label: stage }, amount, segment: { key: segment, label: segment } };
}

const records: FunnelRecord[] = [
  rec('1', 'Lead', 100, 'North'),
  rec('2', 'Lead', 100, 'South'),
  rec('3', 'Lead', 100, 'South'),
  rec('4', 'Lead', null, 'North'),
  rec('5', 'Qualified', 300, 'North'),
  rec('6', 'Qualified', 300, 'South'),
  rec('7', 'Won', 1000, 'North'),
];

function mount(options: Partial<FunnelViewOptions> = {}): HTMLElement {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const view = createFunnelView(host, {
    t,
    formats: createFormats(1033),
    onSelect: () => undefined,
    ...options,
  });
  const funnel = computeFunnel({ kind: 'records', records }, { stageOrder: 'Lead, Qualified, Won' });
  view.update({ state: 'ready', funnel, currency: { symbol: '$' }, hasAmount: true });
  return host;
}

const all = (root: ParentNode, selector: string): string[] =>
  [...root.querySelectorAll(selector)].map((n) => n.textContent ?? '');
const stat = (root: ParentNode, key: string): string =>
  root.querySelector(`[data-stat="${key}"] .crmkit-funnel__stat-value`)?.textContent ?? '';

afterEach(() => document.body.replaceChildren());

describe('funnel view', () => {
  it('shows the records, total amount in the records currency and overall conversion', () => {
    const root = mount();
    expect(stat(root, 'records')).toBe('7');
    expect(stat(root, 'amount')).toBe('$1,900');
    expect(stat(root, 'conversion')).toBe('14%');
  });

  it('draws bars whose widths follow the stage values', () => {
    const root = mount();
    const widths = [...root.querySelectorAll<HTMLElement>('.crmkit-funnel__bar')].map((b) => b.style.width);
    expect(widths).toEqual(['100%', '50%', '25%']);
    expect(all(root, '.crmkit-funnel__flow')).toEqual([
      '↓50% of previousDrop-off: 2',
      '↓50% of previousDrop-off: 1',
    ]);
  });

  it('filters to one segment with a chip and compares segments side by side', () => {
    const root = mount();
    const chip = (label: string): HTMLButtonElement =>
      [...root.querySelectorAll<HTMLButtonElement>('.crmkit-funnel__chip')].find(
        (b) => b.textContent === label,
      )!;
    expect(all(root, '.crmkit-funnel__chip')).toEqual(['All', 'North', 'South', 'Compare']);
    chip('South').click();
    expect(stat(root, 'records')).toBe('3');
    expect(chip('South').getAttribute('aria-pressed')).toBe('true');
    expect(all(root, '.crmkit-funnel__count')).toEqual(['2', '1', '0']);
    chip('Compare').click();
    expect(all(root, '.crmkit-funnel__panel-title').map((s) => s.split(' ')[0])).toEqual(['North', 'South']);
    expect(root.querySelectorAll('.crmkit-funnel__panel .crmkit-funnel__stage')).toHaveLength(6);
  });

  it('shows the same numbers as a table with a caption and header cells', () => {
    const root = mount();
    root.querySelector<HTMLButtonElement>('[data-table]')!.click();
    const table = root.querySelector('table')!;
    expect(table.querySelector('caption')?.textContent).toBe('Sales funnel by stage');
    expect(all(table, 'thead th')).toEqual([
      'Stage',
      'Records',
      'Amount',
      '% of first',
      'Conversion',
      'Drop-off',
      'Actions',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td.is-number')].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['Lead', '4', '$300', '100%', '—', '—'],
      ['Qualified', '2', '$600', '50%', '50%', '2'],
      ['Won', '1', '$1,000', '25%', '50%', '1'],
    ]);
    expect(root.querySelector('[data-table]')?.textContent).toBe('Show as funnel');
  });

  it('announces a selection and hands the stage records to the host', () => {
    const onSelect = vi.fn<(a: StageAction) => void>();
    const root = mount({ onSelect });
    root.querySelectorAll<HTMLButtonElement>('button.crmkit-funnel__stage')[1]!.click();
    expect(onSelect).toHaveBeenCalledOnce();
    expect(onSelect.mock.calls[0]![0].recordIds).toEqual(['5', '6']);
    expect(root.querySelector('[aria-live="polite"]')?.textContent).toBe('Records selected: 2 (Qualified)');
    const pressed = root.querySelectorAll('button.crmkit-funnel__stage')[1]!;
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement === pressed || document.activeElement === document.body).toBe(true);
  });

  it('keeps a selection across updates only while the same stage is in that place', () => {
    const host = document.createElement('div');
    const view = createFunnelView(host, { t, formats: createFormats(1033), onSelect: () => undefined });
    const show = (stageOrder: string): void =>
      view.update({
        state: 'ready',
        funnel: computeFunnel({ kind: 'records', records }, { stageOrder }),
        currency: {},
        hasAmount: false,
      });
    const pressed = (): string[] =>
      [...host.querySelectorAll('button.crmkit-funnel__stage[aria-pressed="true"]')].map(
        (b) => b.querySelector('.crmkit-funnel__label')?.textContent ?? '',
      );
    show('Lead, Qualified, Won');
    host.querySelectorAll<HTMLButtonElement>('button.crmkit-funnel__stage')[1]!.click();
    expect(pressed()).toEqual(['Qualified']);
    show('Lead, Qualified, Won');
    expect(pressed()).toEqual(['Qualified']);
    show('Won, Lead, Qualified');
    expect(pressed()).toEqual([]);
  });

  it('moves between stages with the arrow keys and opens with Shift+Enter', () => {
    const onOpen = vi.fn<(a: StageAction) => void>();
    const root = mount({ onOpen });
    const stages = [...root.querySelectorAll<HTMLButtonElement>('button.crmkit-funnel__stage')];
    stages[0]!.focus();
    stages[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(stages[1]);
    stages[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(document.activeElement).toBe(stages[2]);
    stages[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }));
    expect(onOpen.mock.calls[0]![0].recordIds).toEqual(['7']);
  });

  it('renders stage and segment names as text, never as markup', () => {
    const host = document.createElement('div');
    const view = createFunnelView(host, { t, formats: createFormats(1033) });
    const evil = '<img src=x onerror=alert(1)>';
    const funnel = computeFunnel({ kind: 'records', records: [rec('1', evil, 1, evil)] });
    view.update({ state: 'ready', funnel, currency: {}, hasAmount: false });
    expect(host.querySelector('img')).toBeNull();
    expect(all(host, '.crmkit-funnel__label')).toEqual([evil]);
  });

  it('draws pre-aggregated stage totals without offering selection', () => {
    const host = document.createElement('div');
    const view = createFunnelView(host, { t, formats: createFormats(1026) });
    const funnel = computeFunnel({
      kind: 'aggregates',
      rows: [
        { stage: { key: 'a', label: 'Нов' }, count: 1200, amount: 5000 },
        { stage: { key: 'b', label: 'Спечелен' }, count: 300, amount: 2500 },
      ],
    });
    view.update({ state: 'ready', funnel, currency: { code: 'EUR' }, hasAmount: true });
    expect(all(host, '.crmkit-funnel__count')).toEqual(['1200', '300']);
    expect(host.querySelector('button.crmkit-funnel__stage')?.getAttribute('aria-disabled')).toBe('true');
    expect(host.querySelector('[data-stat="records"] .crmkit-funnel__stat-value')?.textContent).toBe('1500');
  });

  it('hands a stage of pre-aggregated totals to the host (which queries its records) and announces its count', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const selected: StageAction[] = [];
    const opened: StageAction[] = [];
    const view = createFunnelView(host, {
      t,
      formats: createFormats(1033),
      onSelect: (a) => selected.push(a),
      onOpen: (a) => opened.push(a),
    });
    const funnel = computeFunnel({
      kind: 'aggregates',
      rows: [
        { stage: { key: '0', label: 'Qualify', rank: 0 }, count: 1200, amount: 5000 },
        { stage: { key: '1', label: 'Close', rank: 1 }, count: 300, amount: 2500 },
        { stage: null, count: 40, amount: null },
      ],
    });
    view.update({ state: 'ready', funnel, currency: { code: 'EUR' }, hasAmount: true });
    const second = host.querySelectorAll<HTMLButtonElement>('button.crmkit-funnel__stage')[1]!;
    second.click();
    expect(selected.map((a) => [a.stage.key, a.stageIndex, a.recordIds.length])).toEqual([['1', 1, 0]]);
    expect(host.querySelector('[aria-live="polite"]')?.textContent).toBe('Records selected: 300 (Close)');
    host.querySelector<HTMLButtonElement>('button[data-open="1"]')!.click();
    expect(opened.map((a) => a.stage.key)).toEqual(['1']);
    expect(host.querySelector('[data-notice="notes"]')?.textContent).toContain(
      'Records without a stage (not in the funnel): 40',
    );
  });
});
