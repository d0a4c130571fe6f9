/**
 * FetchXML evaluated over tables of plain rows, as Dataverse answers it: `link-entity` joins
 * (`inner`, `outer`; `from` the linked table's column, `to` the parent's; filters inside a link
 * belong to the join), `entityname` conditions in the query's filters, nested `and`/`or` filters,
 * and `aggregate="true"` with `groupby` and aggregates over linked columns under their aliases,
 * `countcolumn` with `distinct="true"`. An aggregate is refused when the rows its joins and filters
 * produce number more than the limit (50,000): a one-to-many link counts each linked row, as SQL's
 * count over the join does. Shared by the browser Xrm stand-in and the Node Dataverse stand-in;
 * each renders the result its own way (formatted-value annotations through `annotate`).
 */
import { readQuery, type Column, type Link, type Query } from './query';
import { refuse, refusalCodes, type Row, type XmlNode } from './tree';
import { compareValues, matchesFilter, sameKey, type LinkTest } from './conditions';

export { compareValues } from './conditions';

/** A row of the join: the row of each alias (undefined where an outer link found none). */
export type Tuple = Readonly<Record<string, Row | undefined>>;

export interface TableSource {
  /** The rows of a table, undefined when the table is unknown. */
  rows(entity: string): readonly Row[] | undefined;
  /** A table's columns when known: a query naming another one is refused. */
  columns?(entity: string): ReadonlySet<string> | undefined;
}

/** What a value is, for the adapter's annotations (formatted values, lookup names). */
export interface ValueInfo {
  entity: string;
  column: string;
  aggregate?: string;
  /** The value is this part of the column's date (a whole number). */
  dategrouping?: string;
}

export type Annotate = (out: Record<string, unknown>, key: string, value: unknown, info: ValueInfo) => void;

export interface Evaluated {
  query: Query;
  /** How many rows the joins and filters produced (what the aggregate limit counts). */
  matched: number;
  /** Aggregate: one row per group. Otherwise: the joined rows in order, main row and projection. */
  rows: Row[];
  records: { main: Row; values: Row }[];
}

const plain: Annotate = (out, key, value) => {
  out[key] = value ?? null;
};

function tableRows(source: TableSource, entity: string): readonly Row[] {
  return source.rows(entity) ?? refuse(`the stand-in has no table ${entity}`, refusalCodes.invalid);
}

function checkColumn(source: TableSource, entity: string, column: string): void {
  const known = source.columns?.(entity);
  if (known !== undefined && !known.has(column))
    refuse(`'${entity}' entity doesn't contain attribute with Name = '${column}'`, refusalCodes.noAttribute);
}

function checkColumns(source: TableSource, q: Query): void {
  for (const c of q.columns) checkColumn(source, c.entity, c.name);
  for (const o of q.orders) checkColumn(source, q.entity, o.column);
  const walkFilter = (f: XmlNode, entity: string): void => {
    for (const c of f.children) {
      if (c.name === 'filter') walkFilter(c, entity);
      else if (c.name === 'link-entity') {
        const { name = '', from = '', to = '' } = c.attributes;
        if (source.rows(name) === undefined) refuse(`the stand-in has no table ${name}`);
        checkColumn(source, name, from);
        checkColumn(source, entity, to);
        for (const inner of c.children) walkFilter(inner, name);
      } else {
        const alias = c.attributes.entityname;
        const table = alias === undefined ? entity : q.sources.get(alias);
        if (table === undefined) refuse(`no link-entity has the alias ${alias ?? ''}`);
        checkColumn(source, table, c.attributes.attribute ?? '');
      }
    }
  };
  for (const f of q.filters) walkFilter(f, q.entity);
  const walkLinks = (links: readonly Link[], parent: string): void => {
    for (const l of links) {
      checkColumn(source, l.entity, l.from);
      checkColumn(source, parent, l.to);
      for (const f of l.filters) walkFilter(f, l.entity);
      walkLinks(l.links, l.entity);
    }
  };
  walkLinks(q.links, q.entity);
}

function join(tuples: Tuple[], link: Link, source: TableSource): Tuple[] {
  const byKey = new Map<string, Row[]>();
  for (const row of tableRows(source, link.entity)) {
    if (!link.filters.every((f) => matchesFilter(row, f))) continue;
    const key = sameKey(row[link.from]);
    if (key === undefined) continue;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [row]);
    else list.push(row);
  }
  const out: Tuple[] = [];
  for (const t of tuples) {
    const key = sameKey(t[link.parent]?.[link.to]);
    const found = key === undefined ? undefined : byKey.get(key);
    if (found === undefined) {
      if (link.type === 'outer') out.push({ ...t, [link.alias]: undefined });
    } else if (link.type === 'exists') out.push(t);
    else for (const row of found) out.push({ ...t, [link.alias]: row });
  }
  return link.links.reduce((acc, inner) => join(acc, inner, source), out);
}

/** `any`/`not any` links inside filters: the `from` values of the linked rows, computed once per link. */
function linkTest(source: TableSource): LinkTest {
  const keys = new Map<XmlNode, Set<string>>();
  return (link, row) => {
    let set = keys.get(link);
    if (set === undefined) {
      const { name = '', from = '' } = link.attributes;
      set = new Set();
      for (const r of tableRows(source, name)) {
        const key = sameKey(r[from]);
        if (key !== undefined && link.children.every((f) => matchesFilter(r, f))) set.add(key);
      }
      keys.set(link, set);
    }
    const key = sameKey(row[link.attributes.to ?? '']);
    return key !== undefined && set.has(key);
  };
}

