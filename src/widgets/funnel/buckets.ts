/**
 * The first pass of the funnel model: the input (records, record columns or stage totals) folded
 * into cells of counts and sums per segment and stage, with where each record sits. One pass over
 * the records; records sharing their stage and segment refs share the lookups.
 */
import { columnsOf } from './columns';
import { pairTotalsOf } from './pair-totals';
import type { FunnelInput, RecordColumns, SegmentRef, StageRef } from './types';

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
  /** Record ids with their stage and segment numbers (−1: none), and the key of each number. */
  placement: {
    ids: string[];
    stageAt: Int32Array;
    segmentAt: Int32Array;
    stageKeys: string[];
    segmentKeys: string[];
  };
}

/** The cell of a pair of stage and segment refs, each ref noted under its key when first seen. */
function cellOf(b: Buckets, stage: StageRef | null, segment: SegmentRef | null | undefined): Cell {
  if (stage !== null && !b.stages.has(stage.key)) b.stages.set(stage.key, stage);
  if (segment !== null && segment !== undefined && !b.segments.has(segment.key)) {
    b.segments.set(segment.key, segment);
  }
  const segmentKey = segment?.key ?? '';
  const stageKey = stage?.key ?? '';
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
  const columns =
    input.kind === 'records'
      ? columnsOf(input.records)
      : input.kind === 'columns'
        ? input.columns
        : undefined;
  const n = columns === undefined ? 0 : columns.length;
  const b: Buckets = {
    stages: new Map(),
    segments: new Map(),
    cells: new Map(),
    placement: {
      ids: columns === undefined ? [] : columns.ids.slice(0, n),
      stageAt: columns === undefined ? new Int32Array(0) : columns.stageAt.slice(0, n),
      segmentAt: columns === undefined ? new Int32Array(0) : columns.segmentAt.slice(0, n),
      stageKeys: columns === undefined ? [] : columns.stageRefs.map((r) => r.key),
      segmentKeys: columns === undefined ? [] : columns.segmentRefs.map((r) => r.key),
    },
  };
  if (columns !== undefined) countRecords(b, columns);
  else if (input.kind === 'aggregates') {
    for (const row of input.rows) {
      const count = Math.max(0, Math.floor(finite(row.count) ?? 0));
      const amount = finite(row.amount);
      const withAmount = amount === null ? 0 : Math.min(count, row.amountCount ?? count);
      const cell = cellOf(b, row.stage, row.segment);
      cell.count += count;
      cell.amount += amount ?? 0;
      cell.missing += count - withAmount;
    }
  }
  return b;
}

/**
 * Counts the records of the columns into the cells: their sums per pair of stage and segment
 * numbers (those the reader kept as it read them when they cover the columns, else one pass),
 * then the cell of each pair found by key, pairs in the order first seen. Each record's place is
 * its numbers, kept as they are.
 */
function countRecords(b: Buckets, columns: RecordColumns): void {
  const { stageRefs, segmentRefs, totals } = columns;
  const pairs =
    totals !== undefined && totals.records === columns.length ? totals.pairs : pairTotalsOf(columns).pairs;
  for (const pair of pairs) {
    const { stage, segment } = pair;
    const cell = cellOf(b, stage < 0 ? null : stageRefs[stage]!, segment < 0 ? null : segmentRefs[segment]!);
    cell.count += pair.count;
    cell.amount += pair.sum;
    cell.missing += pair.missing;
  }
}
