/// <reference types="powerapps-component-framework" />
import { describe, expect, it } from 'vitest';
import { funnelColumns, recordReader } from '../../controls/SalesFunnel/SalesFunnel/records';
import type { FunnelRecord } from '../../src/widgets/funnel/types';
import { MockDataSet, MockRecord, type MockRow } from '../widgets/funnel/mock-dataset';

const noSegment = { key: '\u0000none', label: '(no segment)' };

/** Each record read, with the currency symbol the reader reported for its amount (if any). */
function read(rows: MockRow[], columns: { name: string; alias: string; dataType: string }[]) {
  const ds = new MockDataSet(rows, columns, rows.length);
  const symbols = new Map<FunnelRecord, string | undefined>();
  const reader = recordReader(funnelColumns(ds), noSegment, (symbol, record) => symbols.set(record, symbol));
  return rows.map((r) => {
    const record = reader(new MockRecord(r));
    return { record, currencySymbol: symbols.get(record), reported: symbols.has(record) };
  });
}

describe('reading dataset records into the funnel', () => {
  it('reads a lookup stage by its id and name, sharing one ref per stage', () => {
    const ref = (guid: string, name: string) => ({ id: { guid }, name, etn: 'salesstage' });
    const out = read(
      [
        { id: '1', values: { stageid: ref('AAA', 'Develop') } },
        { id: '2', values: { stageid: ref('aaa', 'Develop') } },
        { id: '3', values: { stageid: null } },
      ],
      [{ name: 'stageid', alias: 'stage', dataType: 'Lookup.Simple' }],
    );
    expect(out[0]!.record.stage).toEqual({ key: 'aaa', label: 'Develop' });
    expect(out[1]!.record.stage).toBe(out[0]!.record.stage);
    expect(out[2]!.record.stage).toBeNull();
  });

  it('reads text stages by their text, ignoring surrounding spaces', () => {
    const out = read(
      [
        { id: '1', values: { phase: ' 2-Develop ' } },
        { id: '2', values: { phase: '' } },
      ],
      [{ name: 'phase', alias: 'stage', dataType: 'SingleLine.Text' }],
    );
    expect(out.map((o) => o.record.stage)).toEqual([{ key: '2-Develop', label: '2-Develop' }, null]);
  });

  it('reads a choice stage with its value as rank and two-options segments, empty ones as "no segment"', () => {
    const out = read(
      [
        {
          id: '1',
          values: { stagecode: 100000001, isprivate: true },
          formatted: { stagecode: 'Develop', isprivate: 'Yes' },
        },
        { id: '2', values: { stagecode: 100000000, isprivate: null }, formatted: { stagecode: 'Qualify' } },
      ],
      [
        { name: 'stagecode', alias: 'stage', dataType: 'OptionSet' },
        { name: 'isprivate', alias: 'segment', dataType: 'TwoOptions' },
      ],
    );
    expect(out[0]!.record.stage).toEqual({ key: '100000001', label: 'Develop', rank: 100000001 });
    expect(out[0]!.record.segment).toEqual({ key: 'true', label: 'Yes' });
    expect(out[1]!.record.segment).toBe(noSegment);
  });

  it('reads amounts given as numbers or text and the currency symbol of each', () => {
    const out = read(
      [
        { id: '1', values: { v: 1250 }, formatted: { v: '$1,250.00' } },
        { id: '2', values: { v: '99.5' }, formatted: { v: '€99.50' } },
        { id: '3', values: { v: 'n/a' }, formatted: { v: 'n/a' } },
        { id: '4', values: { v: null } },
      ],
      [{ name: 'v', alias: 'amount', dataType: 'Currency' }],
    );
    expect(out.map((o) => o.record.amount)).toEqual([1250, 99.5, null, null]);
    expect(out.map((o) => o.currencySymbol)).toEqual(['$', '€', undefined, undefined]);
    // Only records with an amount are reported (the funnel's currency ignores the others).
    expect(out.map((o) => o.reported)).toEqual([true, true, false, false]);
  });

  it.each([
    [
      'after the amount',
      ['1 250,00 €', '99,50 €', '12,00 $', '7,00 $', '3 000,00 €', '5,00 руб.', '8,00 грн.'],
      ['€', '€', '$', '$', '€', 'руб', 'грн'],
    ],
    [
      'before the amount',
      ['€1,250.00', '€99.50', '$12.00', 'US$7.00', 'CA$3.00', '$5.00', '-€8.00'],
      ['€', '€', '$', 'US$', 'CA$', '$', '€'],
    ],
  ])(
    'finds each amount its own currency symbol when currencies alternate, symbol %s',
    (_where, texts, symbols) => {
      const out = read(
        texts.map((text, i) => ({ id: String(i), values: { v: i + 1 }, formatted: { v: text } })),
        [{ name: 'v', alias: 'amount', dataType: 'Currency' }],
      );
      expect(out.map((o) => o.currencySymbol)).toEqual(symbols);
    },
  );

  it('leaves amount and segment out when their property-sets are not mapped', () => {
    const out = read(
      [{ id: '1', values: { s: 'Lead' } }],
      [{ name: 's', alias: 'stage', dataType: 'SingleLine.Text' }],
    );
    expect(out[0]!.record).toEqual({
      id: '1',
      stage: { key: 'Lead', label: 'Lead' },
      amount: null,
      segment: null,
    });
  });
});

describe('a view column from a related table as the segment (segmentColumn)', () => {
  const columns = [
    { name: 'salesstage', alias: 'stage', dataType: 'OptionSet' },
    { name: 'crmkit_segment', alias: 'segment', dataType: 'OptionSet' },
    {
      name: 'a_1b2c3d.address1_stateorprovince',
      alias: 'a_1b2c3d.address1_stateorprovince',
      dataType: 'SingleLine.Text',
    },
    { name: 'a_9f8e7d.territoryid', alias: 'a_9f8e7d.territoryid', dataType: 'Lookup.Simple' },
  ];
  const rows: MockRow[] = [
    {
      id: '1',
      values: {
        salesstage: 0,
        'a_1b2c3d.address1_stateorprovince': 'WA',
        'a_9f8e7d.territoryid': { id: { guid: 'T1' }, name: 'North' },
      },
    },
    {
      id: '2',
      values: { salesstage: 1, 'a_1b2c3d.address1_stateorprovince': 'Москва', 'a_9f8e7d.territoryid': null },
    },
    {
      id: '3',
      values: {
        salesstage: 1,
        'a_1b2c3d.address1_stateorprovince': null,
        'a_9f8e7d.territoryid': { id: { guid: 'T1' }, name: 'North' },
      },
    },
  ];
  const ds = new MockDataSet(rows, columns, rows.length);

  it.each([
    ['address1_stateorprovince', ['WA', 'Москва', '(no segment)']],
    ['a_1b2c3d.address1_stateorprovince', ['WA', 'Москва', '(no segment)']],
    ['TERRITORYID', ['North', '(no segment)', 'North']],
  ])(
    'segments by the view column %s, its own name or the name the view gives it',
    (segmentColumn, labels) => {
      const reader = recordReader(funnelColumns(ds, segmentColumn), noSegment, () => undefined);
      expect(rows.map((r) => reader(new MockRecord(r)).segment?.label)).toEqual(labels);
    },
  );

  it.each([[undefined], [''], ['  '], ['regionid']])(
    'keeps the Segment property-set when segmentColumn is %j or names no column',
    (segmentColumn) => {
      expect(funnelColumns(ds, segmentColumn).segment).toEqual({
        name: 'crmkit_segment',
        dataType: 'OptionSet',
      });
    },
  );
});
