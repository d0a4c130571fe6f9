/// <reference types="powerapps-component-framework" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordStore } from '../../controls/SalesFunnel/SalesFunnel/record-store';
import { computeFunnel, recordIdsOfStage } from '../../src/widgets/funnel/model';
import { MockDataSet, PageAtATimeDataSet, type MockRow } from '../widgets/funnel/mock-dataset';

const noSegment = { key: '\u0000none', label: '(no segment)' };
const columns = [
  { name: 'phase', alias: 'stage', dataType: 'SingleLine.Text' },
  { name: 'value', alias: 'amount', dataType: 'Currency' },
  { name: 'region', alias: 'segment', dataType: 'Lookup.Simple' },
];
const regions = [
  { id: { guid: 'AAA' }, name: 'North' },
  // The same region by another case of its id: one segment.
  { id: { guid: 'aaa' }, name: 'North' },
  { id: { guid: 'BBB' }, name: 'South' },
];

const arbRows = fc.array(
  fc.record({
    stage: fc.constantFrom(' Qualify', 'Qualify ', 'Develop', 'Close', '', null),
    amount: fc.option(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant('12.5')), {
      nil: null,
    }),
    region: fc.option(fc.constantFrom(0, 1, 2), { nil: null }),
    currency: fc.constantFrom('€', '$'),
  }),
  { maxLength: 120 },
);

