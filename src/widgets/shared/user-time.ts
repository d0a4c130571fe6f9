/**
 * The Dynamics user's time zone, as the controls and pages use it: month buckets, period bounds and
 * shown dates follow the user's settings in Dynamics, not UTC nor the browser. An offset is in
 * minutes, local time = UTC + offset (what `userSettings.getTimeZoneOffsetMinutes()` returns).
 */

/** The part of a host's user settings (PCF `context.userSettings` or Xrm's) that gives the offset. */
export interface TimeZoneSettings {
  /** Minutes from UTC of the user's Dynamics time zone at a moment (local = UTC + offset). */
  getTimeZoneOffsetMinutes?: (date?: Date) => number;
}

/** The user's offset from UTC at a moment (moments differ across daylight-saving changes). */
export type OffsetAt = (at: Date) => number;

export const utcOffset: OffsetAt = () => 0;

/** The browser's own offset, the fallback whenever Dynamics gives none or an impossible one. */
export const browserOffset: OffsetAt = (at) => -at.getTimezoneOffset();

const minuteMs = 60_000;
/** Real offsets lie within −12:00 … +14:00; anything else is not an offset. */
const minOffset = -12 * 60;
const maxOffset = 14 * 60;

/** True when a value the host returned can be a UTC offset in minutes. */
export function isUtcOffset(minutes: unknown): minutes is number {
  return (
    typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= minOffset && minutes <= maxOffset
  );
}

/**
 * An offset that never fails: where `offsetAt` throws or answers something that is not a number
 * within −12:00 … +14:00, the browser's offset at that moment is used instead.
 */
export function checkedOffset(offsetAt: (at: Date) => unknown): OffsetAt {
  return (at) => {
    let minutes: unknown;
    try {
      minutes = offsetAt(at);
    } catch {
      return browserOffset(at);
    }
    return isUtcOffset(minutes) ? minutes : browserOffset(at);
  };
}

/**
 * The user's offset from Dynamics (`getTimeZoneOffsetMinutes`, given the moment: the PCF form takes
 * it, Xrm's ignores it). Falls back to the browser's offset, moment by moment, when Dynamics has no
 * such call, the call throws, or its answer is not a number within −12:00 … +14:00.
 */
export function userOffsetOf(settings: TimeZoneSettings): OffsetAt {
  const get = settings.getTimeZoneOffsetMinutes;
  if (typeof get !== 'function') return browserOffset;
  return checkedOffset((at) => get.call(settings, at));
}

/** The moment shifted so that its UTC fields read as the user's wall clock. */
export function toUserClock(at: Date, offsetAt: OffsetAt): Date {
  return new Date(at.getTime() + offsetAt(at) * minuteMs);
}

/** The moment at which the user's wall clock shows `wallClockUtc`'s UTC fields. */
export function fromUserClock(wallClockUtc: Date, offsetAt: OffsetAt): Date {
  const guess = new Date(wallClockUtc.getTime() - offsetAt(wallClockUtc) * minuteMs);
  return new Date(wallClockUtc.getTime() - offsetAt(guess) * minuteMs);
}

/** `YYYY-MM` of a moment on the user's calendar. */
export function userMonth(at: Date, offsetAt: OffsetAt): string {
  return toUserClock(at, offsetAt).toISOString().slice(0, 7);
}
