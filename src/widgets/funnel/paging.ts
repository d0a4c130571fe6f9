/**
 * What a funnel over a paged dataset does on each update of its host, decided from plain data (no
 * DOM, no PCF types): read the page (adding it to the records kept, or starting over when the query
 * changed), draw, ask for the next page, or nothing. It pages through the whole view up to
 * `maxRecords`, redraws at most once per PAGING_REDRAW_MS while pages follow each other (and always
 * after the last), recomputes from the records kept when only the settings change, and ignores
 * updates that only change the layout. The SalesFunnel control reads its DataSet into a
 * DatasetSnapshot, calls `decide`, and does what the action says.
 */
import type { FunnelSettings } from './settings';
import type { LoadProgress } from './types';

/** The page size a funnel asks its host for: large pages, few round trips. */
export const PAGE_SIZE = 5_000;
/** While paging, the funnel is recomputed and redrawn at most once per this many ms (and at the end). */
export const PAGING_REDRAW_MS = 1_000;

/** Update reasons that never change the data: the view's CSS follows the width by itself. */
const LAYOUT_ONLY: ReadonlySet<string> = new Set([
  'layout',
  'width',
  'height',
  'fullscreen_open',
  'fullscreen_close',
  'isControlDisabled',
]);

/** What the host's dataset says at an update: its state, the ids it holds, what paging knows. */
export interface DatasetSnapshot {
  loading: boolean;
  error: boolean;
  errorMessage?: string;
  /** How many ids the dataset holds, and the first and last of them (''  when none). */
  idCount: number;
  firstId: string;
  lastId: string;
  /** Records in the whole view, or −1 when the host does not know. */
  totalResultCount: number;
  hasNextPage: boolean;
}

export type PagingEvent =
  /** The host updated the control: which properties changed, its dataset and settings now. */
  | {
      kind: 'update';
      updatedProperties: readonly string[];
      dataset: DatasetSnapshot;
      settings: FunnelSettings;
    }
  /** The control read the records `ingest` asked for: how many it keeps now. */
  | { kind: 'ingested'; read: number };

export type PagingAction =
  | { kind: 'nothing' }
  | { kind: 'show-loading' }
  | { kind: 'show-error'; message?: string }
  /** Read the dataset's records not kept yet, up to `max` in all; forget those kept first if `startOver`. */
  | { kind: 'ingest'; startOver: boolean; max: number }
  /** Compute the funnel of the first `progress.loaded` records kept and draw it; then ask for the next page if `loadNextPage`. */
  | { kind: 'draw'; settings: FunnelSettings; progress: LoadProgress; loadNextPage: boolean }
  /** Ask for the next page without drawing (a redraw came less than PAGING_REDRAW_MS ago). */
  | { kind: 'load-next-page' };

export interface PagingState {
  /** The dataset and settings of the last update that was not skipped (undefined before the first). */
  readonly seen: { readonly dataset: DatasetSnapshot; readonly settings: FunnelSettings } | undefined;
  /** A funnel was drawn: the view shows records. */
  readonly drawn: boolean;
  /** When the last one was drawn (the clock given to `decide`). */
  readonly drawnAt: number;
  /** The next page was asked for and not read yet. */
  readonly awaitingPage: boolean;
  /** The dataset's totalResultCount when records were last read (undefined before). */
  readonly readTotal: number | undefined;
  /** How many records are kept. */
  readonly read: number;
}

export const initialPagingState: PagingState = {
  seen: undefined,
  drawn: false,
  drawnAt: Number.NEGATIVE_INFINITY,
  awaitingPage: false,
  readTotal: undefined,
  read: 0,
};

export interface PagingDecision {
  state: PagingState;
  action: PagingAction;
}

const NOTHING: PagingAction = { kind: 'nothing' };

/** The next state and what to do, on an update of the host or once the records asked for are read. */
export function decide(state: PagingState, event: PagingEvent, now: number): PagingDecision {
  if (event.kind === 'ingested') return drawOrPage({ ...state, read: event.read }, true, now);
  const { dataset, settings, updatedProperties } = event;
  const layoutOnly = updatedProperties.length > 0 && updatedProperties.every((p) => LAYOUT_ONLY.has(p));
  if (layoutOnly && state.drawn) return { state, action: NOTHING };
  const dataChanged = state.seen === undefined || !sameDataset(state.seen.dataset, dataset);
  const settingsChanged = state.seen === undefined || !sameSettings(state.seen.settings, settings);
  if (!dataChanged && !settingsChanged && state.drawn) return { state, action: NOTHING };
  const next: PagingState = { ...state, seen: { dataset, settings } };
  if (dataset.error) {
    const message = dataset.errorMessage;
    return { state: { ...next, awaitingPage: false }, action: { kind: 'show-error', message } };
  }
  if (dataset.loading) return { state: next, action: next.drawn ? NOTHING : { kind: 'show-loading' } };
  // A change of mode, metric or order recomputes from the records already read.
  if (!dataChanged && next.drawn) return drawOrPage(next, false, now);
  const total = dataset.totalResultCount;
  const queryChanged = state.readTotal !== undefined && total !== state.readTotal;
  return {
    state: { ...next, awaitingPage: false, readTotal: total },
    action: { kind: 'ingest', startOver: !state.awaitingPage || queryChanged, max: settings.max },
  };
}

/** Draws the records kept (or, while more pages follow right away, only now and then) and asks for the next page. */
function drawOrPage(state: PagingState, newRecords: boolean, now: number): PagingDecision {
  const seen = state.seen;
  if (seen === undefined) return { state, action: NOTHING };
  const { dataset, settings } = seen;
  const { read } = state;
  const max = settings.max;
  const more = read < max && dataset.hasNextPage;
  const total = dataset.totalResultCount >= 0 ? dataset.totalResultCount : null;
  if (more && newRecords && state.drawn && now - state.drawnAt < PAGING_REDRAW_MS) {
    return { state: { ...state, awaitingPage: true }, action: { kind: 'load-next-page' } };
  }
  const progress: LoadProgress = {
    loaded: Math.min(read, max),
    total,
    max,
    loading: more,
    capped: !more && read >= max && (dataset.hasNextPage || (total !== null && total > max)),
  };
  return {
    state: { ...state, drawn: true, drawnAt: now, awaitingPage: state.awaitingPage || more },
    // A page already asked for (the settings changed while it is on its way) is not asked for twice.
    action: { kind: 'draw', settings, progress, loadNextPage: more && !state.awaitingPage },
  };
}

function sameDataset(a: DatasetSnapshot, b: DatasetSnapshot): boolean {
  return (
    a.loading === b.loading &&
    a.error === b.error &&
    a.idCount === b.idCount &&
    a.firstId === b.firstId &&
    a.lastId === b.lastId &&
    a.totalResultCount === b.totalResultCount &&
    a.hasNextPage === b.hasNextPage
  );
}

function sameSettings(a: FunnelSettings, b: FunnelSettings): boolean {
  return a.max === b.max && a.mode === b.mode && a.metric === b.metric && a.stageOrder === b.stageOrder;
}
