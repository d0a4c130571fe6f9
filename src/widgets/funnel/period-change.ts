/**
 * This period against the previous one (`compare=previous`): two funnels over the same stages,
 * stage by stage: the counts and their difference, each period's conversion into the stage and
 * the change in percentage points. Pure; a ratio with a zero denominator is null (shown "—"), so a
 * previous period with no data divides by nothing and its drop-offs stay zero, never negative.
 */
import type { FunnelSeries, StageAggregate } from './types';

export interface StageChange {
  key: string;
  label: string;
  current: number;
  previous: number;
  /** current − previous. */
  difference: number;
  /** Conversion into the stage (÷ the previous stage) in each period; null for the first stage or a zero base. */
  conversion: number | null;
  previousConversion: number | null;
  /** (conversion − previousConversion) × 100; null when either is null. */
  points: number | null;
}

export interface PeriodChange {
  stages: StageChange[];
  overall: { current: number | null; previous: number | null; points: number | null };
}

function points(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  const p = (current - previous) * 100;
  return Number.isFinite(p) ? p : null;
}

/** Matches the stages of two funnels by key, in the current funnel's order (the previous one's extra stages after). */
export function comparePeriods(current: FunnelSeries, previous: FunnelSeries): PeriodChange {
  const before = new Map(previous.stages.map((s) => [s.key, s]));
  const seen = new Set(current.stages.map((s) => s.key));
  const rows = [
    ...current.stages.map((s) => ({ now: s, then: before.get(s.key) })),
    ...previous.stages.filter((s) => !seen.has(s.key)).map((s) => ({ now: undefined, then: s })),
  ];
  return {
    stages: rows.map(({ now, then }) => {
      const stage = now ?? then;
      const c = now?.count ?? 0;
      const p = then?.count ?? 0;
      const conversion = now?.ofPrevious ?? null;
      const previousConversion = then?.ofPrevious ?? null;
      return {
        key: stage.key,
        label: stage.label,
        current: c,
        previous: p,
        difference: c - p,
        conversion,
        previousConversion,
        points: points(conversion, previousConversion),
      };
    }),
    overall: {
      current: current.overallConversion,
      previous: previous.overallConversion,
      points: points(current.overallConversion, previous.overallConversion),
    },
  };
}

/**
 * Both periods' stage totals with a zero total for each stage only the other period has, so the two
 * funnels are drawn over the same stages in the same order.
 */
export function alignStages(
  current: readonly StageAggregate[],
  previous: readonly StageAggregate[],
): [StageAggregate[], StageAggregate[]] {
  const zeroes = (from: readonly StageAggregate[], into: readonly StageAggregate[]): StageAggregate[] => {
    const have = new Set(into.flatMap((r) => (r.stage === null ? [] : [r.stage.key])));
    const missing = new Map(
      from.flatMap((r) =>
        r.stage === null || have.has(r.stage.key) ? [] : [[r.stage.key, r.stage] as const],
      ),
    );
    return [...into, ...[...missing.values()].map((stage) => ({ stage, count: 0, amount: null }))];
  };
  return [zeroes(previous, current), zeroes(current, previous)];
}
