/**
 * FetchXML over the record store, as `GET <entityset>?fetchXml=…` answers it: the shared evaluator
 * (test/support/fetchxml/: link-entity joins, filters, aggregates, the 50,000-record aggregate
 * limit) over the store's tables, then `order` and `top`/`count`. Values come back plain, without
 * formatted-value annotations. A DOCTYPE, or anything the evaluator does not know, is refused.
 * Kept apart from the Dataverse stand-in for the web resources' browser tests.
 */
import { evaluateFetch } from '../fetchxml/evaluate';
import { parseFetchXml } from '../fetchxml/parse';
import { FetchXmlRefusal } from '../fetchxml/tree';
import { Refusal } from './http';
import type { RecordRow } from './record-store';

const refusal = (code: number, message: string): Refusal =>
  new Refusal(400, `0x${code.toString(16)}`, message);

/** The rows a FetchXML query returns over the tables `rowsOf` gives (by logical name). */
export function runFetchXml(
  fetchXml: string,
  rowsOf: (entity: string) => RecordRow[],
): { entity: string; rows: RecordRow[] } {
  if (/<!DOCTYPE|<!ENTITY/i.test(fetchXml))
    throw new Refusal(400, '0x80041103', 'FetchXML: a DOCTYPE is refused');
  const top = parseFetchXml(fetchXml);
  if (top === undefined) throw new Refusal(400, '0x80041103', 'FetchXML: expected <fetch><entity name="…">');
  try {
    const result = evaluateFetch(top, { rows: rowsOf });
    const q = result.query;
    const limit = q.aggregate ? result.rows.length : (q.top ?? q.count ?? result.rows.length);
    return { entity: q.entity, rows: result.rows.slice(0, limit) };
  } catch (e) {
    if (e instanceof FetchXmlRefusal) throw refusal(e.code, e.message);
    throw e;
  }
}
