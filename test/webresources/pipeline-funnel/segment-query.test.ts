/**
 * Segments through related tables and by product, from the FetchXML the page sends to the figures
 * it draws: the queries run through the stand-ins' evaluator over generated accounts, territories
 * and product lines, with a record limit low enough that the created-on split is needed, and the
 * figures are checked against sums this test computes from the same arrays.
 */
import { describe, expect, it } from 'vitest';
import { DataverseClient } from '../../../src/webresources/dataverse/dataverse-client';
import type { QueryScope } from '../../../src/webresources/dataverse/fetchxml';
import {
  loadLinkedFunnelData,
  type LinkedSegment,
} from '../../../src/webresources/pipeline-funnel/linked-data';
import { readFunnelConfig } from '../../../src/webresources/pipeline-funnel/funnel-config';
import { parseClientConfig } from '../../../src/webresources/params/client-config';
import { stageRecordsFetch } from '../../../src/webresources/pipeline-funnel/stage-records';
import { noProductsKey, scopeOfSegment } from '../../../src/webresources/pipeline-funnel/segment-query';
import { computeOverlappingFunnel } from '../../../src/widgets/funnel/overlap';
import type { StageAggregate } from '../../../src/widgets/funnel/types';
import { makeLinkedData } from '../../fixtures/webresources/linked-dataset';
import { EvaluatingWebApi } from '../../support/fetchxml/web-api';
import type { Row } from '../../support/fetchxml/tree';

const data = makeLinkedData(3000, 200);
const tables: Record<string, readonly Row[]> = {
  opportunity: data.opportunities,
  account: data.accounts,
  territory: data.territories,
  systemuser: data.users,
  product: data.products,
  opportunityproduct: data.lines,
};
const source = {
  rows: (t: string) => tables[t],
  columns: (t: string) => (tables[t]?.[0] === undefined ? undefined : new Set(Object.keys(tables[t][0]))),
};
const config = readFunnelConfig('', parseClientConfig('{}'));
const scope: QueryScope = { table: 'opportunity', state: 'open', dateColumn: 'createdon', range: {} };
const open = data.opportunities.filter((o) => o.statecode === 0);
const limit = 1500;

async function load(
  linked: LinkedSegment,
): Promise<{ api: EvaluatingWebApi; result: Awaited<ReturnType<typeof loadLinkedFunnelData>> }> {
  const api = new EvaluatingWebApi(source, limit);
  const result = await loadLinkedFunnelData(
    config,
    new DataverseClient(api, { sleep: () => Promise.resolve() }),
    scope,
    linked,
  );
  return { api, result };
}

/** stage|segment → [count, amount], added up over the split's parts. */
function figures(rows: readonly StageAggregate[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const r of rows) {
    const key = `${r.stage?.key ?? ''}|${r.segment?.key ?? ''}`;
    const [n, a] = out.get(key) ?? [0, 0];
    out.set(key, [n + r.count, a + (r.amount ?? 0)]);
  }
  return out;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(keyOf(item), [...(out.get(keyOf(item)) ?? []), item]);
  return out;
}

function add(map: Map<string, [number, number]>, key: string, count: number, amount: number): void {
  const [n, a] = map.get(key) ?? [0, 0];
  map.set(key, [n + count, a + amount]);
}

describe('segments through related tables', () => {
  it("groups by the territory of the opportunity's account, over created-on parts when the record limit refuses", async () => {
    const accounts = new Map(data.accounts.map((a) => [a.accountid, a]));
    const { api, result } = await load({
      segment: {
        kind: 'related',
        link: { lookup: 'parentaccountid', table: 'account', key: 'accountid' },
        column: 'territoryid',
      },
      noProductsLabel: '',
    });
    const expected = new Map<string, [number, number]>();
    for (const o of open) {
      const territory = o.parentaccountid === null ? null : accounts.get(o.parentaccountid)!.territoryid;
      add(expected, `${o.salesstage ?? ''}|${territory ?? ''}`, 1, o.estimatedvalue ?? 0);
    }
    expect(figures(result.aggregates)).toEqual(expected);
    expect(result.parts).toBeGreaterThan(1);
    expect(api.calls.some((c) => c.errorCode === 0x8004e023)).toBe(true);
    expect(api.calls[0]!.fetchXml).toContain(
      '<link-entity name="account" from="accountid" to="parentaccountid" link-type="outer"',
    );
  });

  it("counts an opportunity once in each of its products' funnels and once in the whole funnel, the limit counting product lines", async () => {
    const { api, result } = await load({ segment: { kind: 'product' }, noProductsLabel: 'No products' });
    const expected = new Map<string, [number, number]>();
    const totals = new Map<string, [number, number]>();
    const linesOf = groupBy(data.lines, (l) => l.opportunityid);
    for (const o of open) {
      const lines = linesOf.get(o.opportunityid) ?? [];
      const stage = String(o.salesstage ?? '');
      add(
        totals,
        `${stage}|`,
        1,
        lines.reduce((s, l) => s + (l.extendedamount ?? 0), 0),
      );
      if (lines.length === 0) add(expected, `${stage}|${noProductsKey}`, 1, 0);
      for (const [product, own] of groupBy(lines, (l) => l.productid))
        add(
          expected,
          `${stage}|${product}`,
          1,
          own.reduce((s, l) => s + (l.extendedamount ?? 0), 0),
        );
    }
    expect(figures(result.aggregates)).toEqual(expected);
    expect(figures(result.totals!)).toEqual(totals);
    expect(result.aggregates.find((r) => r.segment?.key === noProductsKey)?.segment?.label).toBe(
      'No products',
    );
    // Refused over the product lines, not the opportunities: the first range has fewer records than the limit.
    const refused = api.calls.find((c) => c.errorCode === 0x8004e023)!;
    expect(refused.matched).toBeGreaterThan(limit);
    const funnel = computeOverlappingFunnel(result.totals!, result.aggregates);
    expect(funnel.records).toBe(open.length);
    expect(funnel.segments.reduce((n, s) => n + s.records, 0)).toBeGreaterThan(open.length);
  });

  it.each([
    ['a product', data.products[1]!.productid],
    ['no products', noProductsKey],
  ])('lists the records of one stage holding %s, each once', async (_name, key) => {
    const api = new EvaluatingWebApi(source, limit);
    const fetchXml = stageRecordsFetch({
      scope: scopeOfSegment(scope, { kind: 'product' }, key),
      stage: 'salesstage',
      stageKeys: ['1'],
      name: 'name',
    });
    const answer = await api.retrieveMultipleRecords(
      'opportunity',
      `?fetchXml=${encodeURIComponent(fetchXml)}`,
    );
    const holders = new Set(data.lines.filter((l) => l.productid === key).map((l) => l.opportunityid));
    const withLines = new Set(data.lines.map((l) => l.opportunityid));
    const expected = open.filter(
      (o) =>
        o.salesstage === 1 &&
        (key === noProductsKey ? !withLines.has(o.opportunityid) : holders.has(o.opportunityid)),
    );
    expect(answer.entities).toHaveLength(Math.min(50, expected.length));
    expect(new Set(answer.entities.map((e) => e.opportunityid)).size).toBe(answer.entities.length);
    expect(answer.entities.every((e) => expected.some((o) => o.opportunityid === e.opportunityid))).toBe(
      true,
    );
  });
});
