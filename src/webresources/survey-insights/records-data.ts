/**
 * Runs the records-mode aggregates (records-fetch.ts) over the scope, split over created-on ranges
 * when Dataverse refuses one for exceeding its 50,000-record limit. The split's bounds come from
 * the period itself (its start, or the earliest date Dataverse stores, and tomorrow), not from a
 * query: the page never asks for a response row, not even the first or the last one.
 */
import { aggregateWithSplit } from '../dataverse/aggregate-split';
import type { DataverseClient } from '../dataverse/dataverse-client';
import type { DateRange, QueryScope } from '../dataverse/fetchxml';
import type { DataverseRow } from '../dataverse/xrm-types';
import { responsesAggregateFetch, type ResponseColumns, type ResponseQuery } from './records-fetch';

export type ResponseRows = Record<ResponseQuery, DataverseRow[]> & {
  /** How many created-on ranges were added up (1: the aggregates answered at once). */
  parts: number;
};

/** Dataverse's earliest date and time (1753-01-01): no record is created before it. */
const earliest = Date.UTC(1753, 0, 1);
const dayMs = 86_400_000;
const maxGroupPages = 20;
const queries: readonly ResponseQuery[] = ['months', 'staff', 'groups'];

export async function loadResponseRows(
  client: DataverseClient,
  scope: QueryScope,
  columns: ResponseColumns,
  now: Date,
): Promise<ResponseRows> {
  const pages = async (range: DateRange, query: ResponseQuery): Promise<DataverseRow[]> => {
    const rows: DataverseRow[] = [];
    for (let page = 1; page <= maxGroupPages; page++) {
      const fetchXml = responsesAggregateFetch({ ...scope, range }, columns, query, page);
      const result = await client.fetchXml(scope.table, fetchXml);
      rows.push(...result.entities);
      if (result.fetchXmlPagingCookie === undefined || result.entities.length === 0) break;
    }
    return rows;
  };
  /** One range's three aggregates, tagged; a range without responses needs only the first. */
  const run = async (range: DateRange): Promise<[ResponseQuery, DataverseRow[]][]> => {
    const out: [ResponseQuery, DataverseRow[]][] = [];
    for (const query of queries) {
      const rows = await pages(range, query);
      out.push([query, rows]);
      if (rows.length === 0) break;
    }
    return out;
  };
  const bounds = (range: DateRange): Promise<{ first: Date; last: Date }> =>
    Promise.resolve({
      first: range.from ?? new Date(earliest),
      // The split ends just after `last`: a day after now, for clocks that differ.
      last: range.to ?? new Date(now.getTime() + dayMs - 1),
    });
  const { rows, parts } = await aggregateWithSplit(run, bounds, scope.range);
  const out: ResponseRows = { months: [], staff: [], groups: [], parts };
  for (const [query, list] of rows) out[query].push(...list);
  return out;
}
