/**
 * A FetchXML tree read into the query it asks for, strictly: an element, attribute, link type or
 * aggregate function the stand-ins do not implement is refused by name, never ignored, so a test
 * cannot pass on a query Dataverse would answer differently.
 */
import { operators } from './conditions';
import { refuse, type XmlNode } from './tree';

export type AggregateFunction = 'count' | 'countcolumn' | 'sum' | 'avg' | 'min' | 'max';

/** One `<attribute>`: where its value comes from (`source` is the entity's or link's alias). */
export interface Column {
  source: string;
  entity: string;
  name: string;
  /** The key it has in a result row: its alias, else `name` (main entity) or `link.name`. */
  key: string;
  aggregate?: AggregateFunction;
  groupby: boolean;
  distinct: boolean;
  /** A grouped date's part (`year`, `month`, `day`), in the user's time zone unless `userTimeZone` is false. */
  dategrouping?: DatePart;
  userTimeZone: boolean;
}

export type DatePart = 'year' | 'month' | 'day';
const dateParts: ReadonlySet<string> = new Set(['year', 'month', 'day']);

export interface Link {
  entity: string;
  alias: string;
  /** `from` names the linked table's column, `to` the parent's. */
  from: string;
  to: string;
  parent: string;
  /** `exists` keeps a parent row once when a linked row matches, and adds no columns. */
  type: 'inner' | 'outer' | 'exists';
  filters: readonly XmlNode[];
  links: readonly Link[];
}

export interface Query {
  entity: string;
  aggregate: boolean;
  distinct: boolean;
  top?: number;
  count?: number;
  page?: number;
  pagingCookie?: string;
  columns: Column[];
  filters: readonly XmlNode[];
  links: readonly Link[];
  orders: { column: string; descending: boolean }[];
  /** Every alias (the main entity under its name) → its table, for `entityname` conditions. */
  sources: Map<string, string>;
}

const allowed: Record<string, readonly string[]> = {
  fetch: [
    'version',
    'mapping',
    'aggregate',
    'top',
    'count',
    'page',
    'paging-cookie',
    'distinct',
    'no-lock',
    'output-format',
  ],
  entity: ['name'],
  'link-entity': ['name', 'from', 'to', 'alias', 'link-type', 'visible', 'intersect'],
  attribute: ['name', 'alias', 'aggregate', 'groupby', 'distinct', 'dategrouping', 'usertimezone'],
  order: ['attribute', 'descending'],
  filter: ['type'],
  condition: ['attribute', 'operator', 'value', 'entityname'],
  value: [],
};
const functions = new Set<string>(['count', 'countcolumn', 'sum', 'avg', 'min', 'max']);

function checked(node: XmlNode, children: readonly string[]): XmlNode {
  for (const a of Object.keys(node.attributes)) {
    if (!(allowed[node.name] ?? []).includes(a))
      refuse(`the stand-in does not know the attribute ${a} of <${node.name}>`);
  }
  for (const c of node.children) {
    if (!children.includes(c.name)) refuse(`<${c.name}> is not supported inside <${node.name}>`);
  }
  return node;
}

/** A `link-entity` inside a filter: `any` or `not any` of its rows match the parent row. */
function checkFilterLink(l: XmlNode): void {
  checked(l, ['filter']);
  const type = l.attributes['link-type'];
  if (type !== 'any' && type !== 'not any')
    refuse(`link-type "${type ?? 'inner'}" is not supported inside a filter`);
  if (l.attributes.name === undefined || l.attributes.from === undefined || l.attributes.to === undefined)
    refuse('a link-entity needs name, from and to');
  for (const f of l.children) checkFilter(f, false);
}

function checkFilter(filter: XmlNode, outer: boolean): void {
  checked(filter, outer ? ['condition', 'filter', 'link-entity'] : ['condition', 'filter']);
  const type = filter.attributes.type ?? 'and';
  if (type !== 'and' && type !== 'or') refuse(`filter type "${type}" is not known`);
  for (const c of filter.children) {
    if (c.name === 'filter') checkFilter(c, outer);
    else if (c.name === 'link-entity') checkFilterLink(c);
    else {
      checked(c, ['value']);
      if (c.attributes.attribute === undefined) refuse('a condition needs an attribute');
      if (!operators.has(c.attributes.operator ?? ''))
        refuse(`the stand-in does not know operator "${c.attributes.operator ?? ''}"`);
      if (!outer && c.attributes.entityname !== undefined)
        refuse('entityname is supported only in the filters of the query entity');
      for (const v of c.children) checked(v, []);
    }
  }
}

