// @vitest-environment jsdom
/// <reference types="powerapps-component-framework" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FunnelController, type FunnelContext } from '../../controls/SalesFunnel/SalesFunnel/controller';
import { PAGE_SIZE, PAGING_REDRAW_MS } from '../../src/widgets/funnel/paging';
import { MockDataSet, PageAtATimeDataSet, type MockRow } from '../widgets/funnel/mock-dataset';

const repoRoot = path.resolve(import.meta.dirname, '../..');
function catalogue(lcid: number): Record<string, string> {
  const all = JSON.parse(readFileSync(path.join(repoRoot, 'translations/ui', `${lcid}.json`), 'utf8')) as {
    funnel: Record<string, string>;
  };
  return all.funnel;
}

const STAGES = [
  { value: 100000000, label: 'Qualify' },
  { value: 100000001, label: 'Develop' },
  { value: 100000002, label: 'Propose' },
  { value: 100000003, label: 'Close' },
];
const columns = [
  { name: 'salesstagecode', alias: 'stage', dataType: 'OptionSet' },
  { name: 'estimatedvalue', alias: 'amount', dataType: 'Currency' },
  { name: 'customertypecode', alias: 'segment', dataType: 'OptionSet' },
];

/** n opportunities: stage i % 4 weighted towards early stages, amount 1000 + i, every 7th without amount. */
function opportunities(n: number): MockRow[] {
  return Array.from({ length: n }, (_, i) => {
    const stage = STAGES[[0, 0, 0, 1, 1, 2, 3][i % 7]!]!;
    const amount = i % 7 === 6 ? null : 1000 + (i % 100);
    const segment = i % 3 === 0 ? { value: 1, label: 'Enterprise' } : { value: 2, label: 'SMB' };
    return {
      id: `opp-${i}`,
      values: { salesstagecode: stage.value, estimatedvalue: amount, customertypecode: segment.value },
      formatted: {
        salesstagecode: stage.label,
        estimatedvalue: amount === null ? '' : `$${amount.toLocaleString('en-US')}.00`,
        customertypecode: segment.label,
      },
    };
  });
}

interface Host {
  ds: MockDataSet;
  controller: FunnelController;
  container: HTMLDivElement;
  context: FunnelContext;
  /** Delivers pages the control asks for, as the platform would (one updateView per page). */
  settle: () => void;
  update: (updatedProperties: string[]) => void;
}

const hosts: Host[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.controller.destroy();
  document.body.replaceChildren();
});

interface HostOptions {
  lcid?: number;
  maxRecords?: number;
  mode?: string;
  now?: () => number;
  pageAtATime?: boolean;
}

function host(rows: MockRow[], options: HostOptions = {}): Host {
  const ds =
    options.pageAtATime === true
      ? new PageAtATimeDataSet(rows, columns, 50)
      : new MockDataSet(rows, columns, 50);
  const strings = catalogue(options.lcid ?? 1033);
  const context: FunnelContext = {
    parameters: {
      records: ds,
      stageOrder: { raw: null },
      mode: { raw: options.mode ?? 'snapshot' },
      metric: { raw: 'count' },
      maxRecords: { raw: options.maxRecords ?? null },
    },
    updatedProperties: [],
    userSettings: { languageId: options.lcid ?? 1033 },
    resources: { getString: (key) => strings[key] ?? key },
    mode: { trackContainerResize: () => undefined },
  };
  const container = document.createElement('div');
  document.body.appendChild(container);
  const controller = new FunnelController(container, options.now === undefined ? {} : { now: options.now });
  controller.init(context);
  const update = (updatedProperties: string[]): void => {
    context.updatedProperties = updatedProperties;
    controller.update(context);
  };
  const settle = (): void => {
    for (let i = 0; i < 1000 && ds.deliverPage(); i++) update(['dataset']);
  };
  const h = { ds, controller, container, context, settle, update };
  hosts.push(h);
  return h;
}

const text = (root: ParentNode, selector: string): string => root.querySelector(selector)?.textContent ?? '';
const texts = (root: ParentNode, selector: string): string[] =>
  [...root.querySelectorAll(selector)].map((n) => n.textContent ?? '');
const recordsShown = (root: ParentNode): string =>
  text(root, '[data-stat="records"] .crmkit-funnel__stat-value');

const stageButtons = (h: Host): HTMLButtonElement[] => [
  ...h.container.querySelectorAll<HTMLButtonElement>('button.crmkit-funnel__stage'),
];

/** The record ids the host is given when each stage is clicked in turn (snapshot mode: every record once). */
function idsOfAllStages(h: Host): string[] {
  const ids: string[] = [];
  for (let i = 0; i < stageButtons(h).length; i++) {
    stageButtons(h)[i]!.click();
    ids.push(...h.ds.selected);
  }
  return ids;
}

