/**
 * One FetchXML aggregate over a query scope, whole: its groups page by page (a result of more than
 * 5,000 groups comes in pages), and split over created-on ranges (aggregate-split.ts) when
 * Dataverse refuses it for exceeding its record limit. The pipeline and campaign funnels use it.
 */
import { aggregateWithSplit, type SplitResult } from './aggregate-split';
import type { DataverseClient } from './dataverse-client';
import { boundaryFetch, type DateRange, type QueryScope } from './fetchxml';
import type { DataverseRow } from './xrm-types';

/** 20 pages of 5,000 groups: far more stage × segment pairs than a funnel can show. */
const maxGroupPages = 20;

/** The FetchXML of the aggregate over a scope (its range one of the split's), page 1 or later. */
export type AggregateFetch = (scope: QueryScope, page: number) => string;

function dateOf(row: DataverseRow | undefined, column: string): Date | undefined {
  const value = row?.[column];
  if (typeof value !== 'string') return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export async function loadSplitAggregate(
  client: DataverseClient,
  scope: QueryScope,
  fetchOf: AggregateFetch,
): Promise<SplitResult<DataverseRow>> {
  const withRange = (range: DateRange): QueryScope => ({ ...scope, range });
  const run = async (range: DateRange): Promise<DataverseRow[]> => {
    const rows: DataverseRow[] = [];
    for (let page = 1; page <= maxGroupPages; page++) {
      const result = await client.fetchXml(scope.table, fetchOf(withRange(range), page));
      rows.push(...result.entities);
      if (result.fetchXmlPagingCookie === undefined || result.entities.length === 0) break;
    }
    return rows;
  };
  const bounds = async (range: DateRange): Promise<{ first: Date; last: Date } | undefined> => {
    const [earliest, latest] = await Promise.all(
      (['asc', 'desc'] as const).map((order) =>
        client.fetchXml(scope.table, boundaryFetch(withRange(range), order)),
      ),
    );
    const first = dateOf(earliest?.entities[0], scope.dateColumn);
    const last = dateOf(latest?.entities[0], scope.dateColumn);
    return first === undefined || last === undefined ? undefined : { first, last };
  };
  return aggregateWithSplit(run, bounds, scope.range);
}
