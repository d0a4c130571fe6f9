/**
 * Tables of records kept in memory, queried the way the Web API is: `<entityset>?$select=…&
 * $filter=<col> eq '<text>' and <col> eq <number|true|false>&$top=n`, and `<entityset>(<id>)`.
 * Anything else in a query is refused, as Dataverse refuses an unknown option. Kept apart from
 * the Dataverse stand-in so browser tests can serve their records from it too.
 */
import { randomUUID } from 'node:crypto';
import { runFetchXml } from './fetchxml';
import { Refusal } from './http';

export type RecordRow = Record<string, unknown>;

export interface TableDefinition {
  /** The entity set name (`solutions`) and the primary key column (`solutionid`). */
  entitySet: string;
  primaryKey: string;
  /** The logical name FetchXML uses (`account`); default the entity set's. */
  logicalName?: string;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseValue(text: string): unknown {
  if (text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (guid.test(text)) return text.toLowerCase();
  throw new Refusal(400, '0x80060888', `Syntax error: unexpected value ${text} in $filter`);
}

/** `a eq 'x' and b eq 1` → [[a, 'x'], [b, 1]]. */
function parseFilter(filter: string): [string, unknown][] {
  return filter.split(/\s+and\s+/).map((part) => {
    const m = /^\s*([a-z_][a-z0-9_]*)\s+eq\s+(.+?)\s*$/i.exec(part);
    if (m === null)
      throw new Refusal(
        400,
        '0x80060888',
        `The stand-in understands only "column eq value" filters: ${part}`,
      );
    return [m[1]!, parseValue(m[2]!)];
  });
}

export class RecordStore {
  private readonly tables = new Map<string, { def: TableDefinition; rows: Map<string, RecordRow> }>();

  define(def: TableDefinition): void {
    this.tables.set(def.entitySet, { def, rows: new Map() });
  }

  private table(entitySet: string): { def: TableDefinition; rows: Map<string, RecordRow> } {
    const t = this.tables.get(entitySet);
    if (t === undefined)
      throw new Refusal(404, '0x80060888', `Resource not found for the segment '${entitySet}'.`);
    return t;
  }

  insert(entitySet: string, row: RecordRow): string {
    const t = this.table(entitySet);
    const given = row[t.def.primaryKey];
    const id = (typeof given === 'string' ? given : randomUUID()).toLowerCase();
    t.rows.set(id, { ...row, [t.def.primaryKey]: id });
    return id;
  }

  update(entitySet: string, id: string, changes: RecordRow): void {
    const t = this.table(entitySet);
    const row = t.rows.get(id.toLowerCase());
    if (row === undefined)
      throw new Refusal(404, '0x80040217', `${entitySet} With Id = ${id} Does Not Exist`);
    t.rows.set(id.toLowerCase(), { ...row, ...changes });
  }

  get(entitySet: string, id: string): RecordRow | undefined {
    return this.table(entitySet).rows.get(id.toLowerCase());
  }

  /** The rows of a table named by its logical name (`account`) or entity set (`accounts`). */
  rowsOfEntity(entity: string): RecordRow[] {
    const t = [...this.tables.values()].find(
      (x) => x.def.logicalName === entity || x.def.entitySet === entity,
    );
    if (t === undefined)
      throw new Refusal(404, '0x80040217', `The entity with a name = '${entity}' was not found.`);
    return [...t.rows.values()];
  }

  rows(entitySet: string): RecordRow[] {
    return [...this.table(entitySet).rows.values()];
  }

  /** Answers `<entityset>?<query>` or `<entityset>(<id>)?<query>` as the Web API would. */
  query(resource: string, search: URLSearchParams): unknown {
    const single = /^([a-z_]+)\(([0-9a-f-]{36})\)$/i.exec(resource);
    const entitySet = single?.[1] ?? resource;
    const t = this.table(entitySet);
    const fetchXml = search.get('fetchXml');
    if (fetchXml !== null && single === null) {
      return { value: runFetchXml(fetchXml, (entity) => this.rowsOfEntity(entity)).rows };
    }
    const known = new Set(['$select', '$filter', '$top']);
    for (const name of search.keys()) {
      if (!known.has(name))
        throw new Refusal(400, '0x80060888', `The query parameter ${name} is not supported`);
    }
    const select = search
      .get('$select')
      ?.split(',')
      .map((s) => s.trim());
    const project = (row: RecordRow): RecordRow => {
      if (select === undefined) return row;
      const out: RecordRow = { [t.def.primaryKey]: row[t.def.primaryKey] };
      for (const column of select) {
        if (!/^[a-z_][a-z0-9_]*$/.test(column))
          throw new Refusal(400, '0x80060888', `Could not find a property named '${column}'`);
        out[column] = row[column] ?? null;
      }
      return out;
    };
    if (single !== undefined && single !== null) {
      const row = t.rows.get(single[2]!.toLowerCase());
      if (row === undefined)
        throw new Refusal(404, '0x80040217', `${entitySet} With Id = ${single[2]!} Does Not Exist`);
      return project(row);
    }
    const filter = search.get('$filter');
    const conditions = filter === null ? [] : parseFilter(filter);
    let rows = [...t.rows.values()].filter((row) =>
      conditions.every(([column, value]) => {
        const actual = row[column];
        return typeof actual === 'string' && typeof value === 'string'
          ? actual.toLowerCase() === value.toLowerCase()
          : actual === value;
      }),
    );
    const top = search.get('$top');
    if (top !== null) rows = rows.slice(0, Number(top));
    return { value: rows.map(project) };
  }
}