describe('SalesFunnel control over a paged dataset', () => {
  it('asks for large pages and reads every page of the view, not just the first', () => {
    const h = host(opportunities(12_000));
    expect(h.ds.paging.pageSize).toBe(PAGE_SIZE);
    h.update([]);
    expect(text(h.container, '[data-notice="progress"]')).toBe('Loaded 5,000 of 12,000 records…');
    h.settle();
    expect(h.ds.paging.loadNextPageCalls).toBe(2);
    expect(h.container.querySelector('[data-notice="progress"]')).toBeNull();
    expect(recordsShown(h.container)).toBe('12,000');
    const counts = texts(h.container, '.crmkit-funnel__count');
    const expected = [0, 1, 2, 3].map(
      (s) => opportunities(12_000).filter((r) => r.values.salesstagecode === STAGES[s]!.value).length,
    );
    expect(counts).toEqual(expected.map((n) => n.toLocaleString('en-US')));
  });

  it('recomputes at most once a second while pages follow each other, and always after the last page', () => {
    let clock = 0;
    const h = host(opportunities(50_000), { now: () => clock });
    const shown = (): string => recordsShown(h.container);
    h.update([]);
    const drawn = [shown()];
    // Pages 2–10 arrive 300 ms apart: redraws at 1,200 and 2,400 ms, then after the last page.
    for (let page = 2; page <= 10 && h.ds.deliverPage(); page++) {
      clock += 300;
      h.update(['dataset']);
      drawn.push(shown());
    }
    expect(h.ds.paging.loadNextPageCalls).toBe(9);
    expect(drawn).toEqual([
      ...Array<string>(4).fill('5,000'),
      ...Array<string>(4).fill('25,000'),
      '45,000',
      '50,000',
    ]);
    expect(h.container.querySelector('[data-notice="progress"]')).toBeNull();
    expect(PAGING_REDRAW_MS).toBe(1_000);
  });

  it('reads every page of a host that shows only the page just loaded, without counting a record twice', () => {
    const h = host(opportunities(12_000), { pageAtATime: true });
    h.update([]);
    h.settle();
    expect(recordsShown(h.container)).toBe('12,000');
    expect(new Set(idsOfAllStages(h)).size).toBe(12_000);
    // The platform hands the last page over again (a refresh of the same data): nothing is added.
    h.update(['dataset']);
    expect(recordsShown(h.container)).toBe('12,000');
  });

  it('stops at maxRecords and says that the cap cuts the view', () => {
    const h = host(opportunities(12_000), { maxRecords: 7_000 });
    h.update([]);
    h.settle();
    expect(h.ds.paging.loadNextPageCalls).toBe(1);
    expect(recordsShown(h.container)).toBe('7,000');
    expect(text(h.container, '[data-notice="capped"]')).toBe(
      'Showing the first 7,000 of 12,000 records: the limit of 7,000 records cuts the view.',
    );
  });

  it('does not reload or recompute when only the size or focus changes', () => {
    const h = host(opportunities(120));
    h.update([]);
    h.settle();
    // A redraw replaces the bars: the drawn ones staying in the document means nothing was redrawn.
    const bar = stageButtons(h)[0]!;
    const calls = h.ds.paging.loadNextPageCalls;
    h.update(['layout']);
    h.update(['width', 'height']);
    h.update([]);
    expect(bar.isConnected).toBe(true);
    expect(h.ds.paging.loadNextPageCalls).toBe(calls);
  });

  it('recomputes from the records already read when the mode changes', () => {
    const h = host(opportunities(70));
    h.update([]);
    h.settle();
    const calls = h.ds.paging.loadNextPageCalls;
    const bar = stageButtons(h)[0]!;
    h.context.parameters.mode = { raw: 'reached' };
    h.update(['mode']);
    expect(h.ds.paging.loadNextPageCalls).toBe(calls);
    expect(bar.isConnected).toBe(false);
    expect(texts(h.container, '.crmkit-funnel__count')).toEqual(['70', '40', '20', '10']);
  });

  it('asks for a page once when the metric changes while that page is on its way', () => {
    const h = host(opportunities(12_000));
    h.update([]);
    expect(h.ds.paging.loadNextPageCalls).toBe(1);
    h.context.parameters.metric = { raw: 'amount' };
    h.update(['metric']);
    expect(h.ds.paging.loadNextPageCalls).toBe(1);
    h.settle();
    expect(h.ds.paging.loadNextPageCalls).toBe(2);
    expect(recordsShown(h.container)).toBe('12,000');
  });

  it('orders choice stages by their value and shows the records currency', () => {
    const h = host(opportunities(14));
    h.update([]);
    expect([...h.container.querySelectorAll('.crmkit-funnel__label')].map((n) => n.textContent)).toEqual(
      STAGES.map((s) => s.label),
    );
    const total = opportunities(14).reduce(
      (n, r) => n + ((r.values.estimatedvalue as number | null) ?? 0),
      0,
    );
    expect(text(h.container, '[data-stat="amount"] .crmkit-funnel__stat-value')).toBe(
      `$${total.toLocaleString('en-US')}`,
    );
  });

  it('names a stageOrder entry that matches no stage and says a growing stage grows, in words', () => {
    const h = host(opportunities(14));
    h.context.parameters.stageOrder = { raw: 'Qualfy, 100000003, Qualify' };
    h.update(['stageOrder']);
    expect(texts(h.container, '[data-notice="warnings"] li')).toEqual([
      'Stage not found: Qualfy (named in the stage order)',
    ]);
    expect(texts(h.container, '.crmkit-funnel__label')).toEqual(['Close', 'Qualify', 'Develop', 'Propose']);
    expect(texts(h.container, '.crmkit-funnel__drop')).toEqual([
      '+4 more than the previous stage',
      'Drop-off: 2',
      'Drop-off: 2',
    ]);
    expect(texts(h.container, '.crmkit-funnel__of-first')).toEqual([
      '300% of first',
      '200% of first',
      '100% of first',
    ]);
  });

  it('selects the records of a clicked stage in the host and opens them with the second action', () => {
    const h = host(opportunities(21));
    h.update([]);
    const develop = h.container.querySelectorAll<HTMLButtonElement>('button.crmkit-funnel__stage')[1]!;
    develop.click();
    const expected = opportunities(21)
      .filter((r) => r.values.salesstagecode === 100000001)
      .map((r) => r.id);
    expect(h.ds.selected).toEqual(expected);
    const open = h.container.querySelector<HTMLButtonElement>('button.crmkit-funnel__open');
    expect(open?.textContent).toBe('Open records');
    open!.click();
    expect(h.ds.opened.map((r) => r.id.guid)).toEqual([expected[0]]);
  });

  it('selects within the chosen segment only', () => {
    const h = host(opportunities(21));
    h.update([]);
    const smb = [...h.container.querySelectorAll<HTMLButtonElement>('.crmkit-funnel__chip')].find(
      (b) => b.textContent === 'SMB',
    );
    smb!.click();
    h.container.querySelectorAll<HTMLButtonElement>('button.crmkit-funnel__stage')[0]!.click();
    const expected = opportunities(21)
      .filter((r) => r.values.salesstagecode === 100000000 && r.values.customertypecode === 2)
      .map((r) => r.id);
    expect(h.ds.selected).toEqual(expected);
  });

  it('shows the loading state, then the error of the dataset as text', () => {
    const h = host(opportunities(5));
    h.ds.loading = true;
    h.update([]);
    expect(text(h.container, '.crmkit-funnel__placeholder')).toBe('Loading records…');
    h.ds.loading = false;
    h.ds.error = true;
    h.ds.errorMessage = '<img src=x onerror=alert(1)> timeout';
    h.update(['dataset']);
    expect(text(h.container, '[role="alert"]')).toBe(
      'The records could not be loaded: <img src=x onerror=alert(1)> timeout',
    );
    expect(h.container.querySelector('img')).toBeNull();
  });

  it('speaks Russian with Russian number formatting', () => {
    const h = host(opportunities(12_000), { lcid: 1049 });
    h.update([]);
    expect(text(h.container, '[data-notice="progress"]')).toBe(
      'Загружено 5\u00a0000 из 12\u00a0000 записей…',
    );
    h.settle();
    expect(text(h.container, '[data-stat="records"] .crmkit-funnel__stat-label')).toBe('Записи');
    expect(text(h.container, '[data-stat="records"] .crmkit-funnel__stat-value')).toBe('12\u00a0000');
  });

  it('says "loaded N records" when the host does not know the total, and loads more when the cap is raised', () => {
    const h = host(opportunities(12_000), { maxRecords: 5_000 });
    h.ds.paging.totalResultCount = -1;
    h.update([]);
    expect(text(h.container, '[data-notice="capped"]')).toBe(
      'Showing the first 5,000 records: the limit of 5,000 records cuts the view.',
    );
    h.context.parameters.maxRecords = { raw: 20_000 };
    h.update(['maxRecords']);
    expect(text(h.container, '[data-notice="progress"]')).toBe('Loaded 5,000 records…');
    h.settle();
    expect(recordsShown(h.container)).toBe('12,000');
    expect(h.container.querySelector('[data-notice="capped"]')).toBeNull();
  });

  it('starts over when the view itself changes (another filter), keeping nothing of the old records', () => {
    const h = host(opportunities(12_000));
    h.update([]);
    h.settle();
    h.ds.replaceRows(opportunities(30).map((r) => ({ ...r, id: `new-${r.id}` })));
    h.update(['dataset']);
    expect(recordsShown(h.container)).toBe('30');
    const ids = idsOfAllStages(h);
    expect(ids).toHaveLength(30);
    expect(ids.every((id) => id.startsWith('new-'))).toBe(true);
  });

  it('shows the empty state when the view has no records', () => {
    const h = host([]);
    h.update([]);
    expect(text(h.container, '.crmkit-funnel__placeholder')).toBe('There are no records to show.');
  });
});
