/// <reference types="powerapps-component-framework" />
/**
 * The adapter between the PCF context and the funnel: reads the DataSet into a plain snapshot, asks
 * the paging rules (src/widgets/funnel/paging.ts) what to do, and does it: reads the records into
 * the store, computes the funnel, hands it to the view, asks the dataset for the next page.
 * Selection and opening go back to the host.
 */
import { createFormats, createTranslate, type Translate } from '../../../src/widgets/shared/i18n';
import { computeFunnel } from '../../../src/widgets/funnel/model';
import { commonCurrency } from '../../../src/widgets/funnel/money';
import {
  decide,
  initialPagingState,
  PAGE_SIZE,
  type DatasetSnapshot,
  type PagingAction,
  type PagingState,
} from '../../../src/widgets/funnel/paging';
import { funnelSettings, type FunnelSettings } from '../../../src/widgets/funnel/settings';
import { stagesFromPcfMetadata } from '../../../src/widgets/funnel/known-stages';
import type { SegmentRef, StageRef } from '../../../src/widgets/funnel/types';
import { createFunnelView, type FunnelView } from '../../../src/widgets/funnel/view';
import { downloadFunnel, localeDecimalSeparator } from '../../../src/widgets/funnel/download';
import { RecordStore } from './record-store';
import { funnelColumns } from './records';

type DataSet = ComponentFramework.PropertyTypes.DataSet;

/** The parts of the manifest's inputs the control reads (IInputs is assignable to it). */
export interface FunnelParameters {
  records: DataSet;
  stageOrder?: { raw: string | null };
  mode?: { raw: string | null };
  metric?: { raw: string | null };
  maxRecords?: { raw: number | null };
  segmentColumn?: { raw: string | null };
}

/** The parts of the PCF context the control reads (ComponentFramework.Context<IInputs> is assignable). */
export interface FunnelContext {
  parameters: FunnelParameters;
  updatedProperties?: string[];
  userSettings: {
    languageId: number;
    /** The user's number format from Dynamics' personal options: the CSV's decimal separator. */
    numberFormattingInfo?: { numberDecimalSeparator?: string };
  };
  resources: { getString: (id: string) => string };
  mode: { trackContainerResize: (value: boolean) => void };
  /** PCF's Utility: `getEntityMetadata` gives the stage choice's options (in the user's language). */
  utils?: { getEntityMetadata?: (entityName: string, attributes?: string[]) => PromiseLike<unknown> };
}

type DrawAction = Extract<PagingAction, { kind: 'draw' }>;

const NO_SEGMENT_KEY = '\u0000none';

/** The translations of the user's language from the control's resx (the key itself when missing). */
export function resxTranslate(resources: FunnelContext['resources']): Translate {
  return createTranslate((key) => {
    const text = resources.getString(key);
    return text === key ? undefined : text;
  });
}

/** What the paging rules need to know of the dataset. */
export function datasetSnapshot(ds: DataSet): DatasetSnapshot {
  const ids = ds.sortedRecordIds;
  return {
    loading: ds.loading,
    error: ds.error,
    errorMessage: ds.errorMessage,
    idCount: ids.length,
    firstId: ids[0] ?? '',
    lastId: ids[ids.length - 1] ?? '',
    totalResultCount: ds.paging.totalResultCount,
    hasNextPage: ds.paging.hasNextPage,
  };
}

export interface FunnelControllerOptions {
  /** The clock of the paging redraw throttle (performance.now by default). */
  now?: () => number;
}

export class FunnelController {
  private view: FunnelView | undefined;
  private noSegment: SegmentRef = { key: NO_SEGMENT_KEY, label: '' };
  private readonly store = new RecordStore();
  private paging: PagingState = initialPagingState;
  private readonly now: () => number;
  /** The stage choice's options once getEntityMetadata answers (undefined before, or for no choice). */
  private knownStages: StageRef[] | undefined;
  private stageOptionsAsked = false;
  private lastDraw: DrawAction | undefined;

