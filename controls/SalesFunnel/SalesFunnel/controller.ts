/// <reference types="powerapps-component-framework" />
/**
 * The control's logic between the PCF context and the funnel: pages through the whole dataset up
 * to maxRecords, keeps the records it read (so resize or focus updates recompute nothing), turns
 * them into the model and hands the model to the view. Selection and opening go back to the host.
 */
import { createFormats, createTranslate, type Translate } from '../../../src/widgets/shared/i18n';
import { computeFunnel } from '../../../src/widgets/funnel/model';
import { commonCurrency } from '../../../src/widgets/funnel/money';
import type { Funnel, FunnelMetric, FunnelMode } from '../../../src/widgets/funnel/types';
import { createFunnelView, type FunnelView, type LoadProgress } from '../../../src/widgets/funnel/view';
import { RecordStore } from './record-store';

type DataSet = ComponentFramework.PropertyTypes.DataSet;

/** The parts of the manifest's inputs the control reads (IInputs is assignable to it). */
export interface FunnelParameters {
  records: DataSet;
  stageOrder?: { raw: string | null };
  mode?: { raw: string | null };
  metric?: { raw: string | null };
  maxRecords?: { raw: number | null };
}

/** The parts of the PCF context the control reads (ComponentFramework.Context<IInputs> is assignable). */
export interface FunnelContext {
  parameters: FunnelParameters;
  updatedProperties?: string[];
  userSettings: { languageId: number };
  resources: { getString: (id: string) => string };
  mode: { trackContainerResize: (value: boolean) => void };
}

export const DEFAULT_MAX_RECORDS = 50_000;
export const PAGE_SIZE = 5_000;
/** While paging, the funnel is recomputed and redrawn at most once per this many ms (and at the end). */
export const PAGING_REDRAW_MS = 1_000;
/** Update reasons that never change the data: the view's CSS follows the width by itself. */
const LAYOUT_ONLY = new Set([
  'layout',
  'width',
  'height',
  'fullscreen_open',
  'fullscreen_close',
  'isControlDisabled',
]);
const NO_SEGMENT_KEY = '\u0000none';

/** The translations of the user's language from the control's resx (the key itself when missing). */
export function resxTranslate(resources: FunnelContext['resources']): Translate {
  return createTranslate((key) => {
    const text = resources.getString(key);
    return text === key ? undefined : text;
  });
}

export interface FunnelControllerOptions {
  /** The clock of the paging redraw throttle (performance.now by default). */
  now?: () => number;
}

export class FunnelController {
  private view: FunnelView | undefined;
  private readonly store = new RecordStore();
  private lastDrawAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;
  private awaitingPage = false;
  private lastTotal: number | undefined;
  private lastData = '';
  private lastSettings = '';
  /** How many times records were read from the dataset (one per page): for tests and diagnostics. */
  ingestCount = 0;
  /** How many times the funnel was computed. */
  computeCount = 0;
  funnel: Funnel | undefined;

  constructor(
    private readonly container: HTMLElement,
    options: FunnelControllerOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  init(context: FunnelContext): void {
    context.mode.trackContainerResize(true);
    context.parameters.records.paging.setPageSize(PAGE_SIZE);
    const lcid = context.userSettings.languageId;
    const ds = (): DataSet => context.parameters.records;
    this.view = createFunnelView(this.container, {
      t: resxTranslate(context.resources),
      formats: createFormats(lcid),
      onSelect: (action) => ds().setSelectedRecordIds(action.recordIds),
      onOpen: (action) => {
        const first = action.recordIds[0];
        if (first === undefined) return;
        ds().setSelectedRecordIds(action.recordIds);
        const record = ds().records[first];
        if (record !== undefined) ds().openDatasetItem(record.getNamedReference());
      },
    });
  }

  update(context: FunnelContext): void {
    const view = this.view;
    if (view === undefined) return;
    const changed = context.updatedProperties ?? [];
    if (changed.length > 0 && changed.every((p) => LAYOUT_ONLY.has(p)) && this.funnel !== undefined) return;
    const p = context.parameters;
    const ds = p.records;
    const max = maxRecordsOf(p);
    const mode: FunnelMode = p.mode?.raw === 'reached' ? 'reached' : 'snapshot';
    const metric: FunnelMetric = p.metric?.raw === 'amount' ? 'amount' : 'count';
    const stageOrder = p.stageOrder?.raw ?? '';
    const ids = ds.sortedRecordIds;
    const data = [
      ds.loading,
      ds.error,
      ids.length,
      ids[0] ?? '',
      ids[ids.length - 1] ?? '',
      ds.paging.totalResultCount,
      ds.paging.hasNextPage,
    ].join('\u0001');
    const settings = [max, mode, metric, stageOrder].join('\u0001');
    const dataChanged = data !== this.lastData;
    if (!dataChanged && settings === this.lastSettings && this.funnel !== undefined) return;
    this.lastData = data;
    this.lastSettings = settings;
    if (ds.error) {
      this.awaitingPage = false;
      view.update({ state: 'error', message: ds.errorMessage });
      return;
    }
    if (ds.loading) {
      if (this.funnel === undefined) view.update({ state: 'loading' });
      return;
    }
    // A change of mode, metric or order recomputes from the records already read.
    if (dataChanged || this.funnel === undefined) this.ingest(ds, context, max);
    const read = this.store.records.length;
    const more = read < max && ds.paging.hasNextPage;
    const total = ds.paging.totalResultCount >= 0 ? ds.paging.totalResultCount : null;
    const progress: LoadProgress = {
      loaded: Math.min(read, max),
      total,
      max,
      loading: more,
      capped: !more && read >= max && (ds.paging.hasNextPage || (total !== null && total > max)),
    };
    // While more pages follow right away, recompute and redraw only now and then, not per page.
    const at = this.now();
    const throttled =
      more && dataChanged && this.funnel !== undefined && at - this.lastDrawAt < PAGING_REDRAW_MS;
    if (throttled) {
      this.awaitingPage = true;
      ds.paging.loadNextPage();
      return;
    }
    this.lastDrawAt = at;
    this.computeCount++;
    const all = this.store.records;
    const records = read > max ? all.slice(0, max) : all;
    const funnel = computeFunnel({ kind: 'records', records }, { stageOrder, mode, metric });
    this.funnel = funnel;
    view.update({
      state: 'ready',
      funnel,
      currency: commonCurrency(this.store.symbols),
      progress,
      hasAmount: this.store.hasAmount,
    });
    if (more) {
      this.awaitingPage = true;
      ds.paging.loadNextPage();
    }
  }

  destroy(): void {
    this.view?.destroy();
    this.view = undefined;
  }

  /** Adds the dataset's records to those read so far, or starts over when the query changed. */
  private ingest(ds: DataSet, context: FunnelContext, max: number): void {
    const total = ds.paging.totalResultCount;
    if (!this.awaitingPage || (this.lastTotal !== undefined && total !== this.lastTotal)) this.store.clear();
    this.awaitingPage = false;
    this.lastTotal = total;
    const noSegment = { key: NO_SEGMENT_KEY, label: resxTranslate(context.resources)('segments.none') };
    this.ingestCount++;
    this.store.add(ds, noSegment, max);
  }
}

function maxRecordsOf(p: FunnelParameters): number {
  const raw = p.maxRecords?.raw;
  return typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? Math.floor(raw) : DEFAULT_MAX_RECORDS;
}
