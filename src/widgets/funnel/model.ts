/**
 * The funnel model: from records (PCF dataset) or stage totals (FetchXML aggregate) to ordered
 * stages with counts, amounts, conversions and drop-offs, overall and per segment. Pure and
 * framework-free; one pass over the records (buckets.ts), then work proportional to stages × segments.
 */
import { bucket, emptyCell, type Cell } from './buckets';
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
  StageRef,
} from './types';

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
  // "% of first" is of the first stage that holds something: a leading empty stage is no base.
  const base = totals.find((c) => valueOf(c) !== 0);
  const first = base === undefined ? 0 : valueOf(base);
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
      dropOff: prev === undefined ? null : Math.max(0, prev - value),
      gain: prev === undefined ? null : Math.max(0, value - prev),
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
  const { stages: listed, unknown } = orderStages(
    [...b.stages.values()],
    options.stageOrder,
    options.knownStages,
  );
  // A known stage without records is shown only after the first stage with records.
  const firstFound = listed.findIndex((s) => !s.listedOnly);
  const ordered = firstFound < 0 ? [] : listed.slice(firstFound);
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
  // Each stage and segment number's index in the funnel's order, once per number (not per record).
  const indexOf = (keys: readonly string[], index: Map<string, number>): Int32Array =>
    Int32Array.from(keys, (k) => index.get(k) ?? -1);
  const placement: RecordPlacement = {
    ids,
    stageAt,
    stageIndexOf: indexOf(stageKeys, stageIndex),
    segmentAt,
    segmentIndexOf: indexOf(segmentKeys, segmentIndex),
  };
  return {
    ...seriesOf(all),
    mode,
    metric,
    segments: segmentRefs.map((s) => ({ key: s.key, label: s.label, ...seriesOf(b.cells.get(s.key)) })),
    placement,
    warnings: unknown.map((entry) => ({ kind: 'unknownStage', entry })),
  };
}

/**
 * The ids of the records a stage's bar counts (its own records, or in reached mode also those of
 * later stages), optionally within one segment.
 */
export function recordIdsOfStage(funnel: Funnel, stage: number, segmentKey?: string | null): string[] {
  const { ids, stageAt, stageIndexOf, segmentAt, segmentIndexOf } = funnel.placement;
  const segment =
    segmentKey === undefined || segmentKey === null
      ? -1
      : funnel.segments.findIndex((s) => s.key === segmentKey);
  if (segmentKey !== undefined && segmentKey !== null && segment < 0) return [];
  const reached = funnel.mode === 'reached';
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const number = stageAt[i]!;
    const at = number < 0 ? -1 : stageIndexOf[number]!;
    if (at < 0 || (reached ? at < stage : at !== stage)) continue;
    if (segment >= 0) {
      const segmentNumber = segmentAt[i]!;
      if (segmentNumber < 0 || segmentIndexOf[segmentNumber] !== segment) continue;
    }
    out.push(ids[i]!);
  }
  return out;
}
