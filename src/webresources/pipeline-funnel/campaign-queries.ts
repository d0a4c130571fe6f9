/**
 * The campaign funnel's FetchXML. The period picks a cohort: the campaign's responses and leads
 * created in it, and the opportunities that originate from those leads (linked through
 * `opportunity.originatingleadid`, whenever the opportunities were created). Each stage is a count
 * from an aggregate grouped by `statecode` (leads: 1 Qualified; opportunities: 1 Won), split over
 * created-on ranges like the pipeline's when Dataverse refuses more than 50,000 records. Values
 * (the campaign's id or name, dates) are escaped by fetchxml.ts like every other value.
 */
import type { CampaignRef } from '../params/data-params';
import {
  element,
  funnelAggregateFetch,
  type CriteriaNode,
  type DateRange,
  type QueryScope,
} from '../dataverse/fetchxml';

/** statecode values (Microsoft's lead and opportunity table references). */
export const leadQualified = 1;
export const opportunityWon = 1;
/** The alias of the lead linked to an opportunity. */
export const leadAlias = 'campaignlead';

function condition(attribute: string, operator: string, value?: string): CriteriaNode {
  return {
    name: 'condition',
    attributes: { attribute, operator, ...(value === undefined ? {} : { value }) },
    children: [],
  };
}

function and(children: CriteriaNode[]): CriteriaNode {
  return { name: 'filter', attributes: { type: 'and' }, children };
}

function createdIn(range: DateRange): CriteriaNode[] {
  return [
    ...(range.from === undefined ? [] : [condition('createdon', 'ge', range.from.toISOString())]),
    ...(range.to === undefined ? [] : [condition('createdon', 'lt', range.to.toISOString())]),
  ];
}

/** The rows of `table` whose `column` is the campaign, created in the period. */
function campaignScope(table: string, column: string, campaignId: string, period: DateRange): QueryScope {
  const viewCriteria = [and([condition(column, 'eq', campaignId)])];
  return { table, state: 'all', dateColumn: 'createdon', range: period, viewCriteria };
}

/** The campaign's responses (`regardingobjectid` is the campaign) created in the period. */
export function responsesScope(campaignId: string, period: DateRange): QueryScope {
  return campaignScope('campaignresponse', 'regardingobjectid', campaignId, period);
}

/** The campaign's leads (`lead.campaignid`) created in the period, open, qualified or not. */
export function leadsScope(campaignId: string, period: DateRange): QueryScope {
  return campaignScope('lead', 'campaignid', campaignId, period);
}

/**
 * The opportunities originating from those leads: an inner link-entity to the lead, its campaign and
 * period inside the link; the scope's own range (the split's) is on the opportunity's created-on.
 */
export function opportunitiesScope(campaignId: string, period: DateRange): QueryScope {
  const link: CriteriaNode = {
    name: 'link-entity',
    attributes: {
      name: 'lead',
      from: 'leadid',
      to: 'originatingleadid',
      'link-type': 'inner',
      alias: leadAlias,
    },
    children: [and([condition('campaignid', 'eq', campaignId), ...createdIn(period)])],
  };
  return { table: 'opportunity', state: 'all', dateColumn: 'createdon', range: {}, viewCriteria: [link] };
}

/** Count grouped by statecode over one of the scopes above. */
export function stateCountFetch(scope: QueryScope, page: number): string {
  return funnelAggregateFetch({ scope, stage: 'statecode', page });
}

/** At most two campaigns with that id or name: none or several is the user's to fix. */
export function campaignLookupFetch(ref: CampaignRef): string {
  const where =
    ref.kind === 'id'
      ? element('condition', { attribute: 'campaignid', operator: 'eq', value: ref.id })
      : element('condition', { attribute: 'name', operator: 'eq', value: ref.name });
  return element(
    'fetch',
    { top: '2' },
    element(
      'entity',
      { name: 'campaign' },
      element('attribute', { name: 'campaignid' }) +
        element('attribute', { name: 'name' }) +
        element('filter', { type: 'and' }, where),
    ),
  );
}
