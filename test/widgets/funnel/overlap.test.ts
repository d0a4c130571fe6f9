import { describe, expect, it } from 'vitest';
import { computeOverlappingFunnel } from '../../../src/widgets/funnel/overlap';
import type { StageAggregate } from '../../../src/widgets/funnel/types';

const stage = (key: string): { key: string; label: string; rank: number } => ({
  key,
  label: `Stage ${key}`,
  rank: Number(key),
});
const row = (s: string, segment: string | null, count: number, amount: number | null): StageAggregate => ({
  stage: stage(s),
  count,
  amount,
  ...(segment === null ? {} : { segment: { key: segment, label: segment } }),
});

describe('a funnel whose segments overlap (products)', () => {
  it('counts one opportunity with three products once in each product funnel and once in the whole funnel', () => {
    // One opportunity in stage 1 holding products A, B and C (lines of 10, 20 and 30).
    const totals = [row('1', null, 1, 60)];
    const bySegment = [row('1', 'A', 1, 10), row('1', 'B', 1, 20), row('1', 'C', 1, 30)];
    const f = computeOverlappingFunnel(totals, bySegment);
    expect(f.records).toBe(1);
    expect(f.totalAmount).toBe(60);
    expect(f.segments.map((s) => [s.label, s.records, s.totalAmount])).toEqual([
      ['A', 1, 10],
      ['B', 1, 20],
      ['C', 1, 30],
    ]);
    // Added up, the segments would claim three opportunities: the whole funnel does not.
    expect(f.segments.reduce((n, s) => n + s.records, 0)).toBe(3);
  });

  it('gives a product held only in later stages empty earlier stages, with no ratio out of nothing and no negative drop-off', () => {
    const totals = [row('1', null, 4, 400), row('2', null, 2, 300)];
    const bySegment = [row('1', 'A', 4, 400), row('2', 'A', 1, 100), row('2', 'B', 1, 200)];
    const f = computeOverlappingFunnel(totals, bySegment);
    const b = f.segments.find((s) => s.key === 'B')!;
    expect(b.stages.map((s) => [s.key, s.count])).toEqual([
      ['1', 0],
      ['2', 1],
    ]);
    expect(b.stages[1]!.ofPrevious).toBeNull();
    expect(b.stages[1]!.dropOff).toBe(0);
    expect(b.stages[1]!.ofFirst).toBe(1);
    expect(f.stages.map((s) => s.count)).toEqual([4, 2]);
  });

  it('keeps a segment whose every total is zero as an empty funnel, and stages only the segments hold', () => {
    const totals = [row('1', null, 2, null)];
    const bySegment = [row('1', 'none', 2, null), row('1', 'Empty', 0, null), row('3', 'Late', 0, null)];
    const f = computeOverlappingFunnel(totals, bySegment);
    expect(f.stages.map((s) => s.key)).toEqual(['1', '3']);
    const empty = f.segments.find((s) => s.key === 'Empty')!;
    expect(empty.records).toBe(0);
    expect(empty.overallConversion).toBeNull();
    expect(empty.stages.every((s) => s.ofFirst === null && s.ofPrevious === null)).toBe(true);
    // The opportunities without products: counted, and none of them has a line amount.
    const none = f.segments.find((s) => s.key === 'none')!;
    expect([none.records, none.missingAmounts, none.totalAmount]).toEqual([2, 2, 0]);
  });

  it('is the plain funnel when no record sits in two segments', () => {
    const bySegment = [row('1', 'A', 3, 30), row('1', 'B', 2, 20), row('2', 'A', 1, 10)];
    const totals = [row('1', null, 5, 50), row('2', null, 1, 10)];
    const f = computeOverlappingFunnel(totals, bySegment);
    expect(f.stages.map((s) => [s.count, s.amount])).toEqual([
      [5, 50],
      [1, 10],
    ]);
    expect(f.segments.map((s) => s.records)).toEqual([4, 2]);
  });
});
