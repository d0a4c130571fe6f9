/**
 * The stand-in's record store (test/support/dataverse/record-store.ts and fetchxml.ts), which the
 * web resources' browser tests may serve their records from: OData `$select`/`$filter`/`$top`
 * and FetchXML with filters, order, top and aggregates, refusing what it does not understand.
 */
import { describe, expect, it } from 'vitest';
import { Refusal } from '../support/dataverse/http';
import { RecordStore } from '../support/dataverse/record-store';

function store(): RecordStore {
  const s = new RecordStore();
  s.define({ entitySet: 'opportunities', primaryKey: 'opportunityid', logicalName: 'opportunity' });
  const rows: [string, number, string, number][] = [
    ['Alpha', 0, 'qualify', 100],
    ['Beta', 0, 'develop', 250],
    ['Gamma', 1, 'develop', 50],
    ["O'Hara", 0, 'close', 75],
  ];
  for (const [name, statecode, stage, value] of rows)
    s.insert('opportunities', { name, statecode, stage, value });
  return s;
}

const fetch = (xml: string): unknown =>
  store().query('opportunities', new URLSearchParams({ fetchXml: xml }));

describe('the record store', () => {
  it('answers $select, $filter with and, quotes doubled, and $top', () => {
    const answer = store().query(
      'opportunities',
      new URLSearchParams({
        $select: 'name,value',
        $filter: "statecode eq 0 and name eq 'O''Hara'",
        $top: '5',
      }),
    ) as { value: Record<string, unknown>[] };
    expect(answer.value.map(({ name, value }) => ({ name, value }))).toEqual([{ name: "O'Hara", value: 75 }]);
  });

  it.each([
    [{ $orderby: 'name' }, 'The query parameter $orderby is not supported'],
    [{ $filter: 'contains(name,1)' }, 'only "column eq value" filters'],
  ])('refuses what it does not understand: %j', (query, message) => {
    expect(() => store().query('opportunities', new URLSearchParams(query))).toThrow(message);
  });

  it.each([
    [
      '<fetch top="2"><entity name="opportunity"><attribute name="name"/><filter><condition attribute="statecode" operator="eq" value="0"/></filter><order attribute="value" descending="true"/></entity></fetch>',
      [{ name: 'Beta' }, { name: 'Alpha' }],
    ],
    [
      '<fetch><entity name="opportunity"><attribute name="name"/><filter type="or"><condition attribute="stage" operator="in"><value>close</value><value>qualify</value></condition><condition attribute="value" operator="lt" value="60"/></filter><order attribute="name"/></entity></fetch>',
      [{ name: 'Alpha' }, { name: 'Gamma' }, { name: "O'Hara" }],
    ],
    [
      '<fetch aggregate="true"><entity name="opportunity"><attribute name="stage" groupby="true" alias="grp_stage"/><attribute name="opportunityid" aggregate="count" alias="agg_count"/><attribute name="value" aggregate="sum" alias="agg_sum"/></entity></fetch>',
      [
        { grp_stage: 'qualify', agg_count: 1, agg_sum: 100 },
        { grp_stage: 'develop', agg_count: 2, agg_sum: 300 },
        { grp_stage: 'close', agg_count: 1, agg_sum: 75 },
      ],
    ],
  ])('runs FetchXML %#', (xml, rows) => {
    expect((fetch(xml) as { value: unknown[] }).value).toEqual(rows);
  });

  it.each([
    [
      '<fetch><entity name="opportunity"><link-entity name="account" from="accountid" to="parentaccountid" link-type="natural"/></entity></fetch>',
      'link-type "natural"',
    ],
    [
      '<fetch><entity name="opportunity"><filter><condition attribute="name" operator="begins-with" value="A"/></filter></entity></fetch>',
      'begins-with',
    ],
    ['<!DOCTYPE fetch><fetch><entity name="opportunity"/></fetch>', 'DOCTYPE'],
  ])('refuses FetchXML it does not support %#', (xml, message) => {
    expect(() => fetch(xml)).toThrow(Refusal);
    expect(() => fetch(xml)).toThrow(message);
  });
});
