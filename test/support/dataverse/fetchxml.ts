/**
 * FetchXML over the record store, as `GET <entityset>?fetchXml=…` answers it: attributes, nested
 * `and`/`or` filters with the common operators, `order`, `top`/`count`, and `aggregate="true"`
 * with `count`/`countcolumn`/`sum`/`avg`/`min`/`max` and `groupby` under their aliases. A
 * `link-entity`, an unknown operator or a DOCTYPE is refused, as the stand-in does not pretend.
 * Kept apart from the Dataverse stand-in for the web resources' browser tests.
 */
import { XMLParser } from 'fast-xml-parser';
import { Refusal } from './http';
import type { RecordRow } from './record-store';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) =>
    !isAttribute && ['attribute', 'filter', 'condition', 'value', 'order', 'link-entity'].includes(name),
});

const refuse = (why: string): Refusal => new Refusal(400, '0x80041103', `FetchXML: ${why}`);
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);
const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

function compare(a: unknown, b: string): number {
  if (typeof a === 'number') return a - Number(b);
  if (typeof a === 'boolean') return Number(a) - (b === 'true' || b === '1' ? 1 : 0);
  const x = text(a).toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function matchesCondition(row: RecordRow, c: Node): boolean {
  const value = row[text(c.attribute)];
  const given = Array.isArray(c.value) ? '' : text(c.value);
  const children: unknown[] = Array.isArray(c.value) ? (c.value as unknown[]) : [];
  const values = children.map((v) => text(typeof v === 'object' && v !== null ? (v as Node)['#text'] : v));
  const present = value !== undefined && value !== null && value !== '';
  switch (text(c.operator)) {
    case 'eq':
      return present && compare(value, given) === 0;
    case 'ne':
    case 'neq':
      return !present || compare(value, given) !== 0;
    case 'null':
      return !present;
    case 'not-null':
      return present;
    case 'in':
      return present && values.some((v) => compare(value, v) === 0);
    case 'gt':
      return present && compare(value, given) > 0;
    case 'ge':
    case 'on-or-after':
      return present && compare(value, given) >= 0;
    case 'lt':
      return present && compare(value, given) < 0;
    case 'le':
    case 'on-or-before':
      return present && compare(value, given) <= 0;
    case 'like':
      return (
        present &&
        new RegExp(`^${given.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*')}$`, 'i').test(
          text(value),
        )
      );
    default:
      throw refuse(`the stand-in does not know operator "${text(c.operator)}"`);
  }
}

function matchesFilter(row: RecordRow, f: Node): boolean {
  const parts = [
    ...list(f.condition).map((c) => matchesCondition(row, c)),
    ...list(f.filter).map((g) => matchesFilter(row, g)),
  ];
  return text(f.type) === 'or' ? parts.some(Boolean) : parts.every(Boolean);
}

function aggregate(rows: RecordRow[], attributes: Node[]): RecordRow[] {
  const groupBy = attributes.filter((a) => text(a.groupby) === 'true');
  const groups = new Map<string, RecordRow[]>();
  for (const row of rows) {
    const key = JSON.stringify(groupBy.map((a) => row[text(a.name)] ?? null));
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  if (groupBy.length === 0 && groups.size === 0) groups.set('[]', []);
  return [...groups.values()].map((members) => {
    const out: RecordRow = {};
    for (const a of attributes) {
      const alias = text(a.alias);
      if (alias === '') throw refuse('every attribute of an aggregate query needs an alias');
      const name = text(a.name);
      const numbers = members.map((m) => m[name]).filter((v): v is number => typeof v === 'number');
      const fn = text(a.aggregate);
      if (text(a.groupby) === 'true') out[alias] = members[0]?.[name] ?? null;
      else if (fn === 'count') out[alias] = members.length;
      else if (fn === 'countcolumn')
        out[alias] = members.filter((m) => m[name] !== undefined && m[name] !== null).length;
      else if (fn === 'sum') out[alias] = numbers.reduce((x, y) => x + y, 0);
      else if (fn === 'avg')
        out[alias] = numbers.length === 0 ? null : numbers.reduce((x, y) => x + y, 0) / numbers.length;
      else if (fn === 'min' || fn === 'max') out[alias] = numbers.length === 0 ? null : Math[fn](...numbers);
      else throw refuse(`aggregate "${fn}" is not known`);
    }
    return out;
  });
}

/** The rows a FetchXML query returns over `rows` (the records of its entity). */
export function runFetchXml(
  fetchXml: string,
  rowsOf: (entity: string) => RecordRow[],
): { entity: string; rows: RecordRow[] } {
  if (/<!DOCTYPE|<!ENTITY/i.test(fetchXml)) throw refuse('a DOCTYPE is refused');
  const fetch = (parser.parse(fetchXml) as { fetch?: Node }).fetch;
  const entity = fetch?.entity as Node | undefined;
  if (fetch === undefined || entity === undefined) throw refuse('expected <fetch><entity name="…">');
  if (list(entity['link-entity']).length > 0) throw refuse('link-entity is not supported by the stand-in');
  const name = text(entity.name);
  let rows = rowsOf(name).filter((row) => list(entity.filter).every((f) => matchesFilter(row, f)));
  const attributes = list(entity.attribute);
  if (text(fetch.aggregate) === 'true') return { entity: name, rows: aggregate(rows, attributes) };
  for (const order of list(entity.order).reverse()) {
    const column = text(order.attribute);
    const sign = text(order.descending) === 'true' ? -1 : 1;
    rows = [...rows].sort((a, b) => sign * compare(a[column] ?? '', text(b[column] ?? '')));
  }
  const limit = Number(text(fetch.top) || text(fetch.count) || rows.length);
  const names = attributes.map((a) => text(a.name));
  return {
    entity: name,
    rows: rows
      .slice(0, limit)
      .map((row) => (names.length === 0 ? row : Object.fromEntries(names.map((n) => [n, row[n] ?? null])))),
  };
}
