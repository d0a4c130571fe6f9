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

/**
 * Several aggregates over the same scope, split together: each range runs them all, so they are
 * refused together (they count the same joined rows) and add up over the same ranges.
 */
export async function loadSplitAggregates(
  client: DataverseClient,
  scope: QueryScope,
  fetches: readonly AggregateFetch[],
): Promise<{ rows: DataverseRow[][]; parts: number }> {
  const withRange = (range: DateRange): QueryScope => ({ ...scope, range });
  /** The groups of one query over one range; a result of more than 5,000 groups comes in pages. */
  const pages = async (fetchOf: AggregateFetch, range: DateRange): Promise<DataverseRow[]> => {
    const rows: DataverseRow[] = [];
    for (let page = 1; page <= maxGroupPages; page++) {
      const result = await client.fetchXml(scope.table, fetchOf(withRange(range), page));
      rows.push(...result.entities);
      if (result.fetchXmlPagingCookie === undefined || result.entities.length === 0) break;
    }
    return rows;
  };
  const run = async (range: DateRange): Promise<[number, DataverseRow][]> => {
    const out: [number, DataverseRow][] = [];
    for (const [i, fetchOf] of fetches.entries())
      for (const row of await pages(fetchOf, range)) out.push([i, row]);
    return out;
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
  const { rows, parts } = await aggregateWithSplit(run, bounds, scope.range);
  return { rows: fetches.map((_, i) => rows.filter(([j]) => j === i).map(([, row]) => row)), parts };
}

export async function loadSplitAggregate(
  client: DataverseClient,
  scope: QueryScope,
  fetchOf: AggregateFetch,
): Promise<SplitResult<DataverseRow>> {
  const { rows, parts } = await loadSplitAggregates(client, scope, [fetchOf]);
  return { rows: rows[0] ?? [], parts };
}