function readColumns(
  node: XmlNode,
  source: string,
  entity: string,
  main: boolean,
  aggregate: boolean,
): Column[] {
  return node.children
    .filter((c) => c.name === 'attribute')
    .map((c) => {
      checked(c, []);
      const { name, alias, groupby } = c.attributes;
      if (name === undefined) refuse('an attribute needs a name');
      const fn = c.attributes.aggregate;
      if (fn !== undefined && !functions.has(fn)) refuse(`aggregate "${fn}" is not known`);
      if (aggregate && alias === undefined) refuse('every attribute of an aggregate query needs an alias');
      if (aggregate && fn === undefined && groupby !== 'true')
        refuse(`attribute ${name} of an aggregate query is neither grouped nor aggregated`);
      if (c.attributes.distinct === 'true' && fn !== 'countcolumn')
        refuse('distinct is supported with countcolumn only');
      const part = c.attributes.dategrouping;
      if (part !== undefined && (groupby !== 'true' || !dateParts.has(part)))
        refuse(`dategrouping "${part}" is supported on grouped attributes as year, month or day only`);
      const column: Column = {
        source,
        entity,
        name,
        key: alias ?? (main ? name : `${source}.${name}`),
        groupby: groupby === 'true',
        distinct: c.attributes.distinct === 'true',
        userTimeZone: c.attributes.usertimezone !== 'false',
      };
      if (fn !== undefined) column.aggregate = fn as AggregateFunction;
      if (part !== undefined) column.dategrouping = part as DatePart;
      return column;
    });
}

function readLinks(node: XmlNode, parent: string, query: Query): Link[] {
  return node.children
    .filter((c) => c.name === 'link-entity')
    .map((l) => {
      checked(l, ['attribute', 'filter', 'link-entity']);
      const { name, from, to } = l.attributes;
      if (name === undefined || from === undefined || to === undefined)
        refuse('a link-entity needs name, from and to');
      const type = l.attributes['link-type'] ?? 'inner';
      if (type !== 'inner' && type !== 'outer' && type !== 'exists')
        refuse(`link-type "${type}" is not supported by the stand-in`);
      if (type === 'exists' && l.children.some((c) => c.name !== 'filter'))
        refuse('a link-entity of type exists takes only filters');
      const alias = l.attributes.alias ?? name;
      if (query.sources.has(alias)) refuse(`the alias ${alias} is used twice`);
      query.sources.set(alias, name);
      const filters = l.children.filter((c) => c.name === 'filter');
      for (const f of filters) checkFilter(f, false);
      query.columns.push(...readColumns(l, alias, name, false, query.aggregate));
      return { entity: name, alias, from, to, parent, type, filters, links: readLinks(l, alias, query) };
    });
}

const numberOf = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) refuse(`"${text}" is not a whole number`);
  return Number(text);
};

export function readQuery(fetch: XmlNode): Query {
  if (fetch.name !== 'fetch') refuse('expected <fetch>');
  checked(fetch, ['entity']);
  const entities = fetch.children.filter((c) => c.name === 'entity');
  const entity = entities[0];
  if (entities.length !== 1 || entity === undefined) refuse('expected one <entity name="…">');
  checked(entity, ['attribute', 'filter', 'order', 'link-entity']);
  const name = entity.attributes.name;
  if (name === undefined) refuse('expected <entity name="…">');
  const a = fetch.attributes;
  const query: Query = {
    entity: name,
    aggregate: a.aggregate === 'true',
    distinct: a.distinct === 'true',
    columns: [],
    filters: entity.children.filter((c) => c.name === 'filter'),
    links: [],
    orders: [],
    sources: new Map([[name, name]]),
  };
  const top = numberOf(a.top);
  const count = numberOf(a.count);
  const page = numberOf(a.page);
  if (top !== undefined) query.top = top;
  if (count !== undefined) query.count = count;
  if (page !== undefined) query.page = page;
  if (a['paging-cookie'] !== undefined) query.pagingCookie = a['paging-cookie'];
  for (const f of query.filters) checkFilter(f, true);
  query.columns.push(...readColumns(entity, name, name, true, query.aggregate));
  query.links = readLinks(entity, name, query);
  for (const o of entity.children.filter((c) => c.name === 'order')) {
    checked(o, []);
    if (query.aggregate) refuse('order in an aggregate query is not supported by the stand-in');
    const column = o.attributes.attribute ?? refuse('an order needs an attribute');
    query.orders.push({ column, descending: o.attributes.descending === 'true' });
  }
  return query;
}
