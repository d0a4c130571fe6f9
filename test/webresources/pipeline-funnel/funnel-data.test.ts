import { describe, expect, it } from 'vitest';
import { DataverseClient } from '../../../src/webresources/dataverse/dataverse-client';
import type { QueryScope } from '../../../src/webresources/dataverse/fetchxml';
import type {
  DataverseRow,
  RetrieveMultipleResult,
  WebApiLike,
} from '../../../src/webresources/dataverse/xrm-types';
import { loadFunnelData } from '../../../src/webresources/pipeline-funnel/funnel-data';
import type { FunnelConfig } from '../../../src/webresources/pipeline-funnel/funnel-config';

const config: FunnelConfig = {
  table: 'opportunity',
  stage: 'salesstage',
  segment: 'parentaccountid',
  name: 'name',
  stageOrder: [],
  filter: { kind: 'open' },
  period: { kind: 'all' },
  mode: 'snapshot',
  metric: 'count',
};
const scope: QueryScope = { table: 'opportunity', state: 'open', dateColumn: 'createdon', range: {} };

/** Answers aggregates with `groups` rows, 5,000 per page, the way Dataverse pages any result. */
class GroupsWebApi implements WebApiLike {
  readonly fetches: string[] = [];
  constructor(private readonly groups: number) {}
  retrieveMultipleRecords(_t: string, options = ''): Promise<RetrieveMultipleResult> {
    const xml = decodeURIComponent(options.slice('?fetchXml='.length));
    this.fetches.push(xml);
    const page = Number(/ page="(\d+)"/.exec(xml)?.[1] ?? '1');
    const all = Array.from({ length: this.groups }, (_, i) => ({
      grp_stage: i % 4,
      grp_segment: `acc-${i}`,
      agg_count: 1,
    }));
    const entities = all.slice((page - 1) * 5000, page * 5000);
    const more = page * 5000 < all.length;
    return Promise.resolve(
      more ? { entities, fetchXmlPagingCookie: `<cookie pagenumber="${page + 1}"/>` } : { entities },
    );
  }
  retrieveRecord(): Promise<DataverseRow> {
    return Promise.reject(new Error('not used'));
  }
}

describe('loading the funnel aggregate', () => {
  it('reads every page of a result with more than 5,000 stage × segment groups', async () => {
    const api = new GroupsWebApi(12_000);
    const data = await loadFunnelData(
      config,
      new DataverseClient(api, { sleep: () => Promise.resolve() }),
      scope,
    );
    expect(data.aggregates).toHaveLength(12_000);
    expect(data.parts).toBe(1);
    expect(api.fetches.map((x) => / page="(\d+)"/.exec(x)?.[1] ?? '1')).toEqual(['1', '2', '3']);
  });
});
