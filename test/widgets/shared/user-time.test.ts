import { describe, expect, it } from 'vitest';
import {
  browserOffset,
  fromUserClock,
  isUtcOffset,
  userMonth,
  userOffsetOf,
  type OffsetAt,
} from '../../../src/widgets/shared/user-time';

const moscow: OffsetAt = () => 180;
const newYork: OffsetAt = () => -300;

describe("the Dynamics user's time zone", () => {
  it.each([
    ['2025-01-31T22:30:00Z', moscow, '2025-02'],
    ['2025-01-31T20:59:59Z', moscow, '2025-01'],
    ['2025-02-01T03:00:00Z', newYork, '2025-01'],
    ['2025-02-01T05:00:00Z', newYork, '2025-02'],
  ])('puts %s in the month %#', (at, offset, month) => {
    expect(userMonth(new Date(at), offset)).toBe(month);
  });

  it('finds the moment of a wall-clock time across a daylight-saving change', () => {
    // A zone at +60 in winter and +120 from 2025-03-30 01:00 UTC (Central Europe).
    const cet: OffsetAt = (at) => (at.getTime() >= Date.parse('2025-03-30T01:00:00Z') ? 120 : 60);
    expect(fromUserClock(new Date('2025-04-01T00:00:00Z'), cet).toISOString()).toBe(
      '2025-03-31T22:00:00.000Z',
    );
    expect(fromUserClock(new Date('2025-03-01T00:00:00Z'), cet).toISOString()).toBe(
      '2025-02-28T23:00:00.000Z',
    );
  });

  it('asks Dynamics for the offset at the moment in question, and falls back to the browser when it cannot say', () => {
    const asked: Date[] = [];
    const offsetAt = userOffsetOf({
      getTimeZoneOffsetMinutes: (date) => {
        if (date !== undefined) asked.push(date);
        return 120;
      },
    });
    const at = new Date('2025-06-01T00:00:00Z');
    expect(offsetAt(at)).toBe(120);
    expect(asked).toEqual([at]);
    const browser = -at.getTimezoneOffset();
    expect(userOffsetOf({})(at)).toBe(browser);
    expect(userOffsetOf({ getTimeZoneOffsetMinutes: () => Number.NaN })(at)).toBe(browser);
    expect(
      userOffsetOf({
        getTimeZoneOffsetMinutes: () => {
          throw new Error('not available');
        },
      })(at),
    ).toBe(browser);
  });

  it.each([
    ['the largest real offset, +14:00', 840, true],
    ['the smallest real offset, −12:00', -720, true],
    ['Nepal, +05:45', 345, true],
    ['−13:00, which no zone has', -780, false],
    ['+15:00, which no zone has', 900, false],
    ['infinity', Number.POSITIVE_INFINITY, false],
    ['a numeric string', '120', false],
  ])('takes %s as an offset: %s', (_what, minutes, accepted) => {
    expect(isUtcOffset(minutes)).toBe(accepted);
    const at = new Date('2025-06-01T00:00:00Z');
    const fromHost = userOffsetOf({ getTimeZoneOffsetMinutes: () => minutes as number })(at);
    expect(fromHost).toBe(accepted ? minutes : browserOffset(at));
  });
});
