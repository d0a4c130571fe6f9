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
import type { StageAggregate } from '../../widgets/funnel/types';
import { linkedAggregateFetch, noProductsKey, type ResolvedSegment } from './segment-query';

/** 20 pages of 5,000 groups: far more stage × segment pairs than a funnel can show. */
const maxGroupPages = 20;

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

/** Rows of the by-product totals query carry this key, to be told apart once the parts are added up. */
const totalsMark = 'crmkit_totals';

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
  linked?: LinkedSegment,
): Promise<FunnelData> {
  const withRange = (range: DateRange): QueryScope => ({ ...scope, range });
  /** The groups of one range; a result of more than 5,000 groups comes in pages. */
  const runQuery = async (range: DateRange, part?: 'segments' | 'totals'): Promise<DataverseRow[]> => {
    const rows: DataverseRow[] = [];
    for (let page = 1; page <= maxGroupPages; page++) {
      const query = {
        scope: withRange(range),
        stage: config.stage,
        ...(config.amount === undefined ? {} : { amount: config.amount }),
        page,
      };
      const fetchXml =
        linked === undefined
          ? funnelAggregateFetch({
              ...query,
              ...(config.segment === undefined ? {} : { segment: config.segment }),
            })
          : linkedAggregateFetch(query, linked.segment, part);
      const result = await client.fetchXml(config.table, fetchXml);
      rows.push(...result.entities);
      if (result.fetchXmlPagingCookie === undefined || result.entities.length === 0) break;
    }
    return rows;
  };
  // By product, both queries join the same lines under the same filters: the record limit refuses
  // both or neither, so they split over the same ranges.
  const run = async (range: DateRange): Promise<DataverseRow[]> =>
    linked?.segment.kind === 'product'
      ? [
          ...(await runQuery(range, 'segments')),
          ...(await runQuery(range, 'totals')).map((r) => ({ ...r, [totalsMark]: true })),
        ]
      : runQuery(range);
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
  if (linked?.segment.kind !== 'product')
    return { ...mapFunnelRows(rows, config.segment !== undefined || linked !== undefined), parts };
  const bySegment = mapFunnelRows(
    rows.filter((r) => r[totalsMark] !== true),
    true,
  );
  const noProducts = { key: noProductsKey, label: linked.noProductsLabel };
  for (const row of bySegment.aggregates) row.segment ??= noProducts;
  const totals = mapFunnelRows(
    rows.filter((r) => r[totalsMark] === true),
    false,
  );
  return { ...bySegment, totals: totals.aggregates, parts };
}
