/**
 * FetchXML text for the dashboard queries. Names reach this module already validated as logical
 * names (data-params.ts) and are still escaped; every value (dates, ids, the criteria of a saved
 * view, paging cookies) goes through `escapeXml`, so no parameter can add query text.
 */
import { escapeAttribute } from '../../xml/escape';

/** A half-open time range [from, to); a missing end is unbounded. */
export interface DateRange {
  from?: Date;
  to?: Date;
}

/** A filter, condition, value or link-entity copied from a saved view, as plain data. */
export interface CriteriaNode {
  name: 'filter' | 'condition' | 'value' | 'link-entity';
  attributes: Readonly<Record<string, string>>;
  text?: string;
  children: readonly CriteriaNode[];
}

/** Which rows of a table a query covers. */
export interface QueryScope {
  table: string;
  /** `open` adds `statecode = 0`. */
  state: 'open' | 'all';
  /** Criteria of a saved view (its filters and linked tables). */
  viewCriteria?: readonly CriteriaNode[];
  /** The column the period applies to (`createdon`, `modifiedon`). */
  dateColumn: string;
  range: DateRange;
  /** Columns that must hold a value (`not-null`). */
  required?: readonly string[];
}

/** The alias names of the funnel aggregate's columns. */
export const funnelAliases = {
  stage: 'grp_stage',
  segment: 'grp_segment',
  count: 'agg_count',
  amount: 'agg_amount',
  amountCount: 'agg_amountcount',
} as const;

/** FetchXML escapes every value as a quoted attribute: all five predefined entities. */
export const escapeXml = escapeAttribute;

function attrs(values: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
}

export function element(
  name: string,
  attributes: Readonly<Record<string, string | undefined>>,
  inner = '',
): string {
  return inner === '' ? `<${name}${attrs(attributes)}/>` : `<${name}${attrs(attributes)}>${inner}</${name}>`;
}

const attributeNamePattern = /^[a-z][a-z0-9_-]*$/i;

function criteriaXml(node: CriteriaNode): string {
  const safeAttributes = Object.fromEntries(
    Object.entries(node.attributes).filter(([k]) => attributeNamePattern.test(k)),
  );
  const inner =
    (node.text === undefined ? '' : escapeXml(node.text)) + node.children.map(criteriaXml).join('');
  return element(node.name, safeAttributes, inner);
}

/** The `<filter>` (and linked tables) that limit a query to its scope. */
export function scopeXml(scope: QueryScope): string {
  const conditions: string[] = [];
  if (scope.state === 'open')
    conditions.push(element('condition', { attribute: 'statecode', operator: 'eq', value: '0' }));
  if (scope.range.from !== undefined) {
    conditions.push(
      element('condition', {
        attribute: scope.dateColumn,
        operator: 'ge',
        value: scope.range.from.toISOString(),
      }),
    );
  }
  if (scope.range.to !== undefined) {
    conditions.push(
      element('condition', {
        attribute: scope.dateColumn,
        operator: 'lt',
        value: scope.range.to.toISOString(),
      }),
    );
  }
  for (const column of scope.required ?? []) {
    conditions.push(element('condition', { attribute: column, operator: 'not-null' }));
  }
  const view = scope.viewCriteria ?? [];
  const viewFilters = view.filter((n) => n.name === 'filter').map(criteriaXml);
  const links = view.filter((n) => n.name === 'link-entity').map(criteriaXml);
  const all = [...conditions, ...viewFilters];
  return (all.length === 0 ? '' : element('filter', { type: 'and' }, all.join(''))) + links.join('');
}

export interface FunnelQuery {
  scope: QueryScope;
  stage: string;
  amount?: string;
  segment?: string;
  /** Page 2 and later of a result with more than 5,000 groups (stage × segment). */
  page?: number;
}

/** Count (and sum of the amount) grouped by stage and segment: the records are never downloaded. */
export function funnelAggregateFetch(query: FunnelQuery): string {
  const a = funnelAliases;
  const columns = [
    element('attribute', { name: query.stage, alias: a.stage, groupby: 'true' }),
    query.segment === undefined
      ? ''
      : element('attribute', { name: query.segment, alias: a.segment, groupby: 'true' }),
    element('attribute', { name: query.stage, alias: a.count, aggregate: 'count' }),
    query.amount === undefined
      ? ''
      : element('attribute', { name: query.amount, alias: a.amount, aggregate: 'sum' }),
    query.amount === undefined
      ? ''
      : element('attribute', { name: query.amount, alias: a.amountCount, aggregate: 'countcolumn' }),
  ].join('');
  const paging =
    query.page === undefined || query.page <= 1 ? {} : { page: String(query.page), count: '5000' };
  return element(
    'fetch',
    { aggregate: 'true', ...paging },
    element('entity', { name: query.scope.table }, columns + scopeXml(query.scope)),
  );
}

/** The earliest (`asc`) or latest (`desc`) value of the scope's date column: one row, not an aggregate. */
export function boundaryFetch(scope: QueryScope, order: 'asc' | 'desc'): string {
  const inner =
    element('attribute', { name: scope.dateColumn }) +
    element('order', { attribute: scope.dateColumn, descending: order === 'desc' ? 'true' : 'false' }) +
    scopeXml(scope);
  return element('fetch', { top: '1' }, element('entity', { name: scope.table }, inner));
}

export interface PageRequest {
  page: number;
  count: number;
  /** The decoded paging cookie of the previous page. */
  cookie?: string;
}

/** Rows of the scope with the given columns, one page at a time. */
export function recordsFetch(scope: QueryScope, columns: readonly string[], page: PageRequest): string {
  const inner = columns.map((name) => element('attribute', { name })).join('') + scopeXml(scope);
  return element(
    'fetch',
    { page: String(page.page), count: String(page.count), 'paging-cookie': page.cookie },
    element('entity', { name: scope.table }, inner),
  );
}

/** The `options` argument of `retrieveMultipleRecords` for a FetchXML query. */
export function fetchXmlOption(fetchXml: string): string {
  return `?fetchXml=${encodeURIComponent(fetchXml)}`;
}
