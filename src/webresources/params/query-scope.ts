/** Which records a page reads: the table, open/all or a saved view's criteria, and the period. */
import type { DataverseClient } from '../dataverse/dataverse-client';
import type { RecordFilter } from './data-params';
import { DataverseError } from '../dataverse/dataverse-errors';
import type { CriteriaNode, QueryScope } from '../dataverse/fetchxml';
import { resolvePeriod, type PeriodSpec } from './period';
import type { OffsetAt } from '../../widgets/shared/user-time';
import type { XmlParse } from './view-criteria';

/** The FetchXML of a saved view (system view first, then personal view). */
async function viewFetchXml(client: DataverseClient, viewId: string): Promise<string> {
  let first: unknown;
  for (const table of ['savedquery', 'userquery']) {
    try {
      const row = await client.retrieve(table, viewId, '?$select=fetchxml');
      if (typeof row.fetchxml === 'string') return row.fetchxml;
    } catch (e) {
      if (e instanceof DataverseError && e.failure.kind === 'privilege') throw e;
      first ??= e;
    }
  }
  if (first instanceof Error) throw first;
  throw new Error(`view ${viewId} has no FetchXML`);
}

export async function scopeOf(
  config: { table: string; filter: RecordFilter; period: PeriodSpec },
  client: DataverseClient,
  now: Date,
  parse: XmlParse,
  dateColumn: string,
  offsetAt?: OffsetAt,
): Promise<QueryScope> {
  let criteria: CriteriaNode[] | undefined;
  if (config.filter.kind === 'view') {
    // Only a page showing a saved view's records needs this code: fetched then (../page/on-demand.ts).
    const { viewCriteria } = await import('./view-criteria');
    criteria = viewCriteria(await viewFetchXml(client, config.filter.viewId), config.table, parse);
  }
  return {
    table: config.table,
    state: config.filter.kind === 'open' ? 'open' : 'all',
    dateColumn,
    range: resolvePeriod(config.period, now, offsetAt),
    ...(criteria === undefined ? {} : { viewCriteria: criteria }),
  };
}
