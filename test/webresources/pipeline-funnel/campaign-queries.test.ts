import { describe, expect, it } from 'vitest';
import { boundaryFetch } from '../../../src/webresources/dataverse/fetchxml';
import {
  campaignLookupFetch,
  leadsScope,
  opportunitiesScope,
  responsesScope,
  stateCountFetch,
} from '../../../src/webresources/pipeline-funnel/campaign-queries';
import { stageRecordsFetch } from '../../../src/webresources/pipeline-funnel/stage-records';

const id = '00000005-0000-4000-8000-000000000001';
const period = { from: new Date('2025-07-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') };
const built: Record<string, string> = {
  'leads by state': stateCountFetch(leadsScope(id, period), 1),
  responses: stateCountFetch(responsesScope(id, period), 1),
  'opportunities from the leads by state, through an inner link-entity': stateCountFetch(
    opportunitiesScope(id, period),
    1,
  ),
  'the earliest created-on of those opportunities (for the split)': boundaryFetch(
    opportunitiesScope(id, period),
    'asc',
  ),
  'a campaign by name, every character escaped': campaignLookupFetch({
    kind: 'name',
    name: 'Spring "<sale>" & more',
  }),
  'who bought: the won opportunities, largest amount first': stageRecordsFetch({
    scope: opportunitiesScope(id, period),
    stage: 'statecode',
    stageKeys: ['1'],
    name: 'name',
    amount: 'actualvalue',
    extra: ['customerid', 'actualclosedate'],
  }),
};

/** Golden FetchXML of the campaign funnel's queries. */
const golden: [string, string][] = [
  [
    'leads by state',
    '<fetch aggregate="true"><entity name="lead"><attribute name="statecode" alias="grp_stage" groupby="true"/><attribute name="statecode" alias="agg_count" aggregate="count"/><filter type="and"><condition attribute="createdon" operator="ge" value="2025-07-01T00:00:00.000Z"/><condition attribute="createdon" operator="lt" value="2026-01-01T00:00:00.000Z"/><filter type="and"><condition attribute="campaignid" operator="eq" value="00000005-0000-4000-8000-000000000001"/></filter></filter></entity></fetch>',
  ],
  [
    'responses',
    '<fetch aggregate="true"><entity name="campaignresponse"><attribute name="statecode" alias="grp_stage" groupby="true"/><attribute name="statecode" alias="agg_count" aggregate="count"/><filter type="and"><condition attribute="createdon" operator="ge" value="2025-07-01T00:00:00.000Z"/><condition attribute="createdon" operator="lt" value="2026-01-01T00:00:00.000Z"/><filter type="and"><condition attribute="regardingobjectid" operator="eq" value="00000005-0000-4000-8000-000000000001"/></filter></filter></entity></fetch>',
  ],
  [
    'opportunities from the leads by state, through an inner link-entity',
    '<fetch aggregate="true"><entity name="opportunity"><attribute name="statecode" alias="grp_stage" groupby="true"/><attribute name="statecode" alias="agg_count" aggregate="count"/><link-entity name="lead" from="leadid" to="originatingleadid" link-type="inner" alias="campaignlead"><filter type="and"><condition attribute="campaignid" operator="eq" value="00000005-0000-4000-8000-000000000001"/><condition attribute="createdon" operator="ge" value="2025-07-01T00:00:00.000Z"/><condition attribute="createdon" operator="lt" value="2026-01-01T00:00:00.000Z"/></filter></link-entity></entity></fetch>',
  ],
  [
    'the earliest created-on of those opportunities (for the split)',
    '<fetch top="1"><entity name="opportunity"><attribute name="createdon"/><order attribute="createdon" descending="false"/><link-entity name="lead" from="leadid" to="originatingleadid" link-type="inner" alias="campaignlead"><filter type="and"><condition attribute="campaignid" operator="eq" value="00000005-0000-4000-8000-000000000001"/><condition attribute="createdon" operator="ge" value="2025-07-01T00:00:00.000Z"/><condition attribute="createdon" operator="lt" value="2026-01-01T00:00:00.000Z"/></filter></link-entity></entity></fetch>',
  ],
  [
    'a campaign by name, every character escaped',
    '<fetch top="2"><entity name="campaign"><attribute name="campaignid"/><attribute name="name"/><filter type="and"><condition attribute="name" operator="eq" value="Spring &quot;&lt;sale&gt;&quot; &amp; more"/></filter></entity></fetch>',
  ],
  [
    'who bought: the won opportunities, largest amount first',
    '<fetch top="50"><entity name="opportunity"><attribute name="opportunityid"/><attribute name="name"/><attribute name="actualvalue"/><attribute name="customerid"/><attribute name="actualclosedate"/><order attribute="actualvalue" descending="true"/><filter type="and"><condition attribute="statecode" operator="eq" value="1"/></filter><link-entity name="lead" from="leadid" to="originatingleadid" link-type="inner" alias="campaignlead"><filter type="and"><condition attribute="campaignid" operator="eq" value="00000005-0000-4000-8000-000000000001"/><condition attribute="createdon" operator="ge" value="2025-07-01T00:00:00.000Z"/><condition attribute="createdon" operator="lt" value="2026-01-01T00:00:00.000Z"/></filter></link-entity></entity></fetch>',
  ],
];

describe('the campaign funnel queries', () => {
  it.each(golden)('asks for %s', (name, fetchXml) => {
    expect(built[name]).toBe(fetchXml);
  });
});
