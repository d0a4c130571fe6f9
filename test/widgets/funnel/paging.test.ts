import { describe, expect, it } from 'vitest';
import {
  decide,
  initialPagingState,
  PAGING_REDRAW_MS,
  type DatasetSnapshot,
  type PagingAction,
  type PagingEvent,
  type PagingState,
} from '../../../src/widgets/funnel/paging';
import type { FunnelSettings } from '../../../src/widgets/funnel/settings';

const settings = (over: Partial<FunnelSettings> = {}): FunnelSettings => ({
  max: 50_000,
  mode: 'snapshot',
  metric: 'count',
  stageOrder: '',
  ...over,
});

/** A dataset holding the first `loaded` records (ids `${prefix}0`…) of a view of `total`. */
function dataset(
  loaded: number,
  total: number,
  { prefix = 'r', ...over }: Partial<DatasetSnapshot> & { prefix?: string } = {},
): DatasetSnapshot {
  return {
    loading: false,
    error: false,
    idCount: loaded,
    firstId: loaded > 0 ? `${prefix}0` : '',
    lastId: loaded > 0 ? `${prefix}${loaded - 1}` : '',
    totalResultCount: total,
    hasNextPage: loaded < total,
    ...over,
  };
}

const update = (
  ds: DatasetSnapshot,
  s: FunnelSettings = settings(),
  updatedProperties: string[] = ['dataset'],
): PagingEvent => ({ kind: 'update', updatedProperties, dataset: ds, settings: s });
const ingested = (read: number): PagingEvent => ({ kind: 'ingested', read });

const ingest = (startOver: boolean, max = 50_000): PagingAction => ({ kind: 'ingest', startOver, max });
const NOTHING: PagingAction = { kind: 'nothing' };
const LOAD_NEXT: PagingAction = { kind: 'load-next-page' };
function draw(
  loaded: number,
  total: number | null,
  more: boolean,
  over: { max?: number; capped?: boolean; settings?: FunnelSettings; loadNextPage?: boolean } = {},
): PagingAction {
  const max = over.max ?? 50_000;
  return {
    kind: 'draw',
    settings: over.settings ?? settings({ max }),
    progress: { loaded, total, max, loading: more, capped: over.capped ?? false },
    loadNextPage: over.loadNextPage ?? more,
  };
}

/** An event at a time (ms), and the action expected of it. */
type Step = [event: PagingEvent, now: number, expected: PagingAction];

/** The first page of 5,000 of a 12,000-record view, read and drawn at 0 ms. */
const firstPage: Step[] = [
  [update(dataset(5_000, 12_000), settings(), []), 0, ingest(true)],
  [ingested(5_000), 0, draw(5_000, 12_000, true)],
];
/** …then all of it. */
const wholeView: Step[] = [
  ...firstPage,
  [update(dataset(10_000, 12_000)), 2_000, ingest(false)],
  [ingested(10_000), 2_000, draw(10_000, 12_000, true)],
  [update(dataset(12_000, 12_000)), 4_000, ingest(false)],
  [ingested(12_000), 4_000, draw(12_000, 12_000, false)],
];

