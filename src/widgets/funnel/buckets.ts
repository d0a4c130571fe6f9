/**
 * The first pass of the funnel model: the input (records or stage totals) folded into cells of
 * counts and sums per segment and stage, with where each record sits. One pass over the records;
 * records sharing their stage and segment refs share the lookups.
 */
import type { FunnelInput, SegmentRef, StageRef } from './types';

/** Sums of one (segment, stage) cell, or of a series' records without a stage. */
export interface Cell {
  count: number;
  amount: number;
  missing: number;
}

export function emptyCell(): Cell {
  return { count: 0, amount: 0, missing: 0 };
}

/** The input folded into cells keyed by stage key, per segment key ('' = no segment). */
export interface Buckets {
  stages: Map<string, StageRef>;
  segments: Map<string, SegmentRef>;
  /** segment key → stage key ('' = no stage) → cell. */
  cells: Map<string, Map<string, Cell>>;
  /** Record ids with the position of their stage key in `stageKeys` and segment key in `segmentKeys` (−1: none). */
  placement: {
    ids: string[];
    stageAt: Int32Array;
    segmentAt: Int32Array;
    stageKeys: string[];
    segmentKeys: string[];
  };
}

/** The cell of one (stage, segment) pair of refs, and the positions of their keys. */
interface PairCell {
  cell: Cell;
  stage: number;
  segment: number;
}

/** The position of a key in the order keys were first seen. */
function positionOf(positions: Map<string, number>, key: string): number {
  let at = positions.get(key);
  if (at === undefined) positions.set(key, (at = positions.size));
  return at;
}

function cellOf(b: Buckets, segmentKey: string, stageKey: string): Cell {
  let row = b.cells.get(segmentKey);
  if (row === undefined) {
    row = new Map();
    b.cells.set(segmentKey, row);
  }
  let cell = row.get(stageKey);
  if (cell === undefined) {
    cell = emptyCell();
    row.set(stageKey, cell);
  }
  return cell;
}

function finite(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

export function bucket(input: FunnelInput): Buckets {
  const n = input.kind === 'records' ? input.records.length : 0;
  const b: Buckets = {
    stages: new Map(),
    segments: new Map(),
    cells: new Map(),
    placement: {
      ids: new Array<string>(n),
      stageAt: new Int32Array(n),
      segmentAt: new Int32Array(n),
      stageKeys: [],
      segmentKeys: [],
    },
  };
  const add = (
    stage: StageRef | null,
    segment: SegmentRef | null | undefined,
    count: number,
    amount: number | null,
    withAmount: number,
  ): void => {
    if (stage !== null && !b.stages.has(stage.key)) b.stages.set(stage.key, stage);
    const segmentKey = segment?.key ?? '';
    if (segment !== null && segment !== undefined && !b.segments.has(segment.key)) {
      b.segments.set(segment.key, segment);
    }
    const cell = cellOf(b, segmentKey, stage?.key ?? '');
    cell.count += count;
    cell.amount += amount ?? 0;
    cell.missing += count - withAmount;
  };
  if (input.kind === 'records') {
    // Records share their stage and segment refs: the last pair's cell and positions are reused
    // while the refs repeat, and otherwise found by key once per distinct pair.
    const stageAt = new Map<string, number>();
    const segmentAt = new Map<string, number>();
    const pairs = new Map<StageRef | null, Map<SegmentRef | null, PairCell>>();
    const { ids, stageAt: stageOf, segmentAt: segmentOf } = b.placement;
    for (let i = 0; i < n; i++) {
      const r = input.records[i]!;
      const segmentRef = r.segment ?? null;
      let bySegment = pairs.get(r.stage);
      if (bySegment === undefined) pairs.set(r.stage, (bySegment = new Map<SegmentRef | null, PairCell>()));
      let pair = bySegment.get(segmentRef);
      if (pair === undefined) {
        add(r.stage, segmentRef, 0, 0, 0);
        const stage = r.stage === null ? -1 : positionOf(stageAt, r.stage.key);
        const segment = segmentRef === null ? -1 : positionOf(segmentAt, segmentRef.key);
        pair = { cell: cellOf(b, segmentRef?.key ?? '', r.stage?.key ?? ''), stage, segment };
        bySegment.set(segmentRef, pair);
      }
      const amount = finite(r.amount);
      pair.cell.count += 1;
      if (amount === null) pair.cell.missing += 1;
      else pair.cell.amount += amount;
      ids[i] = r.id;
      stageOf[i] = pair.stage;
      segmentOf[i] = pair.segment;
    }
    b.placement.stageKeys = [...stageAt.keys()];
    b.placement.segmentKeys = [...segmentAt.keys()];
  } else {
    for (const row of input.rows) {
      const count = Math.max(0, Math.floor(finite(row.count) ?? 0));
      const amount = finite(row.amount);
      const withAmount = amount === null ? 0 : Math.min(count, row.amountCount ?? count);
      add(row.stage, row.segment, count, amount, withAmount);
    }
  }
  return b;
}
