import { describe, expect, it } from 'vitest';
import { DataverseClient } from '../../../src/webresources/dataverse/dataverse-client';
import type { QueryScope } from '../../../src/webresources/dataverse/fetchxml';
import type {
  DataverseRow,
  RetrieveMultipleResult,
  WebApiLike,
} from '../../../src/webresources/dataverse/xrm-types';
import { loadResponseRows } from '../../../src/webresources/survey-insights/records-data';
import { responseColumns } from '../../../src/webresources/survey-insights/records-fetch';

const columns = responseColumns('crmkit_surveyresponse', 'createdby');

/**
 * Responses created at the given times; an aggregate over more than `limit` of them is refused as
 * Xrm.WebApi refuses it (0x8004E023), anything but an aggregate fails the test. Each answer is one
 * row counting the responses in the query's created-on range.
 */
class ResponsesWebApi implements WebApiLike {
  readonly requests: { xml: string; matched: number; refused: boolean }[] = [];
  constructor(
    private readonly times: readonly number[],
    private readonly limit: number,
  ) {}
  retrieveMultipleRecords(_table: string, options = ''): Promise<RetrieveMultipleResult> {
    const xml = decodeURIComponent(options.slice('?fetchXml='.length));
    if (!xml.startsWith('<fetch aggregate="true"')) throw new Error(`not an aggregate: ${xml}`);
    const bound = (op: string): number | undefined => {
      const m = new RegExp(`attribute="createdon" operator="${op}" value="([^"]+)"`).exec(xml);
      return m === null ? undefined : Date.parse(m[1]!);
    };
    const [from, to] = [bound('ge') ?? -Infinity, bound('lt') ?? Infinity];
    const matched = this.times.filter((t) => t >= from && t < to).length;
    const refused = matched > this.limit;
    this.requests.push({ xml, matched, refused });
    if (refused)
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject({ errorCode: 0x8004e023, message: 'The maximum record limit is exceeded.' });
    return Promise.resolve({
      entities: matched === 0 ? [] : [{ grp_year: 2025, grp_month: 1, agg_count: matched }],
    });
  }
  retrieveRecord(): Promise<DataverseRow> {
    return Promise.reject(new Error('not used'));
  }
}

const scopeOf = (range: QueryScope['range']): QueryScope => ({
  table: 'crmkit_surveyresponse',
  state: 'all',
  dateColumn: 'createdon',
  range,
});
const now = new Date('2026-01-10T00:00:00Z');
const year = Array.from({ length: 1000 }, (_, i) => Date.UTC(2025, 0, 1) + i * 31_000_000);

async function load(api: ResponsesWebApi, range: QueryScope['range']) {
  return loadResponseRows(
    new DataverseClient(api, { sleep: () => Promise.resolve() }),
    scopeOf(range),
    columns,
    now,
  );
}

describe('loading the records-mode aggregates', () => {
  it('runs the three aggregates once when Dataverse answers at once', async () => {
    const api = new ResponsesWebApi(year, 5000);
    const rows = await load(api, { from: new Date('2025-01-01T00:00:00Z') });
    expect(rows.parts).toBe(1);
    expect(api.requests.map((r) => /alias="grp_(\w+)"/.exec(r.xml)?.[1])).toEqual([
      'year',
      'staff',
      'channel',
    ]);
  });

  it('splits the period over created-on ranges without asking for any response row, counting each response once', async () => {
    const api = new ResponsesWebApi(year, 300);
    const rows = await load(api, { from: new Date('2025-01-01T00:00:00Z') });
    expect(rows.parts).toBeGreaterThan(1);
    expect(rows.months.reduce((n, r) => n + (r.agg_count as number), 0)).toBe(year.length);
    expect(rows.staff).toHaveLength(rows.months.length);
    const refused = api.requests.filter((r) => r.refused);
    expect(refused).toHaveLength(rows.parts - 1);
    expect(new Set(api.requests.map((r) => r.xml)).size).toBe(api.requests.length);
    // The last part ends a day after now: the split needs no query for the latest response.
    expect(api.requests.at(-1)!.xml).toContain('operator="lt" value="2026-01-11T00:00:00.000Z"');
  });

  it("starts an open period's split at the earliest date Dataverse stores, asking one query of an empty range", async () => {
    const api = new ResponsesWebApi(year, 600);
    const rows = await load(api, {});
    expect(rows.months.reduce((n, r) => n + (r.agg_count as number), 0)).toBe(year.length);
    expect(api.requests[1]!.xml).toContain('operator="ge" value="1753-01-01T00:00:00.000Z"');
    const empty = api.requests.filter((r) => r.matched === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const e of empty) expect(e.xml).toContain('alias="grp_year"');
  });
});