  constructor(
    private readonly container: HTMLElement,
    options: FunnelControllerOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  init(context: FunnelContext): void {
    context.mode.trackContainerResize(true);
    // A new page size applies from the next refresh: reload from the first page with it.
    context.parameters.records.paging.setPageSize(PAGE_SIZE);
    context.parameters.records.paging.reset();
    const t = resxTranslate(context.resources);
    this.noSegment = { key: NO_SEGMENT_KEY, label: t('segments.none') };
    const ds = (): DataSet => context.parameters.records;
    const formats = createFormats(context.userSettings.languageId);
    const decimal = context.userSettings.numberFormattingInfo?.numberDecimalSeparator;
    this.view = createFunnelView(this.container, {
      t,
      formats,
      downloads: (kind, subject) =>
        downloadFunnel(this.container.ownerDocument, kind, subject, {
          t,
          formats,
          title: t('control.displayName'),
          decimalSeparator: () =>
            Promise.resolve(
              decimal === undefined || decimal === '' ? localeDecimalSeparator(formats.locale) : decimal,
            ),
        }),
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
    if (this.view === undefined) return;
    const p = context.parameters;
    const ds = p.records;
    const settings: FunnelSettings = funnelSettings({
      maxRecords: p.maxRecords?.raw,
      mode: p.mode?.raw,
      metric: p.metric?.raw,
      stageOrder: p.stageOrder?.raw,
    });
    const updatedProperties = context.updatedProperties ?? [];
    const event = { kind: 'update', updatedProperties, dataset: datasetSnapshot(ds), settings } as const;
    this.askStageOptions(context, ds);
    let { state, action } = decide(this.paging, event, this.now());
    if (action.kind === 'ingest') {
      if (action.startOver) this.store.clear();
      this.store.add(ds, this.noSegment, action.max, p.segmentColumn?.raw);
      ({ state, action } = decide(state, { kind: 'ingested', read: this.store.length }, this.now()));
    }
    this.paging = state;
    this.perform(action, this.view, ds);
  }

  destroy(): void {
    this.view?.destroy();
    this.view = undefined;
  }

  /**
   * Asks once for the stage choice's options, so that a listed stage with no records is drawn as a
   * zero stage rather than reported as not found; the funnel is drawn without them meanwhile, and
   * redrawn when they arrive. A failure leaves the funnel as it is.
   */
  private askStageOptions(context: FunnelContext, ds: DataSet): void {
    if (this.stageOptionsAsked) return;
    const getEntityMetadata = context.utils?.getEntityMetadata;
    const column = funnelColumns(ds).stage;
    if (getEntityMetadata === undefined || column === undefined) return;
    this.stageOptionsAsked = true;
    if (column.dataType !== 'OptionSet') return;
    let request: PromiseLike<unknown>;
    try {
      // Hosts without a table (pcf-start's harness) may throw here rather than reject.
      const entity = ds.getTargetEntityType();
      if (!entity) return;
      request = getEntityMetadata.call(context.utils, entity, [column.name]);
    } catch {
      return;
    }
    Promise.resolve(request).then(
      (metadata) => {
        const stages = stagesFromPcfMetadata(metadata, column.name);
        if (stages.length === 0 || this.view === undefined) return;
        this.knownStages = stages;
        if (this.lastDraw !== undefined) this.draw({ ...this.lastDraw, loadNextPage: false }, this.view, ds);
      },
      () => undefined,
    );
  }

  private draw(action: DrawAction, view: FunnelView, ds: DataSet): void {
    this.lastDraw = action;
    const { progress, settings } = action;
    const columns = this.store.columns(progress.loaded);
    const known = this.knownStages;
    const options = known === undefined ? settings : { ...settings, knownStages: known };
    const funnel = computeFunnel({ kind: 'columns', columns }, options);
    const currency = commonCurrency(this.store.symbols);
    view.update({ state: 'ready', funnel, currency, progress, hasAmount: this.store.hasAmount });
    if (action.loadNextPage) ds.paging.loadNextPage();
  }

  private perform(action: PagingAction, view: FunnelView, ds: DataSet): void {
    switch (action.kind) {
      case 'show-loading':
        this.lastDraw = undefined;
        view.update({ state: 'loading' });
        return;
      case 'show-error':
        this.lastDraw = undefined;
        view.update({ state: 'error', message: action.message });
        return;
      case 'draw':
        this.draw(action, view, ds);
        return;
      case 'load-next-page':
        ds.paging.loadNextPage();
        return;
      case 'ingest':
      case 'nothing':
        return;
    }
  }
}
