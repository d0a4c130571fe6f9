/**
 * The `period` parameter: `all`, the last N days (`90d`) or months (`12m`, whole calendar months
 * including the current one), the year to date (`ytd`), or explicit dates
 * `2025-01-01..2025-06-30` (either end may be left out; the end date is included).
 */
import type { DateRange } from '../dataverse/fetchxml';
import { fromUserClock, toUserClock, utcOffset, type OffsetAt } from '../../widgets/shared/user-time';

export type PeriodSpec =
  | { kind: 'all' }
  | { kind: 'days'; count: number }
  | { kind: 'months'; count: number }
  | { kind: 'ytd' }
  | { kind: 'between'; from?: string; to?: string };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function validIsoDate(text: string): boolean {
  const m = isoDate.exec(text);
  if (m === null) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Parses a period text; undefined when it is not one of the accepted forms. */
export function parsePeriod(text: string): PeriodSpec | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'all') return { kind: 'all' };
  if (t === 'ytd') return { kind: 'ytd' };
  const relative = /^(\d{1,4})([dm])$/.exec(t);
  if (relative !== null) {
    const count = Number(relative[1]);
    if (count < 1 || (relative[2] === 'm' && count > 240) || count > 3660) return undefined;
    return relative[2] === 'd' ? { kind: 'days', count } : { kind: 'months', count };
  }
  const between = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.exec(t);
  if (between !== null) {
    const [, from, to] = between;
    if (from === undefined && to === undefined) return undefined;
    if (from !== undefined && !validIsoDate(from)) return undefined;
    if (to !== undefined && !validIsoDate(to)) return undefined;
    if (from !== undefined && to !== undefined && from > to) return undefined;
    return { kind: 'between', ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  }
  return undefined;
}

const dayMs = 86_400_000;

/**
 * The time range a period covers at `now`, on the calendar of the user's time zone (UTC unless
 * `offsetAt` says otherwise): "12m" starts at midnight of the user's first day of the month.
 */
export function resolvePeriod(spec: PeriodSpec, now: Date, offsetAt: OffsetAt = utcOffset): DateRange {
  const local = toUserClock(now, offsetAt);
  const midnight = (wallClock: Date): Date => fromUserClock(wallClock, offsetAt);
  switch (spec.kind) {
    case 'all':
      return {};
    case 'days':
      return { from: new Date(now.getTime() - spec.count * dayMs) };
    case 'months':
      return {
        from: midnight(new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - (spec.count - 1), 1))),
      };
    case 'ytd':
      return { from: midnight(new Date(Date.UTC(local.getUTCFullYear(), 0, 1))) };
    case 'between': {
      const range: DateRange = {};
      if (spec.from !== undefined) range.from = midnight(new Date(`${spec.from}T00:00:00Z`));
      if (spec.to !== undefined)
        range.to = midnight(new Date(new Date(`${spec.to}T00:00:00Z`).getTime() + dayMs));
      return range;
    }
  }
}

/** True when `time` lies in the range. */
export function inRange(time: Date, range: DateRange): boolean {
  const t = time.getTime();
  return (
    (range.from === undefined || t >= range.from.getTime()) &&
    (range.to === undefined || t < range.to.getTime())
  );
}
