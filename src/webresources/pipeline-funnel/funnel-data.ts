/**
 * Loads the funnel's stage totals: one FetchXML aggregate (count and sum grouped by stage and
 * segment), split over created-on ranges when Dataverse refuses it for exceeding its record limit.
 * A segment through a lookup or by product is grouped through link-entity (segment-query.ts); by
 * product a second aggregate counts each opportunity once for the whole funnel.
 */
import type { DataverseClient } from '../dataverse/dataverse-client';
import { funnelAggregateFetch, type QueryScope } from '../dataverse/fetchxml';
import { loadSplitAggregate, loadSplitAggregates } from '../dataverse/split-aggregate';
import type { FunnelConfig } from './funnel-config';
import { mapFunnelRows, type MappedRows } from './funnel-rows';
import type { StageAggregate } from '../../widgets/funnel/types';
import { linkedAggregateFetch, noProductsKey, type ResolvedSegment } from './segment-query';

export interface FunnelData extends MappedRows {
  /** How many created-on ranges were added up (1: the aggregate answered at once). */
  parts: number;
  /** By product: the stage totals counting each opportunity once (the segments overlap). */
  totals?: StageAggregate[];
}

/** A segment through a lookup or by product, and the label of the opportunities without products. */
export interface LinkedSegment {
  segment: Exclude<ResolvedSegment, { kind: 'column' }>;
  noProductsLabel: string;
}

export async function loadFunnelData(
  config: FunnelConfig,
  client: DataverseClient,
  scope: QueryScope,
  linked?: LinkedSegment,
): Promise<FunnelData> {
  const base = (s: QueryScope, page: number) => ({
    scope: s,
    stage: config.stage,
    ...(config.amount === undefined ? {} : { amount: config.amount }),
    page,
  });
  if (linked === undefined) {
    const { rows, parts } = await loadSplitAggregate(client, scope, (s, page) =>
      funnelAggregateFetch({
        ...base(s, page),
        ...(config.segment === undefined ? {} : { segment: config.segment }),
      }),
    );
    return { ...mapFunnelRows(rows, config.segment !== undefined), parts };
  }
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
