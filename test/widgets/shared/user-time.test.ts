import { describe, expect, it } from 'vitest';
import { parsePeriod, resolvePeriod } from '../../../src/webresources/params/period';
import { computeInsights } from '../../../src/webresources/survey-insights/insights';
import {
  fromUserClock,
  userFormats,
  userMonth,
  userOffsetOf,
  type OffsetAt,
} from '../../../src/widgets/shared/user-time';
import { DEFAULT_DEFINITION } from '../../../src/widgets/survey/definition';

const moscow: OffsetAt = () => 180;
const newYork: OffsetAt = () => -300;

function documentWith(...at: string[]): string {
  return JSON.stringify({
    version: 1,
    responses: at.map((time, i) => ({
      id: `r${i}`,
      respondent: 'Анна',
      role: 'sales',
      channel: 'phone',
      at: time,
      authorId: 'u1',
      answers: { csat: 4 },
      comment: '',
    })),
  });
}

describe("the Dynamics user's time zone", () => {
  it.each([
    ['2025-01-31T22:30:00Z', moscow, '2025-02'],
    ['2025-01-31T20:59:59Z', moscow, '2025-01'],
    ['2025-02-01T03:00:00Z', newYork, '2025-01'],
    ['2025-02-01T05:00:00Z', newYork, '2025-02'],
  ])('puts %s in the month %#', (at, offset, month) => {
    expect(userMonth(new Date(at), offset)).toBe(month);
  });

  it("buckets survey responses by the user's month, not the UTC month", () => {
    // 22:30 UTC on 31 January is already 1 February in Moscow; 03:00 UTC on 1 February is January in New York.
    const docs = [documentWith('2025-01-31T22:30:00Z', '2025-02-01T03:00:00Z', '2025-01-15T12:00:00Z')];
    const count = (offset: OffsetAt): [string, number][] =>
      computeInsights(docs, DEFAULT_DEFINITION, {}, offset).months.map((m) => [
        m.key,
        m.aggregates.responseCount,
      ]);
    expect(count(() => 0)).toEqual([
      ['2025-01', 2],
      ['2025-02', 1],
    ]);
    expect(count(moscow)).toEqual([
      ['2025-01', 1],
      ['2025-02', 2],
    ]);
    expect(count(newYork)).toEqual([['2025-01', 3]]);
  });

  it("starts month and year periods at the user's midnight", () => {
    const now = new Date('2025-11-30T22:00:00Z'); // already 1 December in Moscow
    expect(resolvePeriod(parsePeriod('1m')!, now, moscow).from?.toISOString()).toBe(
      '2025-11-30T21:00:00.000Z',
    );
    expect(resolvePeriod(parsePeriod('1m')!, now).from?.toISOString()).toBe('2025-11-01T00:00:00.000Z');
    expect(resolvePeriod(parsePeriod('ytd')!, now, newYork).from?.toISOString()).toBe(
      '2025-01-01T05:00:00.000Z',
    );
    const range = resolvePeriod(parsePeriod('2025-03-01..2025-03-31')!, now, moscow);
    expect([range.from?.toISOString(), range.to?.toISOString()]).toEqual([
      '2025-02-28T21:00:00.000Z',
      '2025-03-31T21:00:00.000Z',
    ]);
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

  it("shows dates on the user's clock", () => {
    const formats = userFormats(1049, moscow);
    expect(formats.date(new Date('2025-01-31T22:30:00Z'))).toBe(
      new Intl.DateTimeFormat('ru-RU', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date('2025-02-01T01:30:00Z'),
      ),
    );
    expect(formats.dateTime(new Date('2025-01-31T22:30:00Z'))).toContain('01:30');
  });

  it('asks Dynamics for the offset at the moment in question, and falls back to the browser when it cannot say', () => {
    const asked: Date[] = [];
    const offsetAt = userOffsetOf({
      languageId: 1033,
      getTimeZoneOffsetMinutes: (date) => {
        if (date !== undefined) asked.push(date);
        return 120;
      },
    });
    const at = new Date('2025-06-01T00:00:00Z');
    expect(offsetAt(at)).toBe(120);
    expect(asked).toEqual([at]);
    const browser = -at.getTimezoneOffset();
    expect(userOffsetOf({ languageId: 1033 })(at)).toBe(browser);
    expect(userOffsetOf({ languageId: 1033, getTimeZoneOffsetMinutes: () => Number.NaN })(at)).toBe(browser);
    expect(
      userOffsetOf({
        languageId: 1033,
        getTimeZoneOffsetMinutes: () => {
          throw new Error('not available');
        },
      })(at),
    ).toBe(browser);
  });
});