/** The part of a date Dataverse groups by, in the user's time zone (`offsetMinutes` east of UTC) unless told not to. */
function datePart(c: Column, value: unknown, offsetMinutes: number): number | null {
  if (typeof value !== 'string') return null;
  const at = new Date(Date.parse(value) + (c.userTimeZone ? offsetMinutes : 0) * 60_000);
  if (c.dategrouping === 'year') return at.getUTCFullYear();
  return c.dategrouping === 'month' ? at.getUTCMonth() + 1 : at.getUTCDate();
}

function aggregateRows(q: Query, tuples: readonly Tuple[], annotate: Annotate, offsetMinutes: number): Row[] {
  const groupBy = q.columns.filter((c) => c.groupby);
  const cell = (c: Column, t: Tuple): unknown => {
    const value = t[c.source]?.[c.name];
    return c.dategrouping === undefined ? value : datePart(c, value, offsetMinutes);
  };
  const groups = new Map<string, Tuple[]>();
  for (const t of tuples) {
    const key = JSON.stringify(groupBy.map((c) => sameKey(cell(c, t)) ?? null));
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [t]);
    else list.push(t);
  }
  if (groupBy.length === 0 && groups.size === 0) groups.set('[]', []);
  return [...groups.values()].map((members) => {
    const out: Record<string, unknown> = {};
    for (const c of q.columns) {
      const info: ValueInfo = { entity: c.entity, column: c.name };
      if (c.dategrouping !== undefined) info.dategrouping = c.dategrouping;
      const values = members.map((m) => cell(c, m));
      if (c.groupby) {
        annotate(out, c.key, values[0] ?? null, info);
        continue;
      }
      info.aggregate = c.aggregate!;
      annotate(out, c.key, aggregateOf(c, values), info);
    }
    return out;
  });
}

function aggregateOf(c: Column, values: readonly unknown[]): unknown {
  const present = values.filter((v) => v !== undefined && v !== null);
  const numbers = present.filter((v): v is number => typeof v === 'number');
  const total = numbers.reduce((x, y) => x + y, 0);
  switch (c.aggregate) {
    case 'count':
      return values.length;
    case 'countcolumn':
      return c.distinct ? new Set(present.map(sameKey)).size : present.length;
    case 'sum':
      return numbers.length === 0 ? null : total;
    case 'avg':
      return numbers.length === 0 ? null : total / numbers.length;
    case 'min':
    case 'max':
      return numbers.length === 0 ? null : Math[c.aggregate](...numbers);
    default:
      return null;
  }
}

function sortTuples(q: Query, tuples: Tuple[]): Tuple[] {
  let sorted = tuples;
  for (const o of [...q.orders].reverse()) {
    // Dataverse puts empty values first in ascending order, so last in descending order.
    const sign = o.descending ? -1 : 1;
    sorted = [...sorted].sort((a, b) => {
      const x = a[q.entity]?.[o.column];
      const y = b[q.entity]?.[o.column];
      const xe = x === undefined || x === null;
      const ye = y === undefined || y === null;
      if (xe || ye) return sign * (Number(ye) - Number(xe));
      return sign * compareValues(x, y);
    });
  }
  return sorted;
}

function project(q: Query, t: Tuple, annotate: Annotate): Row {
  const main = t[q.entity] ?? {};
  if (q.columns.length === 0) return main;
  const out: Record<string, unknown> = {};
  for (const c of q.columns)
    annotate(out, c.key, t[c.source]?.[c.name], { entity: c.entity, column: c.name });
  return out;
}

/** Evaluates `fetch` (the tree of a `<fetch>` element) over `source`. */
export function evaluateFetch(
  fetch: XmlNode,
  source: TableSource,
  options: { limit?: number; annotate?: Annotate; offsetMinutes?: number } = {},
): Evaluated {
  const q = readQuery(fetch);
  checkColumns(source, q);
  const annotate = options.annotate ?? plain;
  const main = tableRows(source, q.entity).map((row): Tuple => ({ [q.entity]: row }));
  const joined = q.links.reduce((acc, link) => join(acc, link, source), main);
  const linked = linkTest(source);
  const tuples = joined.filter((t) => q.filters.every((f) => matchesFilter(t[q.entity] ?? {}, f, t, linked)));
  const limit = options.limit ?? 50_000;
  if (q.aggregate) {
    if (tuples.length > limit)
      refuse(
        'AggregateQueryRecordLimit exceeded. Cannot perform this operation.',
        refusalCodes.aggregateLimit,
        tuples.length,
      );
    return {
      query: q,
      matched: tuples.length,
      rows: aggregateRows(q, tuples, annotate, options.offsetMinutes ?? 0),
      records: [],
    };
  }
  let records = sortTuples(q, tuples).map((t) => ({
    main: t[q.entity] ?? {},
    values: project(q, t, annotate),
  }));
  if (q.distinct) {
    const seen = new Set<string>();
    records = records.filter((r) => {
      const key = JSON.stringify(r.values);
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }
  return { query: q, matched: tuples.length, rows: records.map((r) => r.values), records };
}
