/**
 * The stand-ins' shared FetchXML evaluator (test/support/fetchxml/): link-entity joins, aliases,
 * `entityname` conditions, aggregates over linked columns, distinct counts and the aggregate record
 * limit counted over the joined rows, and the strictness that keeps the stand-ins honest.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFetch, type Annotate, type TableSource } from './evaluate';
import { parseFetchXml } from './parse';
import { FetchXmlRefusal, refusalCodes, type Row } from './tree';

const territories: Row[] = [
  { territoryid: 'T1', name: 'North' },
  { territoryid: 'T2', name: 'South' },
];
const accounts: Row[] = [
  { accountid: 'A1', name: 'Alpha', territoryid: 'T1', address1_stateorprovince: 'WA' },
  { accountid: 'A2', name: 'Beta', territoryid: 't2', address1_stateorprovince: 'CA' },
  { accountid: 'A3', name: 'Gamma', territoryid: null, address1_stateorprovince: 'WA' },
];
const opportunities: Row[] = [
  { opportunityid: 'O1', parentaccountid: 'A1', salesstage: 0, estimatedvalue: 100, statecode: 0 },
  { opportunityid: 'O2', parentaccountid: 'a2', salesstage: 0, estimatedvalue: 200, statecode: 0 },
  { opportunityid: 'O3', parentaccountid: 'A3', salesstage: 1, estimatedvalue: null, statecode: 0 },
  { opportunityid: 'O4', parentaccountid: null, salesstage: 1, estimatedvalue: 50, statecode: 1 },
];
const lines: Row[] = [
  { opportunityproductid: 'L1', opportunityid: 'O1', productid: 'P1', extendedamount: 10 },
  { opportunityproductid: 'L2', opportunityid: 'O1', productid: 'P2', extendedamount: 20 },
  { opportunityproductid: 'L3', opportunityid: 'O1', productid: 'P1', extendedamount: 5 },
  { opportunityproductid: 'L4', opportunityid: 'O2', productid: 'P1', extendedamount: 7 },
  { opportunityproductid: 'L5', opportunityid: 'O3', productid: 'P2', extendedamount: null },
];
const all: Record<string, readonly Row[]> = {
  territory: territories,
  account: accounts,
  opportunity: opportunities,
  opportunityproduct: lines,
};
const source: TableSource = {
  rows: (entity) => all[entity],
  columns: (entity) => (all[entity] === undefined ? undefined : new Set(Object.keys(all[entity][0]!))),
};

function run(xml: string, limit?: number, annotate?: Annotate): ReturnType<typeof evaluateFetch> {
  const options = {
    ...(limit === undefined ? {} : { limit }),
    ...(annotate === undefined ? {} : { annotate }),
  };
  return evaluateFetch(parseFetchXml(xml)!, source, options);
}

/** Groups come in no promised order: compare them sorted by their keys' values. */
const canonical = (row: Row): string =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k]]),
  );
const byStage = (rows: readonly Row[]): Row[] =>
  [...rows].sort((a, b) => canonical(a).localeCompare(canonical(b)));

const link = (inner: string, type = 'inner', alias = 'a'): string =>
  `<link-entity name="account" from="accountid" to="parentaccountid" link-type="${type}" alias="${alias}">${inner}</link-entity>`;

