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
/** Leads created around the turn of a year: UTC+3 (Moscow) moves the first three into 2025. */
const leads: Row[] = [
  { leadid: 'L1', createdon: '2024-12-31T21:00:00Z', statecode: 0 },
  { leadid: 'L2', createdon: '2024-12-31T22:30:00Z', statecode: 1 },
  { leadid: 'L3', createdon: '2024-12-31T23:59:00Z', statecode: 0 },
  { leadid: 'L4', createdon: '2024-12-31T20:59:00Z', statecode: 0 },
  { leadid: 'L5', createdon: '2025-02-14T12:00:00Z', statecode: 0 },
  { leadid: 'L6', createdon: null, statecode: 0 },
];
const all: Record<string, readonly Row[]> = {
  territory: territories,
  account: accounts,
  opportunity: opportunities,
  opportunityproduct: lines,
  lead: leads,
};
const source: TableSource = {
  rows: (entity) => all[entity],
  columns: (entity) => (all[entity] === undefined ? undefined : new Set(Object.keys(all[entity][0]!))),
};

function run(
  xml: string,
  limit?: number,
  annotate?: Annotate,
  offsetMinutes?: number,
): ReturnType<typeof evaluateFetch> {
  const options = {
    ...(limit === undefined ? {} : { limit }),
    ...(annotate === undefined ? {} : { annotate }),
    ...(offsetMinutes === undefined ? {} : { offsetMinutes }),
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

  describe('grouping by a part of a date (dategrouping)', () => {
    const byPart = (part: string, timeZone = ''): string =>
      `<fetch aggregate="true"><entity name="lead"><attribute name="createdon" alias="p" groupby="true" dategrouping="${part}"${timeZone}/><attribute name="leadid" alias="n" aggregate="count"/></entity></fetch>`;
    /** The lead counts per part, as the evaluator answers them (no promised order). */
    const counts = (xml: string, offsetMinutes?: number): Map<unknown, unknown> =>
      new Map(run(xml, undefined, undefined, offsetMinutes).rows.map((r) => [r.p, r.n]));

    it.each<[string, Record<string, number>]>([
      ['year', { '2025': 4, '2024': 1 }],
      ['month', { '1': 3, '12': 1, '2': 1 }],
      ['day', { '1': 3, '31': 1, '14': 1 }],
    ])("groups by the %s in the user's time zone (UTC+3 here), an empty date its own group", (part, want) => {
      const got = counts(byPart(part), 180);
      const groups = Object.entries(want).map(([k, n]): [number | null, number] => [Number(k), n]);
      expect(got).toEqual(new Map([...groups, [null, 1]]));
    });

    it('groups in UTC when the attribute says usertimezone="false"', () => {
      const timeZone = ' usertimezone="false"';
      expect(counts(byPart('year', timeZone), 180)).toEqual(
        new Map<unknown, number>([
          [2024, 4],
          [2025, 1],
          [null, 1],
        ]),
      );
      expect(counts(byPart('day', timeZone), 180)).toEqual(
        new Map<unknown, number>([
          [31, 4],
          [14, 1],
          [null, 1],
        ]),
      );
    });

    it('groups by several parts at once, with other grouped columns', () => {
      const xml = `<fetch aggregate="true"><entity name="lead"><attribute name="createdon" alias="y" groupby="true" dategrouping="year"/><attribute name="createdon" alias="m" groupby="true" dategrouping="month"/><attribute name="statecode" alias="s" groupby="true"/><attribute name="leadid" alias="n" aggregate="count"/></entity></fetch>`;
      expect(byStage(run(xml, undefined, undefined, 180).rows)).toEqual(
        byStage([
          { y: 2025, m: 1, s: 0, n: 2 },
          { y: 2025, m: 1, s: 1, n: 1 },
          { y: 2024, m: 12, s: 0, n: 1 },
          { y: 2025, m: 2, s: 0, n: 1 },
          { y: null, m: null, s: 0, n: 1 },
        ]),
      );
    });

    it.each([
      [
        'on an aggregated attribute',
        '<fetch aggregate="true"><entity name="lead"><attribute name="createdon" alias="n" aggregate="count" dategrouping="year"/></entity></fetch>',
      ],
      [
        'on a plain (not aggregate) query',
        '<fetch><entity name="lead"><attribute name="createdon" dategrouping="month"/></entity></fetch>',
      ],
      ['as a part it does not stand in for (quarter)', byPart('quarter')],
    ])('is refused %s', (_what, xml) => {
      expect(() => run(xml)).toThrow(/dategrouping/);
      expect(() => run(xml)).toThrow(expect.objectContaining({ code: refusalCodes.invalid }));
    });
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
    ['an unknown table', '<fetch><entity name="competitor"/></fetch>', refusalCodes.invalid],
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
