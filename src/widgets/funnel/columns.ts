/**
 * Records as columns (RecordColumns): refs numbered in the order first seen, and the columns of
 * records given one object each.
 */
import type { FunnelRecord, RecordColumns, SegmentRef, StageRef } from './types';

/** Numbers refs (compared by identity) in the order first seen. */
export class RefTable<T> {
  readonly refs: T[] = [];
  private readonly index = new Map<T, number>();
  private last: T | undefined;
  private lastAt = -1;

  /** The ref's number, −1 for none. */
  at(ref: T | null | undefined): number {
    if (ref === null || ref === undefined) return -1;
    // Records often repeat the previous record's ref.
    if (ref === this.last) return this.lastAt;
    let at = this.index.get(ref);
    if (at === undefined) {
      at = this.refs.length;
      this.refs.push(ref);
      this.index.set(ref, at);
    }
    this.last = ref;
    this.lastAt = at;
    return at;
  }
}

/** The columns of records given one object each. */
export function columnsOf(records: readonly FunnelRecord[]): RecordColumns {
  const n = records.length;
  const stages = new RefTable<StageRef>();
  const segments = new RefTable<SegmentRef>();
  const stageAt = new Int32Array(n);
  const segmentAt = new Int32Array(n);
  const amounts = new Float64Array(n);
  records.forEach((r, i) => {
    stageAt[i] = stages.at(r.stage);
    segmentAt[i] = segments.at(r.segment);
    amounts[i] = typeof r.amount === 'number' && Number.isFinite(r.amount) ? r.amount : Number.NaN;
  });
  return {
    length: n,
    ids: records.map((r) => r.id),
    stageRefs: stages.refs,
    stageAt,
    segmentRefs: segments.refs,
    segmentAt,
    amounts,
  };
}
