/**
 * Segments through related tables, as FetchXML: the aggregate groups by a column of the table a
 * lookup points to (an outer `link-entity`, so records with an empty lookup still count) or, by
 * product, by the product of each opportunity's product lines (an outer link to
 * `opportunityproduct`: a distinct count of opportunities and the sum of the lines'
 * `extendedamount`, with a second query grouped by stage alone for the whole funnel, where an
 * opportunity with three products counts once). The drill-down of one segment narrows the scope
 * with the same link (`exists` for a product, `not any` for the opportunities without products).
 */
import {
  element,
  funnelAliases as a,
  scopeXml,
  type CriteriaNode,
  type QueryScope,
} from '../dataverse/fetchxml';
import type { MetadataGet } from '../dataverse/choice-options';
import { lookupTarget, type LookupTarget } from '../dataverse/lookup-target';
import { ConfigError } from '../params/data-params';
import type { SegmentSpec } from '../params/segment-param';

export type ResolvedSegment =
  | { kind: 'column'; column: string }
  | { kind: 'related'; link: LookupTarget; column: string }
  | { kind: 'product' };

/** The product lines: the table, its product lookup and the amount summed per product. */
export const productLines = {
  table: 'opportunityproduct',
  product: 'productid',
  amount: 'extendedamount',
} as const;
/** The key of the segment of opportunities with no product lines. */
export const noProductsKey = 'none';
const alias = 'crmkit_seg';

export interface LinkedAggregate {
  scope: QueryScope;
  stage: string;
  amount?: string;
  page?: number;
}

/**
 * The aggregate of a related or product segment. `part` `totals` (product only) groups by stage
 * alone, counting each opportunity once and summing all its lines.
 */
export function linkedAggregateFetch(
  q: LinkedAggregate,
  segment: Exclude<ResolvedSegment, { kind: 'column' }>,
  part: 'segments' | 'totals' = 'segments',
): string {
  const byStage = element('attribute', { name: q.stage, alias: a.stage, groupby: 'true' });
  let columns: string;
  if (segment.kind === 'related') {
    const amount =
      q.amount === undefined
        ? ''
        : element('attribute', { name: q.amount, alias: a.amount, aggregate: 'sum' }) +
          element('attribute', { name: q.amount, alias: a.amountCount, aggregate: 'countcolumn' });
    columns =
      element('attribute', { name: q.stage, alias: a.count, aggregate: 'count' }) +
      amount +
      element(
        'link-entity',
        {
          name: segment.link.table,
          from: segment.link.key,
          to: segment.link.lookup,
          'link-type': 'outer',
          alias,
        },
        element('attribute', { name: segment.column, alias: a.segment, groupby: 'true' }),
      );
  } else {
    const key = `${q.scope.table}id`;
    const product =
      part === 'segments'
        ? element('attribute', { name: productLines.product, alias: a.segment, groupby: 'true' })
        : '';
    columns =
      element('attribute', { name: key, alias: a.count, aggregate: 'countcolumn', distinct: 'true' }) +
      element(
        'link-entity',
        { name: productLines.table, from: key, to: key, 'link-type': 'outer', alias },
        product + element('attribute', { name: productLines.amount, alias: a.amount, aggregate: 'sum' }),
      );
  }
  const paging = q.page === undefined || q.page <= 1 ? {} : { page: String(q.page), count: '5000' };
  return element(
    'fetch',
    { aggregate: 'true', ...paging },
    element('entity', { name: q.scope.table }, byStage + columns + scopeXml(q.scope)),
  );
}

const node = (
  name: CriteriaNode['name'],
  attributes: Record<string, string>,
  children: CriteriaNode[] = [],
): CriteriaNode => ({
  name,
  attributes,
  children,
});

/** The scope narrowed to one related or product segment (for the drill-down's record list). */
export function scopeOfSegment(
  scope: QueryScope,
  segment: Exclude<ResolvedSegment, { kind: 'column' }>,
  key: string,
): QueryScope {
  let extra: CriteriaNode;
  if (segment.kind === 'related') {
    const condition = node('condition', { attribute: segment.column, operator: 'eq', value: key });
    extra = node(
      'link-entity',
      {
        name: segment.link.table,
        from: segment.link.key,
        to: segment.link.lookup,
        'link-type': 'inner',
        alias,
      },
      [node('filter', { type: 'and' }, [condition])],
    );
  } else {
    const id = `${scope.table}id`;
    const link = { name: productLines.table, from: id, to: id };
    extra =
      key === noProductsKey
        ? node('filter', { type: 'and' }, [node('link-entity', { ...link, 'link-type': 'not any' })])
        : node('link-entity', { ...link, 'link-type': 'exists' }, [
            node('filter', { type: 'and' }, [
              node('condition', { attribute: productLines.product, operator: 'eq', value: key }),
            ]),
          ]);
  }
  return { ...scope, viewCriteria: [...(scope.viewCriteria ?? []), extra] };
}

/** The segment with its lookup's table found in the metadata; a ConfigError when it is no lookup. */
export async function resolveSegment(
  via: Exclude<SegmentSpec, { kind: 'column' }>,
  get: MetadataGet | undefined,
  table: string,
): Promise<Exclude<ResolvedSegment, { kind: 'column' }>> {
  if (via.kind === 'product') return via;
  const values = { lookup: via.lookup, table };
  if (get === undefined) throw new ConfigError([{ param: 'segment', key: 'param.lookupUnreadable', values }]);
  const link = await lookupTarget(get, table, via.lookup);
  if (link === undefined) throw new ConfigError([{ param: 'segment', key: 'param.notLookup', values }]);
  return { kind: 'related', link, column: via.column };
}
