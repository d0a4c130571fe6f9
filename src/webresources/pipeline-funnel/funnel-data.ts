/**
 * Loads the funnel's stage totals: one FetchXML aggregate (count and sum grouped by stage and
 * segment), split over created-on ranges when Dataverse refuses it for exceeding its record limit.
 * A segment through a lookup or by product is loaded by linked-data.ts (fetched only then).
 */
import type { DataverseClient } from '../dataverse/dataverse-client';
import { funnelAggregateFetch, type QueryScope } from '../dataverse/fetchxml';
import { loadSplitAggregate } from '../dataverse/split-aggregate';
import type { FunnelConfig } from './funnel-config';
import { mapFunnelRows, type MappedRows } from './funnel-rows';
import type { StageAggregate } from '../../widgets/funnel/types';

export interface FunnelData extends MappedRows {
  /** How many created-on ranges were added up (1: the aggregate answered at once). */
  parts: number;
  /** By product: the stage totals counting each opportunity once (the segments overlap). */
  totals?: StageAggregate[];
}

export async function loadFunnelData(
  config: FunnelConfig,
  client: DataverseClient,
  scope: QueryScope,
): Promise<FunnelData> {
  const { rows, parts } = await loadSplitAggregate(client, scope, (s, page) =>
    funnelAggregateFetch({
      scope: s,
      stage: config.stage,
      ...(config.amount === undefined ? {} : { amount: config.amount }),
      ...(config.segment === undefined ? {} : { segment: config.segment }),
      page,
    }),
  );
  return { ...mapFunnelRows(rows, config.segment !== undefined), parts };
}
