/// <reference types="powerapps-component-framework" />
/**
 * A browser host page for the built SalesFunnel bundle (bundled by esbuild for the browser test):
 * it stands in for the PCF runtime with a chosen language (the control's own resx), a multi-page
 * dataset that delivers each page asynchronously, and timings of every updateView.
 */
import { MockDataSet } from './mock-dataset';
import { SAMPLE_COLUMNS, sampleOpportunities, sampleRows, type SampleLcid } from './sample-data';

type Control = ComponentFramework.StandardControl<Record<string, unknown>, Record<string, unknown>>;
type ControlClass = new () => Control;

interface HostState {
  ready: boolean;
  updates: { ms: number; properties: string[] }[];
  loadNextPageCalls: number;
  selected: string[];
  opened: string[];
  /** Re-runs updateView after a property change and returns how long it took (ms). */
  setProperty: (name: 'mode' | 'metric' | 'stageOrder', value: string) => number;
  resize: () => number;
}

declare global {
  interface Window {
    funnelHost?: HostState;
  }
}

const params = new URLSearchParams(location.search);
const lcid = Number(params.get('lcid') ?? '1033') as SampleLcid;
const count = Number(params.get('records') ?? '1000');
/** A page size the stand-in platform uses whatever the control asks (as a host that caps pages would). */
const forcedPageSize = params.has('pageSize') ? Number(params.get('pageSize')) : undefined;
const maxRecords = params.has('max') ? Number(params.get('max')) : null;
const registered = new Map<string, ControlClass>();
// The bundle registers itself through window.ComponentFramework.registerControl when it exists.
(
  window as unknown as { ComponentFramework: { registerControl: (name: string, ctor: ControlClass) => void } }
).ComponentFramework = {
  registerControl: (name, ctor) => {
    registered.set(name, ctor);
  },
};

async function loadStrings(): Promise<Map<string, string>> {
  const text = await (await fetch(`strings/SalesFunnel.${lcid}.resx`)).text();
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const strings = new Map<string, string>();
  for (const data of doc.querySelectorAll('data')) {
    strings.set(data.getAttribute('name') ?? '', data.querySelector('value')?.textContent ?? '');
  }
  return strings;
}

async function loadBundle(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'bundle.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('bundle.js did not load'));
    document.head.appendChild(script);
  });
}

async function main(): Promise<void> {
  const strings = await loadStrings();
  await loadBundle();
  const Ctor = registered.get('CollabCrm.SalesFunnel');
  if (Ctor === undefined) throw new Error('CollabCrm.SalesFunnel was not registered');
  const ds = new MockDataSet(sampleRows(sampleOpportunities(count), lcid), SAMPLE_COLUMNS, 50);
  const setPageSize = ds.paging.setPageSize.bind(ds.paging);
  ds.paging.setPageSize = (size) => setPageSize(forcedPageSize ?? size);
  const inputs = {
    records: ds,
    stageOrder: { raw: '' },
    mode: { raw: 'snapshot' },
    metric: { raw: 'count' },
    maxRecords: { raw: maxRecords },
  };
  const context = {
    parameters: inputs,
    updatedProperties: [] as string[],
    userSettings: { languageId: lcid },
    resources: { getString: (key: string) => strings.get(key) ?? key },
    mode: { trackContainerResize: () => undefined, isControlDisabled: false },
  } as unknown as ComponentFramework.Context<Record<string, unknown>>;
  const container = document.getElementById('control') as HTMLDivElement;
  const control = new Ctor();
  const state: HostState = {
    ready: false,
    updates: [],
    loadNextPageCalls: 0,
    selected: [],
    opened: [],
    setProperty: (name, value) => {
      inputs[name] = { raw: value };
      return update([name]);
    },
    resize: () => update(['layout']),
  };
  window.funnelHost = state;
  const update = (properties: string[]): number => {
    context.updatedProperties = properties;
    // The platform hands over ready-made records: build the stand-in's objects outside the timing.
    void ds.records;
    void ds.sortedRecordIds;
    const started = performance.now();
    control.updateView(context);
    const ms = performance.now() - started;
    state.updates.push({ ms, properties });
    state.loadNextPageCalls = ds.paging.loadNextPageCalls;
    if (ds.paging.pending) {
      // The platform answers loadNextPage() later, in another updateView.
      setTimeout(() => {
        ds.deliverPage();
        update(['dataset']);
      }, 10);
    } else {
      state.ready = true;
    }
    return ms;
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
  control.init(context, () => undefined, {}, container);
  update([]);
}

void main();