const cases: { name: string; steps: Step[] }[] = [
  {
    name: 'the first update reads the first page from scratch, draws it and asks for the next page',
    steps: firstPage,
  },
  {
    name: 'a page that follows adds to the records read and draws them when the last draw is a second old',
    steps: [
      ...firstPage,
      [update(dataset(10_000, 12_000)), PAGING_REDRAW_MS, ingest(false)],
      [ingested(10_000), PAGING_REDRAW_MS, draw(10_000, 12_000, true)],
    ],
  },
  {
    name: 'a page less than a second after the last draw is read and the next asked for, without a redraw',
    steps: [
      [update(dataset(5_000, 25_000), settings(), []), 0, ingest(true)],
      [ingested(5_000), 0, draw(5_000, 25_000, true)],
      [update(dataset(10_000, 25_000)), 300, ingest(false)],
      [ingested(10_000), 300, LOAD_NEXT],
      [update(dataset(15_000, 25_000)), PAGING_REDRAW_MS - 1, ingest(false)],
      [ingested(15_000), PAGING_REDRAW_MS - 1, LOAD_NEXT],
      [update(dataset(20_000, 25_000)), PAGING_REDRAW_MS, ingest(false)],
      [ingested(20_000), PAGING_REDRAW_MS, draw(20_000, 25_000, true)],
    ],
  },
  {
    name: 'the last page is always drawn, however soon after the last draw',
    steps: [
      ...firstPage,
      [update(dataset(10_000, 12_000)), 300, ingest(false)],
      [ingested(10_000), 300, LOAD_NEXT],
      [update(dataset(12_000, 12_000)), 600, ingest(false)],
      [ingested(12_000), 600, draw(12_000, 12_000, false)],
    ],
  },
  {
    name: 'a dataset with other records while a page is awaited (another query) starts over',
    steps: [
      ...firstPage,
      [update(dataset(30, 30, { prefix: 'new-' })), 2_000, ingest(true)],
      [ingested(30), 2_000, draw(30, 30, false)],
    ],
  },
  {
    name: 'a dataset that changes when no page was asked for (a refresh) starts over',
    steps: [
      ...wholeView,
      [update(dataset(5_000, 12_001)), 6_000, ingest(true)],
      [ingested(5_000), 6_000, draw(5_000, 12_001, true)],
    ],
  },
  {
    name: 'updates that only change the layout do nothing once a funnel is drawn, even when the dataset moved',
    steps: [
      ...wholeView,
      [update(dataset(12_000, 12_000), settings(), ['layout']), 5_000, NOTHING],
      [update(dataset(12_000, 12_000), settings(), ['width', 'height']), 5_000, NOTHING],
      [update(dataset(30, 30), settings(), ['fullscreen_open', 'isControlDisabled']), 5_000, NOTHING],
    ],
  },
  {
    name: 'a layout-only update before anything is drawn still reads the dataset',
    steps: [[update(dataset(120, 120), settings(), ['layout']), 0, ingest(true)]],
  },
  {
    name: 'an update with nothing changed does nothing',
    steps: [...wholeView, [update(dataset(12_000, 12_000), settings(), []), 5_000, NOTHING]],
  },
  {
    name: 'a change of mode, metric or stage order redraws from the records kept, reading nothing',
    steps: [
      ...wholeView,
      [
        update(dataset(12_000, 12_000), settings({ mode: 'reached' }), ['mode']),
        4_100,
        draw(12_000, 12_000, false, { settings: settings({ mode: 'reached' }) }),
      ],
      [
        update(dataset(12_000, 12_000), settings({ mode: 'reached', stageOrder: 'Close' }), ['stageOrder']),
        4_200,
        draw(12_000, 12_000, false, { settings: settings({ mode: 'reached', stageOrder: 'Close' }) }),
      ],
    ],
  },
  {
    name: 'a change of settings while a page is on its way redraws without asking for that page again',
    steps: [
      ...firstPage,
      [
        update(dataset(5_000, 12_000), settings({ metric: 'amount' }), ['metric']),
        2_000,
        draw(5_000, 12_000, true, { settings: settings({ metric: 'amount' }), loadNextPage: false }),
      ],
      [update(dataset(10_000, 12_000), settings({ metric: 'amount' })), 2_100, ingest(false)],
    ],
  },
  {
    name: 'the dataset error is shown with its message, and the next data starts over',
    steps: [
      ...firstPage,
      [
        update(dataset(5_000, 12_000, { error: true, errorMessage: 'timeout' })),
        100,
        { kind: 'show-error', message: 'timeout' },
      ],
      [update(dataset(10_000, 12_000)), 2_000, ingest(true)],
    ],
  },
  {
    name: 'loading shows the loading state until a funnel is drawn, and nothing after',
    steps: [
      [update(dataset(0, 0, { loading: true }), settings(), []), 0, { kind: 'show-loading' }],
      [update(dataset(5_000, 12_000)), 10, ingest(true)],
      [ingested(5_000), 10, draw(5_000, 12_000, true)],
      [update(dataset(5_000, 12_000, { loading: true })), 20, NOTHING],
    ],
  },
  {
    name: 'reading stops at maxRecords and the drawing says the cap cuts the view',
    steps: [
      [update(dataset(5_000, 12_000), settings({ max: 7_000 }), []), 0, ingest(true, 7_000)],
      [ingested(5_000), 0, draw(5_000, 12_000, true, { max: 7_000 })],
      [update(dataset(10_000, 12_000), settings({ max: 7_000 })), 2_000, ingest(false, 7_000)],
      [ingested(7_000), 2_000, draw(7_000, 12_000, false, { max: 7_000, capped: true })],
    ],
  },
  {
    name: 'a lower cap draws the first records kept, reading nothing',
    steps: [
      ...wholeView,
      [
        update(dataset(12_000, 12_000), settings({ max: 7_000 }), ['maxRecords']),
        5_000,
        draw(7_000, 12_000, false, { max: 7_000, capped: true }),
      ],
    ],
  },
  {
    name: 'an unknown total (−1) shows no total, the cap cuts the view when a next page exists, a higher cap asks for it',
    steps: [
      [
        update(dataset(5_000, -1, { hasNextPage: true }), settings({ max: 5_000 }), []),
        0,
        ingest(true, 5_000),
      ],
      [ingested(5_000), 0, draw(5_000, null, false, { max: 5_000, capped: true })],
      [
        update(dataset(5_000, -1, { hasNextPage: true }), settings({ max: 20_000 }), ['maxRecords']),
        100,
        draw(5_000, null, true, { max: 20_000 }),
      ],
      [
        update(dataset(10_000, -1, { hasNextPage: false }), settings({ max: 20_000 })),
        200,
        ingest(false, 20_000),
      ],
      [ingested(10_000), 200, draw(10_000, null, false, { max: 20_000 })],
    ],
  },
  {
    name: 'an empty view draws an empty funnel and asks for nothing',
    steps: [
      [update(dataset(0, 0), settings(), []), 0, ingest(true)],
      [ingested(0), 0, draw(0, 0, false)],
    ],
  },
];

describe('paging a funnel over a host dataset', () => {
  it.each(cases)('$name', ({ steps }) => {
    let state: PagingState = initialPagingState;
    steps.forEach(([event, now, expected], i) => {
      const decision = decide(state, event, now);
      expect({ step: i, action: decision.action }).toEqual({ step: i, action: expected });
      state = decision.state;
    });
  });
});
