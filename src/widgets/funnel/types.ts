/**
 * The funnel's vocabulary, shared by the PCF control (records from a dataset) and the dashboard web
 * resource (stage totals from a FetchXML aggregate). Everything here is plain data.
 */

export type FunnelMode = 'snapshot' | 'reached';
export type FunnelMetric = 'count' | 'amount';

/** A stage as the data names it: `key` identifies it, `label` is shown, `rank` is a choice value. */
export interface StageRef {
  key: string;
  label: string;
  /** The choice (option set) value: choices are ordered by it. Absent for text and lookups. */
  rank?: number;
  /** The stage's label in the org's other languages, when the host knows them (stageOrder matches them too). */
  aliases?: readonly string[];
}

/** A segment (customer type, region, product…): `key` identifies it, `label` is shown. */
export interface SegmentRef {
  key: string;
  label: string;
}

/** One record as the funnel sees it; `stage` null means the record has no stage. */
export interface FunnelRecord {
  id: string;
  stage: StageRef | null;
  /** Null when the record has no amount (it still counts, but adds nothing to the sums). */
  amount: number | null;
  segment?: SegmentRef | null;
}

/** Pre-aggregated input: the records of one stage (and optionally one segment), already summed. */
export interface StageAggregate {
  /** Null for records with no stage: counted as the series' `unstaged`, never a bar. */
  stage: StageRef | null;
  segment?: SegmentRef | null;
  count: number;
  /** Sum of the amounts, or null when none of the records had one. */
  amount: number | null;
  /** How many of the `count` records had an amount (defaults to `count` when amount is not null). */
  amountCount?: number;
}

/**
 * Records as columns: record i has the id `ids[i]`, the stage `stageRefs[stageAt[i]]` (−1: none),
 * the segment `segmentRefs[segmentAt[i]]` (−1: none) and the amount `amounts[i]` (NaN: none), for
 * i below `length` (the columns may be longer). A control reading tens of thousands of records
 * keeps them so: no object per record, and the funnel counts them with array lookups alone.
 */
export interface RecordColumns {
  length: number;
  ids: readonly string[];
  stageRefs: readonly StageRef[];
  stageAt: Int32Array;
  segmentRefs: readonly SegmentRef[];
  segmentAt: Int32Array;
  amounts: Float64Array;
  /** The records' sums per pair of stage and segment numbers, when the reader kept them (used when they cover `length`). */
  totals?: RecordPairTotals;
}

/** The records of one pair of stage and segment numbers (−1: none): how many, the sum of their finite amounts, how many had none. */
export interface PairCell {
  stage: number;
  segment: number;
  count: number;
  sum: number;
  missing: number;
}

/** The first `records` records of columns counted per pair of numbers (pair-totals.ts), pairs in the order first seen. */
export interface RecordPairTotals {
  pairs: readonly PairCell[];
  records: number;
}

export type FunnelInput =
  | { kind: 'records'; records: readonly FunnelRecord[] }
  | { kind: 'columns'; columns: RecordColumns }
  | { kind: 'aggregates'; rows: readonly StageAggregate[] };

export interface FunnelOptions {
  /**
   * Stage labels or choice values separated by commas or new lines; listed stages come first. An
   * entry that matches no stage is left out and reported in `Funnel.warnings`.
   */
  stageOrder?: string | null;
  /**
   * Every stage there is (a choice column's options), when the host knows them: a listed stage
   * among these that has no records is still shown, as a zero stage after the first stage with records.
   */
  knownStages?: readonly StageRef[];
  mode?: FunnelMode;
  metric?: FunnelMetric;
}

/** One bar of the funnel. Ratios are null where their denominator is zero (never NaN/Infinity). */
export interface FunnelStage {
  key: string;
  label: string;
  /** Records in the stage (snapshot) or that reached it (reached mode). */
  count: number;
  /** Sum of the amounts of those records (0 when none had one). */
  amount: number;
  /** How many of `count` had no amount. */
  missingAmounts: number;
  /** `count` or `amount`, as chosen by the metric: what the bar's width shows. */
  value: number;
  /** value / the value of the first stage that has one (a leading empty stage is never the base). */
  ofFirst: number | null;
  /** value / previous stage's value: the conversion into this stage (null for the first stage). */
  ofPrevious: number | null;
  /** What was lost on the way here: previous value − this value, never below 0 (null for the first stage). */
  dropOff: number | null;
  /**
   * How much more this stage holds than the previous one: this value − previous value, never below
   * 0 (null for the first stage). Only snapshot counts can grow from stage to stage; reached counts never do.
   */
  gain: number | null;
  /** True when the stage was listed in stageOrder and is a known stage, but no record is in it. */
  listedOnly: boolean;
}

/** A whole funnel over one set of records (all of them, or one segment). */
export interface FunnelSeries {
  /** All records of the series, including those without a stage. */
  records: number;
  /** Records with no stage (not in any bar). */
  unstaged: number;
  totalAmount: number;
  /** Records whose amount was empty. */
  missingAmounts: number;
  stages: FunnelStage[];
  /** Last stage reached / all staged records, by the metric; null when there is nothing to divide by. */
  overallConversion: number | null;
}

export interface FunnelSegment extends FunnelSeries {
  key: string;
  label: string;
}

/** Something in the options the funnel could not follow; the view says it in the user's language. */
export type FunnelWarning = { kind: 'unknownStage'; entry: string };

export interface Funnel extends FunnelSeries {
  mode: FunnelMode;
  metric: FunnelMetric;
  /** One series per segment, in natural order of the labels (empty when no segment is mapped). */
  segments: FunnelSegment[];
  /** Where each record sits, for selecting a stage's records (empty for aggregate input). */
  placement: RecordPlacement;
  /** stageOrder entries that match no stage, in the order listed. */
  warnings: FunnelWarning[];
}

/**
 * Where each record sits: record i (`ids[i]`) has the stage number `stageAt[i]` and the segment
 * number `segmentAt[i]` (−1: none); `stageIndexOf[number]` is that stage's index in the funnel's
 * stages and `segmentIndexOf[number]` that segment's in its segments (−1: not shown).
 */
export interface RecordPlacement {
  ids: string[];
  stageAt: Int32Array;
  stageIndexOf: Int32Array;
  segmentAt: Int32Array;
  segmentIndexOf: Int32Array;
}

/** How far the control got paging through the view (shown as "loaded N of M"). */
export interface LoadProgress {
  loaded: number;
  /** Records in the whole view, or null when the host does not know. */
  total: number | null;
  /** The cap (maxRecords). */
  max: number;
  /** Still paging. */
  loading: boolean;
  /** The cap stopped loading before the end of the view. */
  capped: boolean;
}
