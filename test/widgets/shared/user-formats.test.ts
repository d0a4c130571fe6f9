import { describe, expect, it } from 'vitest';
import { createFormats, isTimeZone } from '../../../src/widgets/shared/i18n';
import { userFormats } from '../../../src/widgets/shared/user-formats';
import { userOffsetOf, type OffsetAt } from '../../../src/widgets/shared/user-time';

const moscow: OffsetAt = () => 180;
const at = new Date('2025-01-31T22:30:00Z');
const utcDate = (lcid: string, d: Date): string =>
  new Intl.DateTimeFormat(lcid, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
const utcDateTime = (lcid: string, d: Date): string =>
  new Intl.DateTimeFormat(lcid, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);

describe("the user's formats", () => {
  it("shows dates on the user's clock", () => {
    const formats = userFormats(1049, moscow);
    expect(formats.date(at)).toBe(utcDate('ru-RU', new Date('2025-02-01T01:30:00Z')));
    expect(formats.dateTime(at)).toContain('01:30');
  });

  it("shows the survey control's dates on the clock its PCF user settings give", () => {
    const formats = userFormats(1033, userOffsetOf({ getTimeZoneOffsetMinutes: () => -300 }));
    expect(formats.dateTime(at)).toBe(utcDateTime('en-US', new Date('2025-01-31T17:30:00Z')));
  });

  it.each([
    ['not a number', () => Number.NaN],
    ['beyond +14:00', () => 24 * 60],
    [
      'a failure',
      (): number => {
        throw new Error('user settings not loaded');
      },
    ],
  ])("shows dates on the browser's clock when the host's offset is %s", (_what, offsetAt) => {
    const browser = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
    const formats = userFormats(1033, offsetAt);
    expect(formats.dateTime(at)).toBe(utcDateTime('en-US', browser));
    expect(formats.dateTime(at)).not.toContain('Invalid');
  });

  it('formats numbers in the user language', () => {
    expect(userFormats(1049, moscow).number(1234567)).toBe(createFormats(1049).number(1234567));
  });
});

describe('an IANA time zone for formats', () => {
  it('is recognised when the runtime knows it', () => {
    expect(isTimeZone('Europe/Sofia')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it("falls back to the browser's zone when unknown, rather than failing to format", () => {
    const unknown = createFormats(1033, 'Mars/Olympus_Mons');
    expect(unknown.dateTime(at)).toBe(createFormats(1033).dateTime(at));
    expect(createFormats(1033, 'Asia/Tokyo').dateTime(at)).toBe(
      new Intl.DateTimeFormat('en-US', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Tokyo',
      }).format(at),
    );
  });

  it('formats whole amounts with a currency code, a symbol or none, the same on every call', () => {
    const formats = createFormats(1026);
    const euro = new Intl.NumberFormat('bg-BG', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    });
    const plain = new Intl.NumberFormat('bg-BG', { maximumFractionDigits: 0 });
    for (const value of [1234.4, 1234567.6]) {
      expect(formats.currency(value, 'EUR')).toBe(euro.format(value));
      expect(formats.currency(value)).toBe(plain.format(value));
      expect(formats.currency(value, '', '€')).toBe(`€${plain.format(value)}`);
    }
  });
});
