// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { QueryScope } from '../../../src/webresources/dataverse/fetchxml';
import {
  responseColumns,
  responsesAggregateFetch,
} from '../../../src/webresources/survey-insights/records-fetch';

const scope: QueryScope = {
  table: 'crmkit_surveyresponse',
  state: 'all',
  dateColumn: 'createdon',
  range: { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') },
};
const columns = responseColumns('crmkit_surveyresponse', 'createdby');
const aggregates =
  '<attribute name="activityid" alias="agg_count" aggregate="count"/>' +
  '<attribute name="crmkit_csat" alias="agg_csatsum" aggregate="sum"/>' +
  '<attribute name="crmkit_csat" alias="agg_csatcount" aggregate="countcolumn"/>';
const filter =
  '<filter type="and"><condition attribute="createdon" operator="ge" value="2025-01-01T00:00:00.000Z"/>' +
  '<condition attribute="createdon" operator="lt" value="2025-07-01T00:00:00.000Z"/></filter>';

describe('records-mode aggregate FetchXML', () => {
  it.each([
    [
      'months',
      columns,
      '<attribute name="createdon" alias="grp_year" groupby="true" dategrouping="year"/>' +
        '<attribute name="createdon" alias="grp_month" groupby="true" dategrouping="month"/>' +
        '<attribute name="crmkit_nps" alias="grp_nps" groupby="true"/>' +
        '<attribute name="crmkit_csat" alias="grp_csat" groupby="true"/>',
    ],
    [
      'staff',
      { ...columns, staff: 'ownerid' as const },
      '<attribute name="ownerid" alias="grp_staff" groupby="true"/>' +
        '<attribute name="crmkit_nps" alias="grp_nps" groupby="true"/>',
    ],
    [
      'groups',
      columns,
      '<attribute name="crmkit_channel" alias="grp_channel" groupby="true"/>' +
        '<attribute name="crmkit_role" alias="grp_role" groupby="true"/>' +
        '<attribute name="crmkit_nps" alias="grp_nps" groupby="true"/>',
    ],
  ] as const)('groups the %s query and returns only counts and CSAT sums', (query, cols, groups) => {
    expect(responsesAggregateFetch(scope, cols, query)).toBe(
      `<fetch aggregate="true"><entity name="crmkit_surveyresponse">${groups}${aggregates}${filter}</entity></fetch>`,
    );
  });

  it('asks for page 2 of a result with more than 5,000 groups, still as an aggregate', () => {
    const xml = responsesAggregateFetch({ ...scope, range: {} }, columns, 'staff', 2);
    expect(xml).toBe(
      '<fetch aggregate="true" page="2" count="5000"><entity name="crmkit_surveyresponse">' +
        '<attribute name="createdby" alias="grp_staff" groupby="true"/>' +
        `<attribute name="crmkit_nps" alias="grp_nps" groupby="true"/>${aggregates}</entity></fetch>`,
    );
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  });
});
