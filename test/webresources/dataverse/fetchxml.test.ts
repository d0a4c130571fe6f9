// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundaryFetch,
  escapeXml,
  fetchXmlOption,
  funnelAggregateFetch,
  recordsFetch,
  scopeXml,
  type CriteriaNode,
  type QueryScope,
} from '../../../src/webresources/dataverse/fetchxml';

const scope: QueryScope = {
  table: 'opportunity',
  state: 'open',
  dateColumn: 'createdon',
  range: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') },
};

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('funnel aggregate FetchXML', () => {
  it('groups by stage and segment and counts and sums without asking for any record', () => {
    const xml = funnelAggregateFetch({
      scope,
      stage: 'salesstage',
      amount: 'estimatedvalue',
      segment: 'crmkit_segment',
    });
    expect(xml).toBe(
      '<fetch aggregate="true"><entity name="opportunity">' +
        '<attribute name="salesstage" alias="grp_stage" groupby="true"/>' +
        '<attribute name="crmkit_segment" alias="grp_segment" groupby="true"/>' +
        '<attribute name="salesstage" alias="agg_count" aggregate="count"/>' +
        '<attribute name="estimatedvalue" alias="agg_amount" aggregate="sum"/>' +
        '<attribute name="estimatedvalue" alias="agg_amountcount" aggregate="countcolumn"/>' +
        '<filter type="and"><condition attribute="statecode" operator="eq" value="0"/>' +
        '<condition attribute="createdon" operator="ge" value="2025-01-01T00:00:00.000Z"/>' +
        '<condition attribute="createdon" operator="lt" value="2025-07-01T00:00:00.000Z"/></filter>' +
        '</entity></fetch>',
    );
  });

  it('leaves out the segment and the amount when they are not configured', () => {
    const doc = parse(
      funnelAggregateFetch({ scope: { ...scope, state: 'all', range: {} }, stage: 'salesstage' }),
    );
    const aliases = Array.from(doc.getElementsByTagName('attribute')).map((a) => a.getAttribute('alias'));
    expect(aliases).toEqual(['grp_stage', 'agg_count']);
    expect(doc.getElementsByTagName('filter')).toHaveLength(0);
  });

  it('asks for one row ordered by the date column for the split bounds', () => {
    const doc = parse(boundaryFetch(scope, 'desc'));
    expect(doc.documentElement.getAttribute('top')).toBe('1');
    expect(doc.getElementsByTagName('order')[0]!.getAttribute('descending')).toBe('true');
    expect(doc.documentElement.getAttribute('aggregate')).toBeNull();
  });
});

describe('escaping', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('keeps any paging cookie text inside its attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (cookie) => {
        const doc = parse(recordsFetch(scope, ['name'], { page: 2, count: 50, cookie }));
        expect(doc.documentElement.getAttribute('paging-cookie')).toBe(cookie.replace(/\r\n?|\n|\t/g, ' '));
        expect(doc.getElementsByTagName('condition')).toHaveLength(3);
      }),
    );
  });

  it('never lets a value copied from a saved view add elements to the query', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), (value, text) => {
        const criteria: CriteriaNode[] = [
          {
            name: 'filter',
            attributes: { type: 'and' },
            children: [
              {
                name: 'condition',
                attributes: { attribute: 'name', operator: 'eq', value },
                children: [{ name: 'value', attributes: {}, text, children: [] }],
              },
            ],
          },
        ];
        const doc = parse(
          `<fetch><entity name="x">${scopeXml({ ...scope, viewCriteria: criteria })}</entity></fetch>`,
        );
        const conditions = doc.getElementsByTagName('condition');
        expect(conditions).toHaveLength(4);
        expect(conditions[3]!.getAttribute('value')).toBe(value.replace(/\r\n?|\n|\t/g, ' '));
        expect(doc.getElementsByTagName('value')).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('drops attribute names that are not names, so a view cannot smuggle markup through them', () => {
    const xml = scopeXml({
      ...scope,
      state: 'all',
      range: {},
      viewCriteria: [{ name: 'filter', attributes: { 'x"/><evil a="': '1', type: 'or' }, children: [] }],
    });
    expect(xml).toBe('<filter type="and"><filter type="or"/></filter>');
  });

  it('URL-encodes the FetchXML for retrieveMultipleRecords', () => {
    const option = fetchXmlOption('<fetch a="&amp;"/>');
    expect(option).toBe('?fetchXml=%3Cfetch%20a%3D%22%26amp%3B%22%2F%3E');
    expect(decodeURIComponent(option.slice('?fetchXml='.length))).toBe('<fetch a="&amp;"/>');
  });
});

describe('records FetchXML', () => {
  it('pages with the page number, the count and the previous page cookie', () => {
    const doc = parse(
      recordsFetch({ ...scope, required: ['crmkit_responses'] }, ['crmkit_responses'], {
        page: 3,
        count: 5000,
        cookie: '<cookie page="2"><accountid last="{A}" first="{B}" /></cookie>',
      }),
    );
    const fetch = doc.documentElement;
    expect([fetch.getAttribute('page'), fetch.getAttribute('count')]).toEqual(['3', '5000']);
    expect(fetch.getAttribute('paging-cookie')).toContain('<accountid last="{A}"');
    const notNull = Array.from(doc.getElementsByTagName('condition')).find(
      (c) => c.getAttribute('operator') === 'not-null',
    );
    expect(notNull?.getAttribute('attribute')).toBe('crmkit_responses');
  });
});