describe("the stand-ins' FetchXML evaluator", () => {
  it.each<[string, string, Row[]]>([
    [
      'an inner link drops records without a match and compares ids without case',
      `<fetch><entity name="opportunity"><attribute name="opportunityid"/>${link('<attribute name="name"/>')}</entity></fetch>`,
      [
        { opportunityid: 'O1', 'a.name': 'Alpha' },
        { opportunityid: 'O2', 'a.name': 'Beta' },
        { opportunityid: 'O3', 'a.name': 'Gamma' },
      ],
    ],
    [
      'an outer link keeps records without a match, their linked columns empty',
      `<fetch><entity name="opportunity"><attribute name="opportunityid"/>${link('<attribute name="name" alias="acc"/>', 'outer')}</entity></fetch>`,
      [
        { opportunityid: 'O1', acc: 'Alpha' },
        { opportunityid: 'O2', acc: 'Beta' },
        { opportunityid: 'O3', acc: 'Gamma' },
        { opportunityid: 'O4', acc: null },
      ],
    ],
    [
      'a filter inside a link belongs to the join',
      `<fetch><entity name="opportunity"><attribute name="opportunityid"/>${link('<filter><condition attribute="address1_stateorprovince" operator="eq" value="wa"/></filter>')}</entity></fetch>`,
      [{ opportunityid: 'O1' }, { opportunityid: 'O3' }],
    ],
    [
      'an outer link with an entityname null condition keeps the records with no match',
      `<fetch><entity name="opportunity"><attribute name="opportunityid"/><link-entity name="opportunityproduct" from="opportunityid" to="opportunityid" link-type="outer" alias="p"/><filter><condition entityname="p" attribute="opportunityproductid" operator="null"/></filter></entity></fetch>`,
      [{ opportunityid: 'O4' }],
    ],
    [
      'nested links reach the territory through the account, one row per linked row',
      `<fetch><entity name="opportunity"><attribute name="opportunityid"/>${link('<link-entity name="territory" from="territoryid" to="territoryid" alias="t"><attribute name="name"/></link-entity>')}<order attribute="opportunityid" descending="true"/></entity></fetch>`,
      [
        { opportunityid: 'O2', 't.name': 'South' },
        { opportunityid: 'O1', 't.name': 'North' },
      ],
    ],
    [
      'an exists link keeps each record once, however many linked rows match',
      '<fetch><entity name="opportunity"><attribute name="opportunityid"/><link-entity name="opportunityproduct" from="opportunityid" to="opportunityid" link-type="exists"><filter><condition attribute="productid" operator="eq" value="p1"/></filter></link-entity></entity></fetch>',
      [{ opportunityid: 'O1' }, { opportunityid: 'O2' }],
    ],
    [
      'a not any link inside a filter keeps the records no linked row matches',
      '<fetch><entity name="opportunity"><attribute name="opportunityid"/><filter><link-entity name="opportunityproduct" from="opportunityid" to="opportunityid" link-type="not any"/></filter></entity></fetch>',
      [{ opportunityid: 'O4' }],
    ],
    [
      'an any link is one more condition of an or filter',
      '<fetch><entity name="opportunity"><attribute name="opportunityid"/><filter type="or"><condition attribute="statecode" operator="eq" value="1"/><link-entity name="opportunityproduct" from="opportunityid" to="opportunityid" link-type="any"><filter><condition attribute="productid" operator="eq" value="P2"/></filter></link-entity></filter></entity></fetch>',
      [{ opportunityid: 'O1' }, { opportunityid: 'O3' }, { opportunityid: 'O4' }],
    ],
  ])('%s', (_name, xml, rows) => {
    expect(run(xml).rows).toEqual(rows);
  });

  it.each<[string, string, Row[]]>([
    [
      'groups by a linked column under its alias, an outer link giving the empty group',
      `<fetch aggregate="true"><entity name="opportunity"><attribute name="salesstage" alias="stage" groupby="true"/><attribute name="opportunityid" alias="n" aggregate="count"/><attribute name="estimatedvalue" alias="amount" aggregate="sum"/>${link('<attribute name="territoryid" alias="seg" groupby="true"/>', 'outer')}</entity></fetch>`,
      [
        { stage: 0, seg: 'T1', n: 1, amount: 100 },
        { stage: 0, seg: 't2', n: 1, amount: 200 },
        { stage: 1, seg: null, n: 2, amount: 50 },
      ],
    ],
    [
      'counts each record once per product with a distinct countcolumn and sums the product lines',
      `<fetch aggregate="true"><entity name="opportunity"><attribute name="salesstage" alias="stage" groupby="true"/><attribute name="opportunityid" alias="n" aggregate="countcolumn" distinct="true"/><attribute name="opportunityid" alias="rows" aggregate="count"/><link-entity name="opportunityproduct" from="opportunityid" to="opportunityid" link-type="outer" alias="p"><attribute name="productid" alias="product" groupby="true"/><attribute name="extendedamount" alias="amount" aggregate="sum"/></link-entity></entity></fetch>`,
      [
        { stage: 0, product: 'P1', n: 2, rows: 3, amount: 22 },
        { stage: 0, product: 'P2', n: 1, rows: 1, amount: 20 },
        { stage: 1, product: 'P2', n: 1, rows: 1, amount: null },
        { stage: 1, product: null, n: 1, rows: 1, amount: null },
      ],
    ],
    [
      'counts over no rows and no groups as one row of zero',
      '<fetch aggregate="true"><entity name="opportunity"><attribute name="opportunityid" alias="n" aggregate="count"/><attribute name="estimatedvalue" alias="s" aggregate="sum"/><filter><condition attribute="statecode" operator="eq" value="9"/></filter></entity></fetch>',
      [{ n: 0, s: null }],
    ],
    [
      'averages, minimums and maximums skip empty values',
      '<fetch aggregate="true"><entity name="opportunity"><attribute name="estimatedvalue" alias="avg" aggregate="avg"/><attribute name="estimatedvalue" alias="min" aggregate="min"/><attribute name="estimatedvalue" alias="max" aggregate="max"/><attribute name="estimatedvalue" alias="c" aggregate="countcolumn"/></entity></fetch>',
      [{ avg: 350 / 3, min: 50, max: 200, c: 3 }],
    ],
  ])('aggregates: %s', (_name, xml, rows) => {
    expect(byStage(run(xml).rows)).toEqual(byStage(rows));
  });

  it('refuses an aggregate when the joined rows, not the records, exceed the limit, and answers at the limit', () => {
    const xml = `<fetch aggregate="true"><entity name="opportunity"><attribute name="opportunityid" alias="n" aggregate="count"/><link-entity name="opportunityproduct" from="opportunityid" to="opportunityid" alias="p"/></entity></fetch>`;
    expect(run(xml, 5).matched).toBe(5);
    expect(() => run(xml, 4)).toThrow(
      expect.objectContaining({ code: refusalCodes.aggregateLimit, matched: 5 }),
    );
    // Records that are not aggregated are never limited.
    expect(
      run(xml.replace(' aggregate="true"', '').replace(' alias="n" aggregate="count"', ''), 1).rows,
    ).toHaveLength(5);
  });

  it('hands each value to the annotation callback with its table, column and aggregate', () => {
    const seen: string[] = [];
    const annotate: Annotate = (out, key, value, info) => {
      out[key] = value;
      seen.push(`${key}:${info.entity}.${info.column}:${info.aggregate ?? 'value'}`);
    };
    run(
      `<fetch aggregate="true"><entity name="opportunity"><attribute name="opportunityid" alias="n" aggregate="count"/>${link('<attribute name="territoryid" alias="seg" groupby="true"/>')}</entity></fetch>`,
      undefined,
      annotate,
    );
    expect(new Set(seen)).toEqual(
      new Set(['n:opportunity.opportunityid:count', 'seg:account.territoryid:value']),
    );
  });

  it.each<[string, string, number]>([
    [
      'an unknown link type',
      `<fetch><entity name="opportunity">${link('', 'natural')}</entity></fetch>`,
      refusalCodes.invalid,
    ],
    [
      'an unknown operator',
      '<fetch><entity name="opportunity"><filter><condition attribute="name" operator="begins-with" value="A"/></filter></entity></fetch>',
      refusalCodes.invalid,
    ],
    [
      'an unknown attribute of an element',
      `<fetch><entity name="opportunity">${link('').replace('alias=', 'linkalias=')}</entity></fetch>`,
      refusalCodes.invalid,
    ],
    [
      'an unknown element',
      '<fetch><entity name="opportunity"><all-attributes/></entity></fetch>',
      refusalCodes.invalid,
    ],
    [
      'an unknown column of a linked table',
      `<fetch><entity name="opportunity">${link('<attribute name="regionid"/>')}</entity></fetch>`,
      refusalCodes.noAttribute,
    ],
    [
      "an unknown column in a link's from",
      '<fetch><entity name="opportunity"><link-entity name="account" from="accountidx" to="parentaccountid"/></entity></fetch>',
      refusalCodes.noAttribute,
    ],
    [
      'an entityname no link has',
      '<fetch><entity name="opportunity"><filter><condition entityname="x" attribute="name" operator="null"/></filter></entity></fetch>',
      refusalCodes.invalid,
    ],
    [
      'an entityname inside a link',
      `<fetch><entity name="opportunity">${link('<filter><condition entityname="a" attribute="name" operator="null"/></filter>')}</entity></fetch>`,
      refusalCodes.invalid,
    ],
    [
      'an aggregate attribute without an alias',
      '<fetch aggregate="true"><entity name="opportunity"><attribute name="opportunityid" aggregate="count"/></entity></fetch>',
      refusalCodes.invalid,
    ],
    [
      'an unknown aggregate',
      '<fetch aggregate="true"><entity name="opportunity"><attribute name="opportunityid" alias="n" aggregate="median"/></entity></fetch>',
      refusalCodes.invalid,
    ],
    [
      'distinct on a sum',
      '<fetch aggregate="true"><entity name="opportunity"><attribute name="estimatedvalue" alias="s" aggregate="sum" distinct="true"/></entity></fetch>',
      refusalCodes.invalid,
    ],
    [
      'an alias used twice',
      `<fetch><entity name="opportunity">${link('')}${link('')}</entity></fetch>`,
      refusalCodes.invalid,
    ],
    [
      'columns of an exists link',
      '<fetch><entity name="opportunity"><link-entity name="opportunityproduct" from="opportunityid" to="opportunityid" link-type="exists"><attribute name="productid"/></link-entity></entity></fetch>',
      refusalCodes.invalid,
    ],
    [
      'an inner link inside a filter',
      '<fetch><entity name="opportunity"><filter><link-entity name="opportunityproduct" from="opportunityid" to="opportunityid"/></filter></entity></fetch>',
      refusalCodes.invalid,
    ],
    [
      'an unknown column of a link inside a filter',
      '<fetch><entity name="opportunity"><filter><link-entity name="opportunityproduct" from="opportunityid" to="opportunityid" link-type="any"><filter><condition attribute="sku" operator="null"/></filter></link-entity></filter></entity></fetch>',
      refusalCodes.noAttribute,
    ],
    ['an unknown table', '<fetch><entity name="lead"/></fetch>', refusalCodes.invalid],
  ])('refuses %s', (_name, xml, code) => {
    let caught: unknown;
    try {
      run(xml);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FetchXmlRefusal);
    expect((caught as FetchXmlRefusal).code).toBe(code);
  });
});
