import { describe, expect, it } from 'vitest';
import { computeFunnel } from '../../../src/widgets/funnel/model';
import { alignStages, comparePeriods } from '../../../src/widgets/funnel/period-change';
import type { StageAggregate, StageRef } from '../../../src/widgets/funnel/types';

const stage = (rank: number, label: string): StageRef => ({ key: String(rank), label, rank });
const [qualify, develop, propose, close] = [
  stage(0, 'Qualify'),
  stage(1, 'Develop'),
  stage(2, 'Propose'),
  stage(3, 'Close'),
] as const;
const rows = (...pairs: [StageRef, number][]): StageAggregate[] =>
  pairs.map(([s, count]) => ({ stage: s, count, amount: null }));

describe('this period against the previous one', () => {
  it('compares with a previous period that has no data without dividing by zero or a negative drop-off', () => {
    const [now, before] = alignStages(rows([qualify, 100], [develop, 60], [propose, 30]), []);
    const current = computeFunnel({ kind: 'aggregates', rows: now }, { mode: 'reached' });
    const previous = computeFunnel({ kind: 'aggregates', rows: before }, { mode: 'reached' });
    expect(previous.stages.map((s) => s.key)).toEqual(['0', '1', '2']);
    for (const s of previous.stages) {
      expect(s.count).toBe(0);
      expect(s.ofPrevious).toBeNull();
      expect(s.dropOff === null || s.dropOff >= 0).toBe(true);
    }
    const change = comparePeriods(current, previous);
    expect(change.stages.map((s) => [s.key, s.current, s.previous, s.difference, s.points])).toEqual([
      ['0', 190, 0, 190, null],
      ['1', 90, 0, 90, null],
      ['2', 30, 0, 30, null],
    ]);
    expect(change.overall).toEqual({ current: current.overallConversion, previous: null, points: null });
    expect(JSON.stringify(change)).not.toMatch(/NaN|Infinity/);
  });

  it.each([
    // conversion now, conversion before → change in points
    [[100, 50], [100, 40], 10],
    [[200, 50], [100, 50], -25],
    [[100, 30], [100, 30], 0],
  ] as const)('gives the change in conversion in percentage points (%j against %j)', (now, then, points) => {
    const funnel = ([a, b]: readonly [number, number]) =>
      computeFunnel({ kind: 'aggregates', rows: rows([qualify, a], [develop, b]) });
    const change = comparePeriods(funnel(now), funnel(then));
    expect(change.stages[1]!.points).toBeCloseTo(points, 10);
    expect(change.stages[0]!.points).toBeNull();
  });

  it('draws both periods over the same stages: a stage only one period has is a zero stage in the other', () => {
    const [now, before] = alignStages(rows([qualify, 10], [close, 2]), rows([qualify, 8], [propose, 3]));
    const current = computeFunnel({ kind: 'aggregates', rows: now });
    const previous = computeFunnel({ kind: 'aggregates', rows: before });
    expect(current.stages.map((s) => s.label)).toEqual(['Qualify', 'Propose', 'Close']);
    expect(previous.stages.map((s) => s.label)).toEqual(['Qualify', 'Propose', 'Close']);
    const change = comparePeriods(current, previous);
    expect(change.stages.map((s) => [s.label, s.current, s.previous])).toEqual([
      ['Qualify', 10, 8],
      ['Propose', 0, 3],
      ['Close', 2, 0],
    ]);
  });
});
