/// <reference types="powerapps-component-framework" />
/**
 * The SalesFunnel's dataset for the project's host page (test/browser/host/): bundled by esbuild
 * and added with page.addInitScript, it answers the host's `crmkitHostParameter('records', spec)`
 * with a multi-page MockDataSet of sample opportunities in the host's language. Each
 * loadNextPage() is answered later, in another updateView (as the platform does), and every
 * updateView is timed.
 */
import { MockDataSet, mockGetEntityMetadata } from './mock-dataset';
import {
  SAMPLE_COLUMNS,
  SAMPLE_STAGES,
  sampleOpportunities,
  sampleRows,
  type SampleLcid,
} from './sample-data';

/** `parameters.records` given to crmkitHost.mount(). */
export interface RecordsSpec {
  records: number;
  /** A page size the stand-in platform uses whatever the control asks (as a host that caps pages). */
  pageSize?: number;
}

interface ProjectHost {
  context: { updatedProperties: string[] } | null;
  options: { lcid?: number } | null;
  control: { updateView: (context: unknown) => void } | null;
}

export interface FunnelHostState {
  updates: { ms: number; properties: string[] }[];
  loadNextPageCalls: () => number;
  selected: string[];
  opened: string[];
  /** No page asked for and not yet delivered. */
  settled: () => boolean;
  /** Runs updateView with the given updated properties and returns how long it took (ms). */
  update: (properties: string[]) => number;
  /** Changes an input property, then update([name]). */
  setProperty: (name: string, raw: string | number | null) => number;
}

declare global {
  interface Window {
    crmkitHostParameter?: (name: string, spec: unknown, host: ProjectHost) => unknown;
    crmkitHostUtils?: { getEntityMetadata: (entityName: string, attributes?: string[]) => Promise<unknown> };
    funnelHost?: FunnelHostState;
  }
}

/** Builds the stand-in's record objects for the loaded pages (cached until the next page). */
function warm(ds: MockDataSet): number {
  return ds.sortedRecordIds.length + (ds.records[ds.sortedRecordIds[0] ?? ''] === undefined ? 0 : 1);
}

/** The host's language, known once it mounts the control (the stage labels of getEntityMetadata). */
let hostLcid: SampleLcid = 1033;
/** `context.utils.getEntityMetadata` of the host: the stage choice's options in the user's language. */
window.crmkitHostUtils = {
  getEntityMetadata: (entityName, attributes) =>
    mockGetEntityMetadata('opportunity', [
      {
        column: 'salesstagecode',
        options: SAMPLE_STAGES.map((s) => ({ value: s.value, label: s.label[hostLcid] })),
      },
    ]).getEntityMetadata(entityName, attributes),
};

window.crmkitHostParameter = (name, spec, host) => {
  if (name !== 'records') return undefined;
  const { records, pageSize } = spec as RecordsSpec;
  const lcid = (host.options?.lcid ?? 1033) as SampleLcid;
  hostLcid = lcid;
  const ds = new MockDataSet(sampleRows(sampleOpportunities(records), lcid), SAMPLE_COLUMNS, pageSize ?? 50);
  const setPageSize = ds.paging.setPageSize.bind(ds.paging);
  ds.paging.setPageSize = (size) => setPageSize(pageSize ?? size);
  // The platform hands over ready-made records: build the first page's objects before any timing.
  warm(ds);
  const loadNextPage = ds.paging.loadNextPage.bind(ds.paging);
  ds.paging.loadNextPage = () => {
    loadNextPage();
    setTimeout(() => {
      ds.deliverPage();
      state.update(['dataset']);
    }, 10);
  };
  const state: FunnelHostState = {
    updates: [],
    loadNextPageCalls: () => ds.paging.loadNextPageCalls,
    selected: [],
    opened: [],
    settled: () => !ds.paging.pending && host.control !== null,
    update: (properties) => {
      const context = host.context;
      if (context === null || host.control === null) return 0;
      context.updatedProperties = properties;
      // The platform hands over ready-made records: build the stand-in's objects outside the timing.
      warm(ds);
      const started = performance.now();
      host.control.updateView(context);
      const ms = performance.now() - started;
      state.updates.push({ ms, properties });
      return ms;
    },
    setProperty: (property, raw) => {
      const context = host.context as { parameters: Record<string, { raw: unknown }> } | null;
      if (context === null) return 0;
      context.parameters[property] = { raw };
      return state.update([property]);
    },
  };
  const select = ds.setSelectedRecordIds.bind(ds);
  ds.setSelectedRecordIds = (ids) => {
    select(ids);
    state.selected = ids;
  };
  const openItem = ds.openDatasetItem.bind(ds);
  ds.openDatasetItem = (reference) => {
    openItem(reference);
    state.opened.push(reference.id.guid);
  };
  window.funnelHost = state;
  return ds;
};
