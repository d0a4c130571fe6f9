/**
 * The campaign funnel's loading over the shared FetchXML evaluator (test/support/fetchxml/, the
 * one the stand-ins use): link-entity joins and the 50,000-record aggregate limit as Dataverse
 * applies them, answered through an Xrm.WebApi-shaped adapter that refuses like Xrm does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DataverseClient } from '../../../src/webresources/dataverse/dataverse-client';
import type {
  DataverseRow,
  RetrieveMultipleResult,
  WebApiLike,
} from '../../../src/webresources/dataverse/xrm-types';
import { ConfigError } from '../../../src/webresources/params/data-params';
import { loadCampaignCounts, resolveCampaign } from '../../../src/webresources/pipeline-funnel/campaign-data';
import { runFetchXml } from '../../support/dataverse/fetchxml';
import { Refusal } from '../../support/dataverse/http';
import type { RecordRow } from '../../support/dataverse/record-store';
import {
  campaigns,
  makeCampaignData,
  type CampaignDataset,
} from '../../fixtures/webresources/campaign-dataset';

class EvaluatorWebApi implements WebApiLike {
  readonly fetches: { entity: string; fetchXml: string; refused: boolean }[] = [];
  constructor(private readonly tables: Record<string, readonly object[]>) {}
  retrieveMultipleRecords(entity: string, options = ''): Promise<RetrieveMultipleResult> {
    const fetchXml = decodeURIComponent(options.slice('?fetchXml='.length));
    try {
      const { rows } = runFetchXml(fetchXml, (e) => (this.tables[e] ?? []) as RecordRow[]);
      this.fetches.push({ entity, fetchXml, refused: false });
      return Promise.resolve({ entities: rows });
    } catch (e) {
      this.fetches.push({ entity, fetchXml, refused: true });
      if (!(e instanceof Refusal)) throw e;
      // Xrm.WebApi rejects with { errorCode, message }: the HRESULT as an unsigned number.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject({ errorCode: Number.parseInt(e.code, 16), message: e.message });
    }
  }
  retrieveRecord(): Promise<DataverseRow> {
    return Promise.reject(new Error('not used'));
  }
}

let data: CampaignDataset;
let api: EvaluatorWebApi;
let client: DataverseClient;
beforeAll(() => {
  data = makeCampaignData(62_000);
  api = new EvaluatorWebApi({
    campaign: data.campaigns,
    lead: data.leads,
    campaignresponse: data.responses,
    opportunity: data.opportunities,
  });
  client = new DataverseClient(api, { sleep: () => Promise.resolve() });
});

/** The counts computed here from the generated rows. */
function expected(campaignId: string, from = -Infinity, to = Infinity) {
  const inPeriod = (iso: string): boolean => Date.parse(iso) >= from && Date.parse(iso) < to;
  const leads = data.leads.filter((l) => l.campaignid === campaignId && inPeriod(l.createdon));
  const ids = new Set(leads.map((l) => l.leadid));
  const opportunities = data.opportunities.filter((o) => ids.has(o.originatingleadid));
  return {
    responses: data.responses.filter((r) => r.regardingobjectid === campaignId && inPeriod(r.createdon))
      .length,
    leads: leads.length,
    qualified: leads.filter((l) => l.statecode === 1).length,
    opportunities: opportunities.length,
    won: opportunities.filter((o) => o.statecode === 1).length,
  };
}

describe('loading a campaign funnel', () => {
  it('counts every stage of a campaign with more than 50,000 leads by splitting the refused aggregates', async () => {
    const spring = campaigns[0]!.campaignid;
    const want = expected(spring);
    expect(want.leads).toBeGreaterThan(50_000);
    const before = api.fetches.length;
    const { counts, parts } = await loadCampaignCounts(client, spring, {});
    expect(counts).toEqual(want);
    expect(parts).toBeGreaterThan(1);
    const sent = api.fetches.slice(before);
    expect(sent.filter((f) => f.refused).length).toBeGreaterThan(0);
    // A refused query is never sent again unchanged.
    const refused = new Set(sent.filter((f) => f.refused).map((f) => f.fetchXml));
    expect(sent.filter((f) => !f.refused && refused.has(f.fetchXml))).toEqual([]);
  });

  it('counts the cohort of a period: leads created in it and the opportunities those leads became', async () => {
    const expo = campaigns[1]!.campaignid;
    const from = Date.UTC(2025, 6, 1);
    const to = Date.UTC(2026, 0, 1);
    const { counts, parts } = await loadCampaignCounts(client, expo, {
      from: new Date(from),
      to: new Date(to),
    });
    expect(counts).toEqual(expected(expo, from, to));
    expect(counts.responses).toBe(0);
    expect(counts.won).toBeGreaterThan(0);
    expect(parts).toBe(1);
  });

  it('gives zero at every stage for a campaign with no leads', async () => {
    const { counts } = await loadCampaignCounts(client, campaigns[4]!.campaignid, {});
    expect(counts).toEqual({ responses: 0, leads: 0, qualified: 0, opportunities: 0, won: 0 });
  });

  it('resolves a campaign by id or by a name only one campaign has', async () => {
    expect(await resolveCampaign(client, { kind: 'name', name: 'Expo 2025' })).toEqual({
      id: campaigns[1]!.campaignid,
      name: 'Expo 2025',
    });
    expect(await resolveCampaign(client, { kind: 'id', id: campaigns[0]!.campaignid })).toEqual({
      id: campaigns[0]!.campaignid,
      name: campaigns[0]!.name,
    });
  });

  it.each([
    ['Webinar', 'param.campaignSeveral'],
    ['No such campaign', 'param.campaignNotFound'],
  ])('refuses the name %s with a message naming the campaign parameter (%s)', async (name, key) => {
    const error = await resolveCampaign(client, { kind: 'name', name }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([{ param: 'campaign', key, values: { value: name } }]);
  });
});
