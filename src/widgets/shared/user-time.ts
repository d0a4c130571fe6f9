/**
 * The Dynamics user's time zone, as the pages use it: month buckets, period bounds and shown dates
 * follow the user's settings in Dynamics, not UTC nor the browser. An offset is in minutes, local
 * time = UTC + offset (what `userSettings.getTimeZoneOffsetMinutes()` returns).
 */
import { createFormats, type Formats, type Lcid } from './i18n';
import type { UserSettingsLike } from '../../webresources/dataverse/xrm-types';

/** The user's offset from UTC at a moment (moments differ across daylight-saving changes). */
export type OffsetAt = (at: Date) => number;

export const utcOffset: OffsetAt = () => 0;

const minuteMs = 60_000;
/** Real offsets lie within −12:00 … +14:00; anything else is not an offset. */
const maxOffset = 14 * 60;

function plausible(minutes: unknown): minutes is number {
  return typeof minutes === 'number' && Number.isFinite(minutes) && Math.abs(minutes) <= maxOffset;
}

/**
 * The user's offset from Dynamics (`getTimeZoneOffsetMinutes`, given the moment: the PCF form takes
 * it, Xrm's ignores it); the browser's when Dynamics does not say.
 */
export function userOffsetOf(settings: UserSettingsLike): OffsetAt {
  const get = settings.getTimeZoneOffsetMinutes;
  const browser: OffsetAt = (at) => -at.getTimezoneOffset();
  if (typeof get !== 'function') return browser;
  return (at) => {
    let minutes: unknown;
    try {
      minutes = get.call(settings, at);
    } catch {
      return browser(at);
    }
    return plausible(minutes) ? minutes : browser(at);
  };
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

/** Formats whose dates and times are shown on the user's clock. */
export function userFormats(lcid: Lcid, offsetAt: OffsetAt): Formats {
  const base = createFormats(lcid, 'UTC');
  return {
    ...base,
    date: (value) => base.date(toUserClock(value, offsetAt)),
    dateTime: (value) => base.dateTime(toUserClock(value, offsetAt)),
  };
}
