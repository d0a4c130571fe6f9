import { describe, expect, it } from 'vitest';
import { mapFunnelRows } from '../../../src/webresources/pipeline-funnel/funnel-rows';
import { computeFunnel } from '../../../src/widgets/funnel/model';
import { commonCurrency, currencySymbolOf } from '../../../src/widgets/funnel/money';

const F = '@OData.Community.Display.V1.FormattedValue';

/** Rows as Xrm.WebApi returns a FetchXML aggregate grouped by a choice stage and a choice segment. */
const rows = [
  {
    grp_stage: 2,
    [`grp_stage${F}`]: 'Propose',
    grp_segment: 1,
    [`grp_segment${F}`]: 'Enterprise',
    agg_count: 4,
    [`agg_count${F}`]: '4',
    agg_amount: 4000,
    [`agg_amount${F}`]: '€4,000.00',
    agg_amountcount: 3,
  },
  {
    grp_stage: 0,
    [`grp_stage${F}`]: 'Qualify',
    grp_segment: 1,
    [`grp_segment${F}`]: 'Enterprise',
    agg_count: 10,
    agg_amount: 1000.5,
    [`agg_amount${F}`]: '€1,000.50',
    agg_amountcount: 10,
  },
  {
    grp_stage: 0,
    [`grp_stage${F}`]: 'Qualify',
    grp_segment: 2,
    [`grp_segment${F}`]: 'Mid-market',
    agg_count: 6,
    agg_amount: null,
    agg_amountcount: 0,
  },
  {
    grp_stage: 10,
    [`grp_stage${F}`]: '10-Won',
    grp_segment: null,
    agg_count: 1,
    agg_amount: 50,
    agg_amountcount: 1,
  },
  {
    grp_stage: null,
    grp_segment: 2,
    [`grp_segment${F}`]: 'Mid-market',
    agg_count: 7,
    agg_amount: 10,
    agg_amountcount: 1,
  },
];

describe('mapping aggregate rows into the funnel model', () => {
  it('takes stage and segment labels from the formatted-value annotations and keys from the values', () => {
    const mapped = mapFunnelRows(rows, true);
    expect(mapped.aggregates[0]).toEqual({
      stage: { key: '2', label: 'Propose', rank: 2 },
      segment: { key: '1', label: 'Enterprise' },
      count: 4,
      amount: 4000,
      amountCount: 3,
    });
    expect(mapped.aggregates[3]!.segment).toBeNull();
  });

  it('keeps the rows without a stage as stage-less totals, which the model counts as unstaged', () => {
    const mapped = mapFunnelRows(rows, true);
    expect(mapped.aggregates[4]).toEqual({
      stage: null,
      segment: { key: '2', label: 'Mid-market' },
      count: 7,
      amount: 10,
      amountCount: 1,
    });
    const funnel = computeFunnel({ kind: 'aggregates', rows: mapped.aggregates });
    expect(funnel.unstaged).toBe(7);
    expect(funnel.stages.map((s) => s.label)).toEqual(['Qualify', 'Propose', '10-Won']);
    expect(funnel.segments.find((s) => s.key === '2')?.unstaged).toBe(7);
    expect(funnel.segments.find((s) => s.key === '1')?.unstaged).toBe(0);
  });

  it('finds the currency of the sums in their formatted text', () => {
    const mapped = mapFunnelRows(rows, true);
    expect(commonCurrency(mapped.formattedAmounts.map(currencySymbolOf))).toEqual({ symbol: '€' });
  });

  it('uses the value as label when Dataverse gives no formatted value (text and lookup stages)', () => {
    const mapped = mapFunnelRows([{ grp_stage: 'Negotiation', agg_count: '3' }], false);
    expect(mapped.aggregates).toEqual([
      { stage: { key: 'Negotiation', label: 'Negotiation' }, count: 3, amount: null },
    ]);
  });

  it('gives the widget stages in choice order with counts and sums added across segments', () => {
    const mapped = mapFunnelRows(rows, true);
    const funnel = computeFunnel({ kind: 'aggregates', rows: mapped.aggregates });
    expect(funnel.stages.map((s) => [s.label, s.count, s.amount])).toEqual([
      ['Qualify', 16, 1000.5],
      ['Propose', 4, 4000],
      ['10-Won', 1, 50],
    ]);
    expect(funnel.segments.map((s) => [s.label, s.records])).toEqual([
      ['Enterprise', 14],
      ['Mid-market', 13],
    ]);
  });

  it('adds up the parts of a split query like one answer', () => {
    const once = computeFunnel({ kind: 'aggregates', rows: mapFunnelRows(rows, true).aggregates });
    const twice = computeFunnel({
      kind: 'aggregates',
      rows: mapFunnelRows([...rows, ...rows], true).aggregates,
    });
    expect(twice.stages.map((s) => s.count)).toEqual(once.stages.map((s) => s.count * 2));
  });
});
