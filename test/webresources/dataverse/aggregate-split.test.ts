import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateWithSplit, TooManyPartsError } from '../../../src/webresources/dataverse/aggregate-split';
import { DataverseError } from '../../../src/webresources/dataverse/dataverse-errors';
import type { DateRange } from '../../../src/webresources/dataverse/fetchxml';

/** A Dataverse that counts records per range and refuses more than `limit` at once. */
function fakeDataverse(times: readonly number[], limit: number) {
  const queries: DateRange[] = [];
  /** The records each query covered, as a key, in order; refused ones are marked. */
  const asked: { records: string; refused: boolean }[] = [];
  const within = (range: DateRange): number[] =>
    times.filter(
      (t) =>
        (range.from === undefined || t >= range.from.getTime()) &&
        (range.to === undefined || t < range.to.getTime()),
    );
  return {
    queries,
    asked,
    run: (range: DateRange): Promise<{ count: number }[]> => {
      queries.push(range);
      const n = within(range).length;
      asked.push({ records: within(range).join(','), refused: n > limit });
      if (n > limit) {
        return Promise.reject(
          new DataverseError({ kind: 'aggregateLimit', message: 'AggregateQueryRecordLimit exceeded' }),
        );
      }
      return Promise.resolve([{ count: n }]);
    },
    bounds: (range: DateRange) => {
      const ts = within(range);
      return Promise.resolve(
        ts.length === 0 ? undefined : { first: new Date(Math.min(...ts)), last: new Date(Math.max(...ts)) },
      );
    },
  };
}

const sum = (rows: { count: number }[]): number => rows.reduce((s, r) => s + r.count, 0);

describe('splitting an aggregate over created-on ranges', () => {
  it('runs one query when Dataverse answers it', async () => {
    const dv = fakeDataverse([1, 2, 3], 10);
    const result = await aggregateWithSplit(dv.run, dv.bounds, {});
    expect(result.parts).toBe(1);
    expect(sum(result.rows)).toBe(3);
  });

  it('counts every record exactly once, however the records are spread and the limit is set', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 3, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
        async (times, limit, fromMs) => {
          fc.pre(new Set(times).size === times.length);
          const dv = fakeDataverse(times, limit);
          const range: DateRange = fromMs === undefined ? {} : { from: new Date(fromMs) };
          const result = await aggregateWithSplit(dv.run, dv.bounds, range, 1000);
          const expected = times.filter((t) => fromMs === undefined || t >= fromMs).length;
          expect(sum(result.rows)).toBe(expected);
          expect(result.parts > 1).toBe(expected > limit);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('halves a refused range at once and never asks for the same records again', async () => {
    const dv = fakeDataverse(
      Array.from({ length: 100 }, (_, i) => i * 1000),
      30,
    );
    const result = await aggregateWithSplit(dv.run, dv.bounds, {});
    expect(sum(result.rows)).toBe(100);
    // All 100 records (refused), the first half of 50 (refused), its quarters of 25, then the same
    // for the second half: 7 queries, none sent twice.
    expect(dv.asked.map((q) => q.refused)).toEqual([true, true, false, false, true, false, false]);
    expect(result.parts).toBe(4);
    const refused = dv.asked.filter((q) => q.refused).map((q) => q.records);
    expect(new Set(dv.asked.map((q) => q.records)).size).toBe(dv.asked.length);
    expect(new Set(refused).size).toBe(refused.length);
  });

  it('keeps the period inside every part', async () => {
    const times = Array.from({ length: 100 }, (_, i) => i * 1000);
    const dv = fakeDataverse(times, 30);
    const range = { from: new Date(20_000), to: new Date(90_000) };
    const result = await aggregateWithSplit(dv.run, dv.bounds, range);
    expect(sum(result.rows)).toBe(70);
    for (const q of dv.queries) {
      expect(q.from!.getTime()).toBeGreaterThanOrEqual(20_000);
      expect(q.to!.getTime()).toBeLessThanOrEqual(90_000);
    }
  });

  it('gives up with a clear error when records created in the same instant exceed the limit', async () => {
    const dv = fakeDataverse(
      Array.from({ length: 50 }, () => 5),
      10,
    );
    await expect(aggregateWithSplit(dv.run, dv.bounds, {})).rejects.toBeInstanceOf(TooManyPartsError);
  });

  it('passes other failures through untouched', async () => {
    const denied = new DataverseError({ kind: 'privilege', message: 'missing prvReadOpportunity' });
    await expect(
      aggregateWithSplit(
        () => Promise.reject(denied),
        () => Promise.resolve(undefined),
        {},
      ),
    ).rejects.toBe(denied);
  });
});
