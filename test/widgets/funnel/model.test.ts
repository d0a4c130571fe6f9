import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFunnel, recordIdsOfStage } from '../../../src/widgets/funnel/model';
import type { FunnelRecord, StageAggregate } from '../../../src/widgets/funnel/types';

function rec(id: string, stage: string | null, amount: number | null = null, segment?: string): FunnelRecord {
  return {
    id,
    stage: stage === null ? null : { key: stage, label: stage },
    amount,
    segment: segment === undefined ? undefined : { key: segment, label: segment },
  };
}

/** Lead ×4, Qualified ×3, Proposal ×2, Won ×1. */
const pipeline: FunnelRecord[] = [
  rec('l1', '1-Lead', 100),
  rec('l2', '1-Lead', 100),
  rec('l3', '1-Lead', null),
  rec('l4', '1-Lead', 100),
  rec('q1', '2-Qualified', 200),
  rec('q2', '2-Qualified', 200),
  rec('q3', '2-Qualified', 200),
  rec('p1', '3-Proposal', 500),
  rec('p2', '3-Proposal', null),
  rec('w1', '10-Won', 1000),
];

describe('funnel model', () => {
  it('counts the records currently in each stage in snapshot mode', () => {
    const f = computeFunnel({ kind: 'records', records: pipeline });
    expect(f.stages.map((s) => [s.label, s.count])).toEqual([
      ['1-Lead', 4],
      ['2-Qualified', 3],
      ['3-Proposal', 2],
      ['10-Won', 1],
    ]);
    expect(f.records).toBe(10);
  });

  it('counts a record at stage k in every stage up to k in reached mode', () => {
    const f = computeFunnel({ kind: 'records', records: pipeline }, { mode: 'reached' });
    expect(f.stages.map((s) => s.count)).toEqual([10, 6, 3, 1]);
    expect(f.stages.map((s) => s.amount)).toEqual([2400, 2100, 1500, 1000]);
  });

  it('gives % of first, conversion from the previous stage and drop-off', () => {
    const f = computeFunnel({ kind: 'records', records: pipeline }, { mode: 'reached' });
    expect(f.stages.map((s) => s.ofFirst)).toEqual([1, 0.6, 0.3, 0.1]);
    expect(f.stages.map((s) => s.ofPrevious)).toEqual([null, 0.6, 0.5, 1 / 3]);
    expect(f.stages.map((s) => s.dropOff)).toEqual([null, 4, 3, 2]);
    expect(f.overallConversion).toBe(0.1);
  });

  it('leaves out a stageOrder entry that names no stage and warns of it, naming it', () => {
    const f = computeFunnel(
      { kind: 'records', records: [rec('a', 'Lead'), rec('b', 'Won')] },
      { stageOrder: 'Qualfy, Lead, Won, Negotiaton' },
    );
    expect(f.stages.map((s) => s.label)).toEqual(['Lead', 'Won']);
    expect(f.warnings).toEqual([
      { kind: 'unknownStage', entry: 'Qualfy' },
      { kind: 'unknownStage', entry: 'Negotiaton' },
    ]);
    expect(f.stages.map((s) => s.ofFirst)).toEqual([1, 1]);
  });

  it('follows the same rules over stage totals (the dashboard): warning, "% of first", no negative drop-off', () => {
    const rows: StageAggregate[] = [
      { stage: { key: '0', label: 'Квалификация', rank: 0 }, count: 0, amount: null },
      { stage: { key: '1', label: 'Разработка', rank: 1 }, count: 4, amount: null },
      { stage: { key: '2', label: 'Предложение', rank: 2 }, count: 10, amount: null },
    ];
    const f = computeFunnel({ kind: 'aggregates', rows }, { stageOrder: 'Qualify, 1, 2' });
    expect(f.warnings).toEqual([{ kind: 'unknownStage', entry: 'Qualify' }]);
    expect(f.stages.map((s) => [s.label, s.ofFirst, s.dropOff, s.gain])).toEqual([
      ['Разработка', 1, null, null],
      ['Предложение', 2.5, 0, 6],
      ['Квалификация', 0, 10, 0],
    ]);
  });

  it('has no warnings when every stageOrder entry names a stage', () => {
    const f = computeFunnel({ kind: 'records', records: pipeline }, { stageOrder: '1-Lead, 10-Won' });
    expect(f.warnings).toEqual([]);
  });

  it('shows a listed known stage without records as a zero stage after the first stage with records', () => {
    const known = ['Qualify', 'Develop', 'Propose', 'Close'].map((label) => ({ key: label, label }));
    const records = [rec('a', 'Develop'), rec('b', 'Develop'), rec('c', 'Close')];
    const f = computeFunnel(
      { kind: 'records', records },
      { stageOrder: 'Qualify, Develop, Propose, Close', knownStages: known },
    );
    expect(f.stages.map((s) => [s.label, s.count, s.listedOnly])).toEqual([
      ['Develop', 2, false],
      ['Propose', 0, true],
      ['Close', 1, false],
    ]);
    expect(f.warnings).toEqual([]);
    expect(f.stages.map((s) => s.ofFirst)).toEqual([1, 0, 0.5]);
    expect(f.stages[1]!.dropOff).toBe(2);
    expect(f.stages[2]!.ofPrevious).toBeNull();
    expect(f.stages[2]!.dropOff).toBe(0);
    expect(f.stages[2]!.gain).toBe(1);
  });

  it('takes "% of first" from the first stage with records when a segment has none in the first stage', () => {
    const records = [rec('1', 'Lead', 5, 'SMB'), rec('2', 'Won', 5, 'Enterprise'), rec('3', 'Won', 5, 'SMB')];
    const f = computeFunnel({ kind: 'records', records }, { stageOrder: 'Lead, Won' });
    const enterprise = f.segments.find((s) => s.key === 'Enterprise')!;
    expect(enterprise.stages.map((s) => [s.count, s.ofFirst])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('says how much a later stage grows in snapshot mode instead of a negative drop-off', () => {
    const records = [rec('a', '1-Lead'), rec('b', '2-Won'), rec('c', '2-Won'), rec('d', '2-Won')];
    const f = computeFunnel({ kind: 'records', records });
    expect(f.stages.map((s) => [s.dropOff, s.gain])).toEqual([
      [null, null],
      [0, 2],
    ]);
    expect(f.stages[1]!.ofFirst).toBe(3);
  });

  it('grows nowhere in reached mode: the same records give drop-offs and no gain', () => {
    const records = [rec('a', '1-Lead'), rec('b', '2-Won'), rec('c', '2-Won'), rec('d', '2-Won')];
    const f = computeFunnel({ kind: 'records', records }, { mode: 'reached' });
    expect(f.stages.map((s) => [s.count, s.dropOff, s.gain])).toEqual([
      [4, null, null],
      [3, 1, 0],
    ]);
  });

  it('has no stages and no conversion when there are no records', () => {
    const f = computeFunnel({ kind: 'records', records: [] });
    expect(f.stages).toEqual([]);
    expect(f.overallConversion).toBeNull();
    expect(f.records).toBe(0);
  });

  it('never makes a listed entry without records the first stage (so "% of first" stays)', () => {
    const f = computeFunnel({ kind: 'records', records: [rec('a', 'Won')] }, { stageOrder: 'Lead, Won' });
    expect(f.stages.map((s) => [s.label, s.ofFirst])).toEqual([['Won', 1]]);
    expect(f.warnings).toEqual([{ kind: 'unknownStage', entry: 'Lead' }]);
  });

  it('takes "% of first" from the first stage with an amount when measuring amounts', () => {
    const records = [rec('a', '1-A', null), rec('b', '2-B', 200), rec('c', '3-C', 50)];
    const f = computeFunnel({ kind: 'records', records }, { metric: 'amount' });
    expect(f.stages.map((s) => s.ofFirst)).toEqual([0, 1, 0.25]);
  });

  it('gives null rather than Infinity when a stage amount is so small the ratio overflows', () => {
    const records = [rec('a', 'Z', -5e-324), rec('b', '1-A', 8.881784197001252e-16)];
    const f = computeFunnel({ kind: 'records', records }, { metric: 'amount', stageOrder: 'Z, 1-A' });
    expect(f.stages[1]!.ofPrevious).toBeNull();
    expect(f.stages[1]!.ofFirst).toBeNull();
  });

  it('sums amounts skipping empty ones and says how many were empty', () => {
    const f = computeFunnel({ kind: 'records', records: pipeline });
    expect(f.totalAmount).toBe(2400);
    expect(f.missingAmounts).toBe(2);
    expect(f.stages.map((s) => s.missingAmounts)).toEqual([1, 0, 1, 0]);
    expect(f.stages[0]!.amount).toBe(300);
  });

  it('measures bars by amount when the metric is amount', () => {
    const f = computeFunnel({ kind: 'records', records: pipeline }, { metric: 'amount' });
    expect(f.stages.map((s) => s.value)).toEqual([300, 600, 500, 1000]);
    expect(f.stages[1]!.ofPrevious).toBe(2);
    expect(f.overallConversion).toBe(1000 / 2400);
  });

  it('leaves records without a stage out of the bars but counts them as records', () => {
    const f = computeFunnel({ kind: 'records', records: [...pipeline, rec('x', null, 50)] });
    expect(f.unstaged).toBe(1);
    expect(f.records).toBe(11);
    expect(f.totalAmount).toBe(2450);
    expect(f.stages.reduce((n, s) => n + s.count, 0)).toBe(10);
  });

  it('breaks the funnel down by segment, with the same stages in every segment', () => {
    const records = [
      rec('1', 'Lead', 10, 'SMB'),
      rec('2', 'Lead', 10, 'Enterprise'),
      rec('3', 'Won', 10, 'Enterprise'),
      rec('4', 'Won', 10, 'Enterprise'),
      rec('5', 'Lead', 10, 'SMB'),
    ];
    const f = computeFunnel({ kind: 'records', records }, { mode: 'reached' });
    expect(f.segments.map((s) => s.label)).toEqual(['Enterprise', 'SMB']);
    const [ent, smb] = f.segments;
    expect(ent!.stages.map((s) => [s.label, s.count])).toEqual([
      ['Lead', 3],
      ['Won', 2],
    ]);
    expect(smb!.stages.map((s) => [s.label, s.count])).toEqual([
      ['Lead', 2],
      ['Won', 0],
    ]);
    expect(smb!.overallConversion).toBe(0);
    expect(ent!.overallConversion).toBeCloseTo(2 / 3);
  });

  it('lists the records a stage counts, within a segment and in reached mode', () => {
    const records = [
      rec('1', 'A', null, 's'),
      rec('2', 'B', null, 't'),
      rec('3', 'B', null, 's'),
      rec('4', 'C'),
    ];
    const snapshot = computeFunnel({ kind: 'records', records });
    expect(recordIdsOfStage(snapshot, 1)).toEqual(['2', '3']);
    expect(recordIdsOfStage(snapshot, 1, 's')).toEqual(['3']);
    expect(recordIdsOfStage(snapshot, 1, 'nope')).toEqual([]);
    const reached = computeFunnel({ kind: 'records', records }, { mode: 'reached' });
    expect(recordIdsOfStage(reached, 1)).toEqual(['2', '3', '4']);
  });

  it('accepts stage totals from an aggregate query and gives the same funnel as the records', () => {
    const rows: StageAggregate[] = [
      { stage: { key: '1-Lead', label: '1-Lead' }, count: 4, amount: 300, amountCount: 3 },
      { stage: { key: '2-Qualified', label: '2-Qualified' }, count: 3, amount: 600 },
      { stage: { key: '3-Proposal', label: '3-Proposal' }, count: 2, amount: 500, amountCount: 1 },
      { stage: { key: '10-Won', label: '10-Won' }, count: 1, amount: 1000 },
    ];
    const fromRows = computeFunnel({ kind: 'aggregates', rows }, { mode: 'reached' });
    const fromRecords = computeFunnel({ kind: 'records', records: pipeline }, { mode: 'reached' });
    expect(fromRows.stages).toEqual(fromRecords.stages);
    expect(fromRows.placement.ids).toEqual([]);
  });

  it('counts a stage-less aggregate row as unstaged records, not a bar', () => {
    const rows: StageAggregate[] = [
      { stage: { key: '1-Lead', label: '1-Lead' }, count: 4, amount: 300 },
      { stage: null, segment: { key: 'smb', label: 'SMB' }, count: 5, amount: 70, amountCount: 2 },
      {
        stage: { key: '2-Won', label: '2-Won' },
        segment: { key: 'smb', label: 'SMB' },
        count: 1,
        amount: 10,
      },
    ];
    const f = computeFunnel({ kind: 'aggregates', rows });
    expect(f.stages.map((s) => s.key)).toEqual(['1-Lead', '2-Won']);
    expect(f.unstaged).toBe(5);
    expect(f.records).toBe(10);
    expect(f.totalAmount).toBe(380);
    expect(f.missingAmounts).toBe(3);
    expect(f.overallConversion).toBe(1 / 5);
    expect(f.segments.map((s) => [s.key, s.records, s.unstaged])).toEqual([['smb', 6, 5]]);
  });

  const arbRecords = fc.array(
    fc.record({
      stage: fc.option(fc.constantFrom('1-A', '2-B', '10-C', 'Z'), { nil: null }),
      amount: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
      segment: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    }),
    { maxLength: 60 },
  );
  const arbOptions = fc.record({
    mode: fc.constantFrom('snapshot' as const, 'reached' as const),
    metric: fc.constantFrom('count' as const, 'amount' as const),
    stageOrder: fc
      .shuffledSubarray(['1-A', '2-B', '10-C', 'Z', 'Missing', 'qualfy'])
      .map((entries) => entries.join(', ')),
  });

  it('never produces NaN or Infinity and keeps reached counts non-increasing (property)', () => {
    fc.assert(
      fc.property(arbRecords, arbOptions, (rows, options) => {
        const records = rows.map((r, i) => rec(String(i), r.stage, r.amount, r.segment));
        const f = computeFunnel({ kind: 'records', records }, options);
        for (const series of [f, ...f.segments]) {
          for (const s of series.stages) {
            for (const n of [s.ofFirst, s.ofPrevious, s.dropOff, s.gain, s.value]) {
              if (n !== null) expect(Number.isFinite(n)).toBe(true);
            }
            expect(s.dropOff === null || s.dropOff >= 0).toBe(true);
            expect(s.gain === null || s.gain >= 0).toBe(true);
          }
          // "% of first" is lost only when no stage holds anything to divide by.
          if (series.stages.some((s) => s.value !== 0 && Number.isFinite(1 / s.value)))
            expect(series.stages.find((s) => s.value !== 0)!.ofFirst).toBe(1);
          expect(series.stages[0]?.listedOnly ?? false).toBe(false);
          if (options.mode === 'reached') {
            const counts = series.stages.map((s) => s.count);
            counts.slice(1).forEach((c, i) => expect(c).toBeLessThanOrEqual(counts[i]!));
          } else {
            const staged = series.stages.reduce((n, s) => n + s.count, 0);
            expect(staged + series.unstaged).toBe(series.records);
          }
        }
        expect(f.segments.reduce((n, s) => n + s.records, 0)).toBe(
          records.filter((r) => r.segment !== undefined).length,
        );
        // Warned of: exactly the entries no record's stage answers to.
        const entries = options.stageOrder === '' ? [] : options.stageOrder.split(', ');
        const present = new Set(records.map((r) => r.stage?.label.toLowerCase()));
        expect(f.warnings.map((w) => w.entry)).toEqual(entries.filter((e) => !present.has(e.toLowerCase())));
      }),
    );
  });

  it('never lets reached counts grow along the stages, for any records and any order (property)', () => {
    const stages = ['Qualify', 'Develop', 'Propose', 'Close', 'Won'];
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom(...stages), { nil: null }), { maxLength: 80 }),
        fc.shuffledSubarray([...stages, 'Unknown']),
        (picked, order) => {
          const records = picked.map((stage, i) => rec(String(i), stage));
          const f = computeFunnel(
            { kind: 'records', records },
            { mode: 'reached', stageOrder: order.join('\n') },
          );
          f.stages.slice(1).forEach((s, i) => {
            expect(s.count).toBeLessThanOrEqual(f.stages[i]!.count);
            expect(s.gain).toBe(0);
          });
        },
      ),
    );
  });
});
