import { describe, expect, it } from 'vitest';
import { inRange, parsePeriod, resolvePeriod } from '../../../src/webresources/params/period';
import { periodText } from '../../../src/webresources/params/scope-text';
import { translatorFor } from '../../../src/webresources/page/catalogue';
import { createFormats } from '../../../src/widgets/shared/i18n';

const now = new Date('2025-11-25T14:30:00Z');
const iso = (d: Date | undefined): string | undefined => d?.toISOString();

describe('the period parameter', () => {
  it.each([
    ['all', undefined, undefined],
    ['90d', '2025-08-27T14:30:00.000Z', undefined],
    ['12m', '2024-12-01T00:00:00.000Z', undefined],
    ['1m', '2025-11-01T00:00:00.000Z', undefined],
    ['YTD', '2025-01-01T00:00:00.000Z', undefined],
    ['2025-01-01..2025-06-30', '2025-01-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z'],
    ['2025-03-01..', '2025-03-01T00:00:00.000Z', undefined],
    ['..2024-12-31', undefined, '2025-01-01T00:00:00.000Z'],
  ])('%s covers [%s, %s)', (text, from, to) => {
    const range = resolvePeriod(parsePeriod(text)!, now);
    expect([iso(range.from), iso(range.to)]).toEqual([from, to]);
  });

  it.each([
    '',
    '..',
    '0d',
    '13',
    '12y',
    '2025-13-01..',
    '2025-01-01..2024-01-01',
    '2025-1-1..2025-2-1',
    'last year',
  ])('refuses %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it('includes the start and excludes the end of a range', () => {
    const range = resolvePeriod(parsePeriod('2025-01-01..2025-01-31')!, now);
    expect(inRange(new Date('2025-01-01T00:00:00Z'), range)).toBe(true);
    expect(inRange(new Date('2025-01-31T23:59:59Z'), range)).toBe(true);
    expect(inRange(new Date('2025-02-01T00:00:00Z'), range)).toBe(false);
  });

  it('is described in the user language', () => {
    const t = translatorFor(1049, 'dashboard');
    const formats = createFormats(1049, 'UTC');
    expect(periodText(parsePeriod('12m')!, t, formats)).toBe('Последние месяцы: 12');
    expect(periodText(parsePeriod('2025-01-01..2025-06-30')!, t, formats)).toBe(
      '1 янв. 2025 г. – 30 июн. 2025 г.',
    );
  });
});

describe("the period in the user's time zone", () => {
  const moscow = (): number => 180;
  const newYork = (): number => -300;

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
});
