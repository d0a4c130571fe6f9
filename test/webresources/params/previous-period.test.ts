import { describe, expect, it } from 'vitest';
import { parsePeriod, resolvePeriod } from '../../../src/webresources/params/period';
import { hasPrevious, previousRange } from '../../../src/webresources/params/previous-period';

const now = new Date('2025-08-15T12:00:00Z');

describe('the previous period of the same length', () => {
  it.each([
    ['90d', '2025-02-16T12:00:00.000Z', '2025-05-17T12:00:00.000Z'],
    ['2025-07-01..2025-12-31', '2024-12-29T00:00:00.000Z', '2025-07-01T00:00:00.000Z'],
    ['2025-04-01..', '2024-11-15T12:00:00.000Z', '2025-04-01T00:00:00.000Z'],
    ['ytd', '2024-05-19T12:00:00.000Z', '2025-01-01T00:00:00.000Z'],
  ])('%s is compared with %s – %s', (text, from, to) => {
    const spec = parsePeriod(text)!;
    expect(hasPrevious(spec)).toBe(true);
    const range = resolvePeriod(spec, now);
    const previous = previousRange(range, now)!;
    expect([previous.from!.toISOString(), previous.to!.toISOString()]).toEqual([from, to]);
    const length = (range.to ?? now).getTime() - range.from!.getTime();
    expect(previous.to!.getTime() - previous.from!.getTime()).toBe(length);
  });

  it.each(['all', '..2025-06-30'])('has none for %s, which has no start', (text) => {
    const spec = parsePeriod(text)!;
    expect(hasPrevious(spec)).toBe(false);
    expect(previousRange(resolvePeriod(spec, now), now)).toBeUndefined();
  });
});
