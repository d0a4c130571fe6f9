import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairTotalsOf } from '../../../src/widgets/funnel/pair-totals';

describe('records counted per pair of stage and segment numbers', () => {
  it('counts, sums and misses per pair as plain loops do, pairs in the order first seen (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            stage: fc.integer({ min: -1, max: 4 }),
            segment: fc.integer({ min: -1, max: 3 }),
            amount: fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(Number.NaN)),
          }),
          { maxLength: 200 },
        ),
        (records) => {
          const totals = pairTotalsOf({
            length: records.length,
            ids: records.map((_, i) => `r${i}`),
            stageRefs: [],
            segmentRefs: [],
            stageAt: Int32Array.from(records, (r) => r.stage),
            segmentAt: Int32Array.from(records, (r) => r.segment),
            amounts: Float64Array.from(records, (r) => r.amount),
          });
          const pairs = [...new Set(records.map((r) => `${r.stage}/${r.segment}`))];
          expect(totals.records).toBe(records.length);
          expect(totals.pairs.map((p) => `${p.stage}/${p.segment}`)).toEqual(pairs);
          for (const pair of totals.pairs) {
            const of = records.filter((r) => r.stage === pair.stage && r.segment === pair.segment);
            expect(pair.count).toBe(of.length);
            expect(pair.missing).toBe(of.filter((r) => Number.isNaN(r.amount)).length);
            let sum = 0;
            for (const r of of) if (!Number.isNaN(r.amount)) sum += r.amount;
            expect(pair.sum).toBe(sum);
          }
        },
      ),
    );
  });
});
