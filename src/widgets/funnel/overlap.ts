/**
 * A funnel whose segments overlap: a record may sit in several segments at once (an opportunity
 * with three products is in three product funnels). Each segment is then a funnel of its own, and
 * the whole funnel is computed from totals that count every record once, never from the segments
 * added up.
 */
import { computeFunnel } from './model';
import type { Funnel, FunnelOptions, StageAggregate } from './types';

/**
 * @param totals the stage totals of all records, each record counted once (no segment)
 * @param bySegment the stage totals per segment; a record counts once in each of its segments
 */
export function computeOverlappingFunnel(
  totals: readonly StageAggregate[],
  bySegment: readonly StageAggregate[],
  options: FunnelOptions = {},
): Funnel {
  // The same stages on both sides: a stage only one side has still gets a bar (of zero) on the other.
  const stagesOf = (rows: readonly StageAggregate[]): StageAggregate[] =>
    rows.flatMap((r) => (r.stage === null ? [] : [{ stage: r.stage, count: 0, amount: null }]));
  const whole = computeFunnel({ kind: 'aggregates', rows: [...totals, ...stagesOf(bySegment)] }, options);
  const segments = computeFunnel({ kind: 'aggregates', rows: [...bySegment, ...stagesOf(totals)] }, options);
  return { ...whole, segments: segments.segments };
}
