/**
 * The first pass of the funnel model: the input (records, record columns or stage totals) folded
 * into cells of counts and sums per segment and stage, with where each record sits. One pass over
 * the records; records sharing their stage and segment refs share the lookups.
 */
import { columnsOf } from './columns';
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

/** Above this many (stage, segment) pairs of ref numbers, pairs are numbered through a Map rather than a table. */
const PAIR_TABLE_MAX = 1 << 20;

/** Each record's pair of ref numbers, numbered densely through a Map (for columns with very many refs). */
function densePairs(columns: RecordColumns): { keys: Int32Array; count: number } {
  const { stageAt, segmentAt } = columns;
  const width = columns.segmentRefs.length + 1;
  const numbers = new Map<number, number>();
  const keys = new Int32Array(columns.length);
  for (let i = 0; i < keys.length; i++) {
    const key = (stageAt[i]! + 1) * width + segmentAt[i]! + 1;
    let at = numbers.get(key);
    if (at === undefined) numbers.set(key, (at = numbers.size));
    keys[i] = at;
  }
  return { keys, count: numbers.size };
}

/**
 * Counts the records of the columns into the cells: one pass summing per pair of stage and segment
 * numbers with typed arrays alone, then the cell of each pair found by key, pairs in the order first
 * seen. Each record's place is its numbers, kept as they are.
 */
function countRecords(b: Buckets, columns: RecordColumns): void {
  const { stageRefs, stageAt, segmentRefs, segmentAt, amounts } = columns;
  const n = columns.length;
  // Pair key: (stage number + 1) × width + segment number + 1 (the +1s: −1 is none).
  const width = segmentRefs.length + 1;
  const dense = (stageRefs.length + 1) * width > PAIR_TABLE_MAX ? densePairs(columns) : undefined;
  const size = dense === undefined ? (stageRefs.length + 1) * width : dense.count;
  const counts = new Int32Array(size);
  const missing = new Int32Array(size);
  const sums = new Float64Array(size);
  /** The first record of each pair, in the order first seen. */
  const firsts: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = dense === undefined ? (stageAt[i]! + 1) * width + segmentAt[i]! + 1 : dense.keys[i]!;
    const count = counts[key]!;
    if (count === 0) firsts.push(i);
    counts[key] = count + 1;
    const amount = amounts[i]!;
    // NaN (no amount) and infinities count as missing: x − x is 0 for finite numbers only.
    if (amount - amount === 0) sums[key]! += amount;
    else missing[key]! += 1;
  }
  for (const first of firsts) {
    const stage = stageAt[first]!;
    const segment = segmentAt[first]!;
    const key = dense === undefined ? (stage + 1) * width + segment + 1 : dense.keys[first]!;
    const cell = cellOf(b, stage < 0 ? null : stageRefs[stage]!, segment < 0 ? null : segmentRefs[segment]!);
    cell.count += counts[key]!;
    cell.amount += sums[key]!;
    cell.missing += missing[key]!;
  }
}