describe('the SalesFunnel record store', () => {
  it('reads pages of any size, from hosts that keep or drop earlier pages, into columns the funnel counts as plain loops do (property)', () => {
    fc.assert(
      fc.property(
        arbRows,
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 130 }),
        (picked, pageSize, pageAtATime, max) => {
          const rows: MockRow[] = picked.map((p, i) => ({
            id: `r${i}`,
            values: {
              phase: p.stage,
              value: p.amount,
              region:
                p.region === null ? null : (regions[p.region] as unknown as ComponentFramework.LookupValue),
            },
            formatted: {
              value: p.amount === null ? '' : `${Number(p.amount).toFixed(2)} ${p.currency}`,
            },
          }));
          const ds = pageAtATime
            ? new PageAtATimeDataSet(rows, columns, pageSize)
            : new MockDataSet(rows, columns, pageSize);
          const store = new RecordStore();
          store.add(ds, noSegment, max);
          while (ds.paging.hasNextPage) {
            ds.paging.loadNextPage();
            ds.deliverPage();
            store.add(ds, noSegment, max);
          }
          const kept = picked.slice(0, max);
          expect(store.length).toBe(kept.length);
          const funnel = computeFunnel({ kind: 'columns', columns: store.columns() });
          // The totals counted while reading are those a pass over the columns counts.
          expect(
            computeFunnel({ kind: 'columns', columns: { ...store.columns(), totals: undefined } }),
          ).toEqual(funnel);
          // A value read on several pages keeps one ref.
          const keys = store.columns().stageRefs.map((r) => r.key);
          expect(keys).toEqual([...new Set(keys)]);
          // Counted here in plain loops.
          const stageOf = (p: (typeof kept)[number]): string | null => p.stage?.trim() || null;
          const amountOf = (p: (typeof kept)[number]): number | null =>
            typeof p.amount === 'number' ? p.amount : p.amount === null ? null : Number(p.amount);
          const segmentOf = (p: (typeof kept)[number]): string =>
            p.region === null ? noSegment.label : regions[p.region]!.name;
          expect(funnel.records).toBe(kept.length);
          expect(funnel.unstaged).toBe(kept.filter((p) => stageOf(p) === null).length);
          expect(funnel.missingAmounts).toBe(kept.filter((p) => amountOf(p) === null).length);
          for (const [index, stage] of funnel.stages.entries()) {
            const inStage = kept
              .map((p, i) => ({ p, id: `r${i}` }))
              .filter(({ p }) => stageOf(p) === stage.label);
            expect(stage.count).toBe(inStage.length);
            expect(stage.amount).toBeCloseTo(
              inStage.reduce((sum, { p }) => sum + (amountOf(p) ?? 0), 0),
              6,
            );
            expect(recordIdsOfStage(funnel, index)).toEqual(inStage.map(({ id }) => id));
            for (const segment of funnel.segments) {
              expect(recordIdsOfStage(funnel, index, segment.key)).toEqual(
                inStage.filter(({ p }) => segmentOf(p) === segment.label).map(({ id }) => id),
              );
            }
          }
          expect(funnel.segments.map((s) => s.label).sort()).toEqual(
            [...new Set(kept.map(segmentOf))].sort(),
          );
          const symbols = new Set(kept.filter((p) => amountOf(p) !== null).map((p) => p.currency));
          expect([...store.symbols].sort()).toEqual([...symbols].sort());
        },
      ),
    );
  });

  it("reads a choice column's formatted value once per value, and of the amount only its currency text", () => {
    const reads = { stage: 0, segment: 0, amount: 0 };
    const rows: MockRow[] = Array.from({ length: 1000 }, (_, i) => {
      const stage = (i * 7) % 4;
      const segment = i % 3;
      const amount = i % 5 === 0 ? null : i * 10;
      return {
        id: `r${i}`,
        values: { stagecode: 100 + stage, typecode: segment, value: amount },
        formatted: {
          get stagecode() {
            reads.stage++;
            return `Stage ${stage}`;
          },
          get typecode() {
            reads.segment++;
            return `Type ${segment}`;
          },
          get value() {
            reads.amount++;
            return amount === null ? '' : `${amount}.00 €`;
          },
        },
      };
    });
    const ds = new MockDataSet(
      rows,
      [
        { name: 'stagecode', alias: 'stage', dataType: 'OptionSet' },
        { name: 'value', alias: 'amount', dataType: 'Currency' },
        { name: 'typecode', alias: 'segment', dataType: 'OptionSet' },
      ],
      rows.length,
    );
    const store = new RecordStore();
    store.add(ds, noSegment, rows.length);
    const funnel = computeFunnel({ kind: 'columns', columns: store.columns() }, {});
    expect(funnel.stages.map((s) => [s.label, s.count])).toEqual(
      [0, 1, 2, 3].map((k) => [`Stage ${k}`, rows.filter((_, i) => (i * 7) % 4 === k).length]),
    );
    expect([...store.symbols]).toEqual(['€']);
    expect(reads).toEqual({
      stage: new Set(rows.map((r) => r.values.stagecode)).size,
      segment: new Set(rows.map((r) => r.values.typecode)).size,
      amount: rows.filter((r) => r.values.value !== null).length,
    });
  });

  it('keeps one ref per stage and segment across pages, and counts only the records read when asked for fewer', () => {
    const rows: MockRow[] = Array.from({ length: 30 }, (_, i) => ({
      id: `r${i}`,
      values: { stagecode: 100 + (i % 3), typecode: i % 2, value: i },
      formatted: { stagecode: `Stage ${i % 3}`, typecode: `Type ${i % 2}`, value: `${i}.00 €` },
    }));
    const ds = new MockDataSet(
      rows,
      [
        { name: 'stagecode', alias: 'stage', dataType: 'OptionSet' },
        { name: 'value', alias: 'amount', dataType: 'Currency' },
        { name: 'typecode', alias: 'segment', dataType: 'OptionSet' },
      ],
      7,
    );
    const store = new RecordStore();
    store.add(ds, noSegment, 100);
    while (ds.paging.hasNextPage) {
      ds.paging.loadNextPage();
      ds.deliverPage();
      store.add(ds, noSegment, 100);
    }
    expect(store.columns().stageRefs.map((r) => r.label)).toEqual(['Stage 0', 'Stage 1', 'Stage 2']);
    expect(store.columns().segmentRefs.map((r) => r.label)).toEqual(['Type 0', 'Type 1']);
    const firstTen = computeFunnel({ kind: 'columns', columns: store.columns(10) });
    expect(firstTen.records).toBe(10);
    expect(firstTen.totalAmount).toBe(45);
  });
});
