/**
 * The one way a control, widget or page gets its number and date formats: the user's language, and
 * dates and times on the user's Dynamics clock, not the browser's. The offset is checked as it is
 * used: one that throws or is not a real UTC offset falls back to the browser's clock, so a bad host
 * value can never print "Invalid Date" or stop a view from drawing.
 */
import { createFormats, type Formats, type Lcid } from './i18n';
import { checkedOffset, toUserClock, type OffsetAt } from './user-time';

/** Formats whose dates and times are shown on the user's clock (`userOffsetOf(userSettings)`). */
export function userFormats(lcid: Lcid, offsetAt: OffsetAt): Formats {
  const base = createFormats(lcid, 'UTC');
  const offset = checkedOffset(offsetAt);
  return {
    ...base,
    date: (value) => base.date(toUserClock(value, offset)),
    dateTime: (value) => base.dateTime(toUserClock(value, offset)),
  };
}
