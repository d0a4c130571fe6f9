/**
 * Reads a campaign funnel: the campaign the parameter names (by id, or by a name that must match
 * exactly one campaign), then the three aggregates of a period (responses, leads by state,
 * opportunities from those leads by state), each split when it exceeds Dataverse's record limit.
 */
import type { DataverseClient } from '../dataverse/dataverse-client';
import type { DateRange } from '../dataverse/fetchxml';
import { loadSplitAggregate } from '../dataverse/split-aggregate';
import { ConfigError, type CampaignRef } from '../params/data-params';
import type { CampaignCounts } from './campaign-model';
import {
  campaignLookupFetch,
  leadQualified,
  leadsScope,
  opportunitiesScope,
  opportunityWon,
  responsesScope,
  stateCountFetch,
} from './campaign-queries';
import { mapFunnelRows } from './funnel-rows';
import type { QueryScope } from '../dataverse/fetchxml';

export interface Campaign {
  id: string;
  name: string;
}

/** The campaign named by the parameter; a ConfigError (localized by the page) when none or several match. */
export async function resolveCampaign(client: DataverseClient, ref: CampaignRef): Promise<Campaign> {
  const { entities } = await client.fetchXml('campaign', campaignLookupFetch(ref));
  const shown = ref.kind === 'id' ? ref.id : ref.name;
  if (entities.length !== 1) {
    const key = entities.length === 0 ? 'param.campaignNotFound' : 'param.campaignSeveral';
    throw new ConfigError([{ param: 'campaign', key, values: { value: shown } }]);
  }
  const row = entities[0]!;
  const id = typeof row.campaignid === 'string' ? row.campaignid : shown;
  return { id, name: typeof row.name === 'string' && row.name !== '' ? row.name : shown };
}

export interface CampaignData {
  counts: CampaignCounts;
  /** The most created-on ranges any of the aggregates was added up from (1: none was split). */
  parts: number;
}

/** Records per statecode value of one scope's aggregate. */
async function countByState(
  client: DataverseClient,
  scope: QueryScope,
): Promise<{ all: number; byState: Map<string, number>; parts: number }> {
  const { rows, parts } = await loadSplitAggregate(client, scope, stateCountFetch);
  const byState = new Map<string, number>();
  let all = 0;
  for (const a of mapFunnelRows(rows, false).aggregates) {
    all += a.count;
    const key = a.stage?.key ?? '';
    byState.set(key, (byState.get(key) ?? 0) + a.count);
  }
  return { all, byState, parts };
}

export async function loadCampaignCounts(
  client: DataverseClient,
  campaignId: string,
  period: DateRange,
): Promise<CampaignData> {
  const [responses, leads, opportunities] = await Promise.all([
    countByState(client, responsesScope(campaignId, period)),
    countByState(client, leadsScope(campaignId, period)),
    countByState(client, opportunitiesScope(campaignId, period)),
  ]);
  return {
    counts: {
      responses: responses.all,
      leads: leads.all,
      qualified: leads.byState.get(String(leadQualified)) ?? 0,
      opportunities: opportunities.all,
      won: opportunities.byState.get(String(opportunityWon)) ?? 0,
    },
    parts: Math.max(responses.parts, leads.parts, opportunities.parts),
  };
}
