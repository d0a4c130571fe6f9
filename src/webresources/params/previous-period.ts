/**
 * `compare=previous`: the period of the same length just before the chosen one. The chosen period
 * must have a start (`all` and `..2025-06-30` have none); a period still running ends now, so
 * `90d` is compared with the 90 days before it and `ytd` with as many days before 1 January.
 */
import type { DateRange } from '../dataverse/fetchxml';
import type { PeriodSpec } from './period';

/** True when a period has a start, so that a previous period of the same length exists. */
export function hasPrevious(spec: PeriodSpec): boolean {
  return spec.kind !== 'all' && !(spec.kind === 'between' && spec.from === undefined);
}

/** The range of the same length ending where `range` starts; undefined when it has no start. */
export function previousRange(range: DateRange, now: Date): DateRange | undefined {
  if (range.from === undefined) return undefined;
  const from = range.from.getTime();
  const to = (range.to ?? now).getTime();
  const length = Math.max(0, to - from);
  return { from: new Date(from - length), to: new Date(from) };
}
