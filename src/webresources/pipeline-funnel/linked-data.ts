/**
 * Loads the funnel's stage totals by a segment through a lookup or by product: grouped through
 * link-entity (segment-query.ts), split over created-on ranges like the plain aggregate; by
 * product a second aggregate counts each opportunity once for the whole funnel.
 */
import type { DataverseClient } from '../dataverse/dataverse-client';
import type { QueryScope } from '../dataverse/fetchxml';
import { loadSplitAggregate, loadSplitAggregates } from '../dataverse/split-aggregate';
import type { FunnelConfig } from './funnel-config';
import type { FunnelData } from './funnel-data';
import { mapFunnelRows } from './funnel-rows';
import { linkedAggregateFetch, noProductsKey, type ResolvedSegment } from './segment-query';

/** A segment through a lookup or by product, and the label of the opportunities without products. */
export interface LinkedSegment {
  segment: Exclude<ResolvedSegment, { kind: 'column' }>;
  noProductsLabel: string;
}

export async function loadLinkedFunnelData(
  config: FunnelConfig,
  client: DataverseClient,
  scope: QueryScope,
  linked: LinkedSegment,
): Promise<FunnelData> {
  const base = (s: QueryScope, page: number) => ({
    scope: s,
    stage: config.stage,
    ...(config.amount === undefined ? {} : { amount: config.amount }),
    page,
  });
  if (linked.segment.kind !== 'product') {
    const { rows, parts } = await loadSplitAggregate(client, scope, (s, page) =>
      linkedAggregateFetch(base(s, page), linked.segment),
    );
    return { ...mapFunnelRows(rows, true), parts };
  }
  // By product both queries join the same lines under the same filters: the record limit refuses
  // both or neither, so they split over the same ranges.
  const {
    rows: [segmentRows = [], totalRows = []],
    parts,
  } = await loadSplitAggregates(client, scope, [
    (s, page) => linkedAggregateFetch(base(s, page), linked.segment, 'segments'),
    (s, page) => linkedAggregateFetch(base(s, page), linked.segment, 'totals'),
  ]);
  const bySegment = mapFunnelRows(segmentRows, true);
  const noProducts = { key: noProductsKey, label: linked.noProductsLabel };
  for (const row of bySegment.aggregates) row.segment ??= noProducts;
  return { ...bySegment, totals: mapFunnelRows(totalRows, false).aggregates, parts };
}
