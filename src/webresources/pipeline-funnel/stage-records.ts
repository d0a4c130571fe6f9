/**
 * The drill-down of the pipeline funnel: a stage's records (name, amount, owner), at most
 * `stageRecordsLimit` of them, largest amount first, by one plain FetchXML query (no aggregate) with
 * the page's scope plus the stage (and segment) as escaped conditions. Dynamics has no documented
 * way to open a list filtered by arbitrary criteria, so the page lists them and opens each one.
 */
import type { DataverseClient } from '../dataverse/dataverse-client';
import { element, escapeXml, scopeXml, type QueryScope } from '../dataverse/fetchxml';
import type { DataverseRow } from '../dataverse/xrm-types';
import { formattedSuffix } from './funnel-rows';

export const stageRecordsLimit = 50;

export interface StageRecordsQuery {
  scope: QueryScope;
  /** The stage column and the keys (values) of the stages asked for: one, or in reached mode that stage and the later ones. */
  stage: string;
  stageKeys: readonly string[];
  /** The segment column and the key of the segment asked for (null: records without a segment). */
  segment?: { column: string; key: string | null };
  /** The primary name column (`name` for opportunities). */
  name: string;
  amount?: string;
  owner?: string;
  /** More columns listed after these (as Dataverse formats them): the campaign's buyers' customer and close date. */
  extra?: readonly string[];
}

export interface StageRecord {
  id: string;
  name: string;
  /** The amount as Dataverse formatted it for the user (else the raw number), or null. */
  amount: string | number | null;
  owner: string | null;
  /** The `extra` columns' texts, in order ('' when empty). */
  extra?: string[];
}

/** The primary key column of a table: `<table>id` (opportunityid, accountid…). */
export function primaryKeyOf(table: string): string {
  return `${table}id`;
}

export function stageRecordsFetch(q: StageRecordsQuery): string {
  const columns = [primaryKeyOf(q.scope.table), q.name, q.amount, q.owner, ...(q.extra ?? [])].filter(
    (c): c is string => c !== undefined,
  );
  const stageCondition =
    q.stageKeys.length === 1
      ? element('condition', { attribute: q.stage, operator: 'eq', value: q.stageKeys[0] })
      : element(
          'condition',
          { attribute: q.stage, operator: 'in' },
          q.stageKeys.map((k) => element('value', {}, escapeXml(k))).join(''),
        );
  const segmentCondition =
    q.segment === undefined
      ? ''
      : q.segment.key === null
        ? element('condition', { attribute: q.segment.column, operator: 'null' })
        : element('condition', { attribute: q.segment.column, operator: 'eq', value: q.segment.key });
  const order = element('order', {
    attribute: q.amount ?? q.name,
    descending: q.amount === undefined ? 'false' : 'true',
  });
  const inner =
    columns.map((name) => element('attribute', { name })).join('') +
    order +
    element('filter', { type: 'and' }, stageCondition + segmentCondition) +
    scopeXml(q.scope);
  return element(
    'fetch',
    { top: String(stageRecordsLimit) },
    element('entity', { name: q.scope.table }, inner),
  );
}

function text(row: DataverseRow, column: string): string | null {
  // A lookup comes back as `_<column>_value` with its name in the formatted-value annotation.
  for (const key of [`_${column}_value${formattedSuffix}`, `${column}${formattedSuffix}`]) {
    const v = row[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  const raw = row[column];
  return typeof raw === 'string' && raw !== '' ? raw : null;
}

export function mapStageRecords(rows: readonly DataverseRow[], q: StageRecordsQuery): StageRecord[] {
  const key = primaryKeyOf(q.scope.table);
  const out: StageRecord[] = [];
  for (const row of rows) {
    const id = row[key];
    if (typeof id !== 'string' || id === '') continue;
    let amount: string | number | null = null;
    if (q.amount !== undefined) {
      const formatted = row[`${q.amount}${formattedSuffix}`];
      const raw = row[q.amount];
      amount = typeof formatted === 'string' ? formatted : typeof raw === 'number' ? raw : null;
    }
    const record: StageRecord = {
      id,
      name: text(row, q.name) ?? '',
      amount,
      owner: q.owner === undefined ? null : text(row, q.owner),
    };
    if (q.extra !== undefined) record.extra = q.extra.map((column) => text(row, column) ?? '');
    out.push(record);
  }
  return out;
}

export async function loadStageRecords(
  client: DataverseClient,
  q: StageRecordsQuery,
): Promise<StageRecord[]> {
  const result = await client.fetchXml(q.scope.table, stageRecordsFetch(q));
  return mapStageRecords(result.entities, q);
}
