/**
 * The funnel model: from records (PCF dataset) or stage totals (FetchXML aggregate) to ordered
 * stages with counts, amounts, conversions and drop-offs, overall and per segment. Pure and
 * framework-free; one pass over the records, then work proportional to stages × segments.
 */
import { naturalCompare, orderStages } from './order';
import type {
  Funnel,
  FunnelInput,
  FunnelMetric,
  FunnelMode,
  FunnelOptions,
  FunnelSeries,
  FunnelStage,
  RecordPlacement,
  SegmentRef,
  StageRef,
} from './types';

/** Sums of one (segment, stage) cell, or of a series' records without a stage. */
interface Cell {
  count: number;
  amount: number;
  missing: number;
}

function emptyCell(): Cell {
  return { count: 0, amount: 0, missing: 0 };
}

/** The input folded into cells keyed by stage key, per segment key ('' = no segment). */
interface Buckets {
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

function bucket(input: FunnelInput): Buckets {
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

/** numerator / denominator, or null when that is not a finite number (zero or tiny denominators). */
function ratio(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  const r = numerator / denominator;
  return Number.isFinite(r) ? r : null;
}

/** One series: the cells of its stages (in order) plus its unstaged cell, turned into bars. */
function series(
  stageCells: readonly Cell[],
  unstaged: Cell,
  listedOnly: readonly boolean[],
  keys: readonly StageRef[],
  mode: FunnelMode,
  metric: FunnelMetric,
): FunnelSeries {
  // reached mode: a record at stage k counts in every stage up to k (suffix sums).
  const totals = stageCells.map((c) => ({ ...c }));
  if (mode === 'reached') {
    for (let i = totals.length - 2; i >= 0; i--) {
      const here = totals[i]!;
      const next = totals[i + 1]!;
      here.count += next.count;
      here.amount += next.amount;
      here.missing += next.missing;
    }
  }
  const valueOf = (c: Cell): number => (metric === 'amount' ? c.amount : c.count);
  const first = totals[0] === undefined ? 0 : valueOf(totals[0]);
  const stages: FunnelStage[] = totals.map((c, i) => {
    const value = valueOf(c);
    const prev = i === 0 ? undefined : valueOf(totals[i - 1]!);
    return {
      key: keys[i]!.key,
      label: keys[i]!.label,
      count: c.count,
      amount: c.amount,
      missingAmounts: c.missing,
      value,
      ofFirst: ratio(value, first),
      ofPrevious: prev === undefined ? null : ratio(value, prev),
      dropOff: prev === undefined ? null : prev - value,
      listedOnly: listedOnly[i]!,
    };
  });
  let staged = emptyCell();
  for (const c of stageCells)
    staged = {
      count: staged.count + c.count,
      amount: staged.amount + c.amount,
      missing: staged.missing + c.missing,
    };
  const last = stageCells[stageCells.length - 1];
  return {
    records: staged.count + unstaged.count,
    unstaged: unstaged.count,
    totalAmount: staged.amount + unstaged.amount,
    missingAmounts: staged.missing + unstaged.missing,
    stages,
    overallConversion: last === undefined ? null : ratio(valueOf(last), valueOf(staged)),
  };
}

/** Computes the funnel of the input with the given ordering, mode and metric. */
export function computeFunnel(input: FunnelInput, options: FunnelOptions = {}): Funnel {
  const mode = options.mode ?? 'snapshot';
  const metric = options.metric ?? 'count';
  const b = bucket(input);
  const ordered = orderStages([...b.stages.values()], options.stageOrder);
  const listedOnly = ordered.map((s) => s.listedOnly);
  const seriesOf = (row: Map<string, Cell> | undefined): FunnelSeries =>
    series(
      ordered.map((s) => row?.get(s.key) ?? emptyCell()),
      row?.get('') ?? emptyCell(),
      listedOnly,
      ordered,
      mode,
      metric,
    );
  // The whole funnel: every segment's cells added together.
  const all = new Map<string, Cell>();
  for (const row of b.cells.values()) {
    for (const [key, c] of row) {
      const sum = all.get(key) ?? emptyCell();
      all.set(key, {
        count: sum.count + c.count,
        amount: sum.amount + c.amount,
        missing: sum.missing + c.missing,
      });
    }
  }
  const segmentRefs = [...b.segments.values()].sort(
    (x, y) => naturalCompare(x.label, y.label) || naturalCompare(x.key, y.key),
  );
  const stageIndex = new Map(ordered.map((s, i) => [s.key, i]));
  const segmentIndex = new Map(segmentRefs.map((s, i) => [s.key, i]));
  const { ids, stageAt, segmentAt, stageKeys, segmentKeys } = b.placement;
  // From positions in first-seen order to indexes in the funnel's order, once per distinct key.
  const remap = (at: Int32Array, keys: readonly string[], index: Map<string, number>): Int32Array => {
    const to = Int32Array.from(keys, (k) => index.get(k) ?? -1);
    return at.map((p) => (p < 0 ? -1 : to[p]!));
  };
  const placement: RecordPlacement = {
    ids,
    stageIndex: remap(stageAt, stageKeys, stageIndex),
    segmentIndex: remap(segmentAt, segmentKeys, segmentIndex),
  };
  return {
    ...seriesOf(all),
    mode,
    metric,
    segments: segmentRefs.map((s) => ({ key: s.key, label: s.label, ...seriesOf(b.cells.get(s.key)) })),
    placement,
  };
}

/**
 * The ids of the records a stage's bar counts (its own records, or in reached mode also those of
 * later stages), optionally within one segment.
 */
export function recordIdsOfStage(funnel: Funnel, stage: number, segmentKey?: string | null): string[] {
  const { ids, stageIndex, segmentIndex } = funnel.placement;
  const segment =
    segmentKey === undefined || segmentKey === null
      ? -1
      : funnel.segments.findIndex((s) => s.key === segmentKey);
  if (segmentKey !== undefined && segmentKey !== null && segment < 0) return [];
  const reached = funnel.mode === 'reached';
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const at = stageIndex[i]!;
    if (at < 0 || (reached ? at < stage : at !== stage)) continue;
    if (segment >= 0 && segmentIndex[i] !== segment) continue;
    out.push(ids[i]!);
  }
  return out;
}
