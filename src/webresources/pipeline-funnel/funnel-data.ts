/**
 * Loads the funnel's stage totals: one FetchXML aggregate (count and sum grouped by stage and
 * segment), split over created-on ranges when Dataverse refuses it for exceeding its record limit.
 */
import { aggregateWithSplit } from '../dataverse/aggregate-split';
import type { DataverseClient } from '../dataverse/dataverse-client';
import { boundaryFetch, funnelAggregateFetch, type QueryScope } from '../dataverse/fetchxml';
import type { DateRange } from '../dataverse/fetchxml';
import type { DataverseRow } from '../dataverse/xrm-types';
import type { FunnelConfig } from './funnel-config';
import { mapFunnelRows, type MappedRows } from './funnel-rows';

/** 20 pages of 5,000 groups: far more stage × segment pairs than a funnel can show. */
const maxGroupPages = 20;

export interface FunnelData extends MappedRows {
  /** How many created-on ranges were added up (1: the aggregate answered at once). */
  parts: number;
}

function dateOf(row: DataverseRow | undefined, column: string): Date | undefined {
  const value = row?.[column];
  if (typeof value !== 'string') return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export async function loadFunnelData(
  config: FunnelConfig,
  client: DataverseClient,
  scope: QueryScope,
): Promise<FunnelData> {
  const withRange = (range: DateRange): QueryScope => ({ ...scope, range });
  /** The groups of one range; a result of more than 5,000 groups comes in pages. */
  const run = async (range: DateRange): Promise<DataverseRow[]> => {
    const rows: DataverseRow[] = [];
    for (let page = 1; page <= maxGroupPages; page++) {
      const fetchXml = funnelAggregateFetch({
        scope: withRange(range),
        stage: config.stage,
        ...(config.amount === undefined ? {} : { amount: config.amount }),
        ...(config.segment === undefined ? {} : { segment: config.segment }),
        page,
      });
      const result = await client.fetchXml(config.table, fetchXml);
      rows.push(...result.entities);
      if (result.fetchXmlPagingCookie === undefined || result.entities.length === 0) break;
    }
    return rows;
  };
  const bounds = async (range: DateRange): Promise<{ first: Date; last: Date } | undefined> => {
    const [earliest, latest] = await Promise.all(
      (['asc', 'desc'] as const).map((order) =>
        client.fetchXml(config.table, boundaryFetch(withRange(range), order)),
      ),
    );
    const first = dateOf(earliest?.entities[0], scope.dateColumn);
    const last = dateOf(latest?.entities[0], scope.dateColumn);
    return first === undefined || last === undefined ? undefined : { first, last };
  };
  const { rows, parts } = await aggregateWithSplit(run, bounds, scope.range);
  return { ...mapFunnelRows(rows, config.segment !== undefined), parts };
}
