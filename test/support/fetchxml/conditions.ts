/**
 * FetchXML conditions over one row (or, with `entityname`, over the row of a link-entity's alias),
 * compared as Dataverse compares: numbers as numbers, ISO dates as instants, text and ids without
 * regard to case. An operator the stand-ins do not implement is refused by name.
 */
import { refuse, type Row, type XmlNode } from './tree';

const isoDate = /^\d{4}-\d{2}-\d{2}/;

/** The condition operators the stand-ins evaluate; any other is refused when the query is read. */
export const operators: ReadonlySet<string> = new Set(
  'eq ne neq null not-null in not-in gt ge on-or-after lt le on-or-before like'.split(' '),
);

/** Negative, zero or positive, as `a` sorts before, with or after `b`. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number') return a - Number(b);
  if (typeof a === 'boolean') return Number(a) - (b === true || b === 'true' || b === '1' ? 1 : 0);
  const x = typeof a === 'string' ? a : JSON.stringify(a);
  const y = typeof b === 'string' ? b : JSON.stringify(b);
  if (isoDate.test(x) && isoDate.test(y)) {
    const d = Date.parse(x) - Date.parse(y);
    if (!Number.isNaN(d)) return d;
  }
  const lx = x.toLowerCase();
  const ly = y.toLowerCase();
  return lx < ly ? -1 : lx > ly ? 1 : 0;
}

/** The key a value joins and groups by: text and ids without case; undefined for no value. */
export function sameKey(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? `s:${value.toLowerCase()}` : `v:${JSON.stringify(value)}`;
}

function likePattern(given: string): RegExp {
  const escaped = given.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

function matchesCondition(row: Row, c: XmlNode, tuple?: Readonly<Record<string, Row | undefined>>): boolean {
  const alias = c.attributes.entityname;
  const holder = alias === undefined || tuple === undefined ? row : tuple[alias];
  const value = holder?.[c.attributes.attribute ?? ''];
  const given = c.attributes.value ?? '';
  const values = c.children.map((v) => v.text);
  const present = value !== undefined && value !== null && value !== '';
  switch (c.attributes.operator) {
    case 'eq':
      return present && compareValues(value, given) === 0;
    case 'ne':
    case 'neq':
      return !present || compareValues(value, given) !== 0;
    case 'null':
      return !present;
    case 'not-null':
      return present;
    case 'in':
      return present && values.some((v) => compareValues(value, v) === 0);
    case 'not-in':
      return !present || values.every((v) => compareValues(value, v) !== 0);
    case 'gt':
      return present && compareValues(value, given) > 0;
    case 'ge':
    case 'on-or-after':
      return present && compareValues(value, given) >= 0;
    case 'lt':
      return present && compareValues(value, given) < 0;
    case 'le':
    case 'on-or-before':
      return present && compareValues(value, given) <= 0;
    case 'like':
      return present && likePattern(given).test(typeof value === 'string' ? value : JSON.stringify(value));
    default:
      return refuse(`the stand-in does not know operator "${c.attributes.operator ?? ''}"`);
  }
}

/** Whether a row has a linked row (a `link-entity` of type `any` or `not any` inside a filter). */
export type LinkTest = (link: XmlNode, row: Row) => boolean;

/**
 * Whether `row` passes `filter`; `tuple` resolves the `entityname` of a condition, `linked` the
 * link-entities of the filter.
 */
export function matchesFilter(
  row: Row,
  filter: XmlNode,
  tuple?: Readonly<Record<string, Row | undefined>>,
  linked?: LinkTest,
): boolean {
  const parts = filter.children.map((c) =>
    c.name === 'filter'
      ? matchesFilter(row, c, tuple, linked)
      : c.name === 'link-entity'
        ? (linked?.(c, row) ?? false) === (c.attributes['link-type'] === 'any')
        : matchesCondition(row, c, tuple),
  );
  return filter.attributes.type === 'or' ? parts.some(Boolean) : parts.every(Boolean);
}
