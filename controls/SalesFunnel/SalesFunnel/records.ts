/// <reference types="powerapps-component-framework" />
/**
 * Reads one dataset record into the funnel's terms: its stage, amount and segment from the columns
 * mapped to the property-sets, whatever their type (choice, text, lookup, two options).
 */
import type { FunnelRecord, SegmentRef, StageRef } from '../../../src/widgets/funnel/types';
import { currencySymbolOf } from '../../../src/widgets/funnel/money';

type DataSet = ComponentFramework.PropertyTypes.DataSet;
type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;

/** The dataset columns mapped to the property-sets (undefined when not mapped). */
export interface FunnelColumns {
  stage?: { name: string; dataType: string };
  amount?: { name: string; dataType: string };
  segment?: { name: string; dataType: string };
}

/** A property-set's column: the one whose alias is the property-set name (else one with that name). */
export function funnelColumns(ds: DataSet): FunnelColumns {
  const find = (alias: string): { name: string; dataType: string } | undefined => {
    const column = ds.columns.find((c) => c.alias === alias) ?? ds.columns.find((c) => c.name === alias);
    return column === undefined ? undefined : { name: column.name, dataType: column.dataType };
  };
  return { stage: find('stage'), amount: find('amount'), segment: find('segment') };
}

/** A choice, lookup, two-options or text value as a key, label and (for choices) rank. */
function refOf(record: EntityRecord, column: { name: string; dataType: string }): StageRef | null {
  const raw: unknown = record.getValue(column.name);
  const formatted = record.getFormattedValue(column.name) ?? '';
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'object' && !Array.isArray(raw) && !(raw instanceof Date)) {
    // A lookup: { id: { guid } | string, name }.
    const ref = raw as { id?: { guid?: string } | string; name?: string };
    const id = typeof ref.id === 'string' ? ref.id : (ref.id?.guid ?? '');
    const label = ref.name ?? formatted;
    return id === '' && label === ''
      ? null
      : { key: id === '' ? label : id.toLowerCase(), label: label || id };
  }
  if (column.dataType === 'OptionSet' || column.dataType === 'TwoOptions') {
    const key = scalarText(raw);
    const rank = Number(raw);
    const label = formatted.trim() || key;
    return Number.isFinite(rank) && column.dataType === 'OptionSet' ? { key, label, rank } : { key, label };
  }
  const text = formatted.trim() || scalarText(raw);
  return text === '' ? null : { key: text.replace(/\s+/g, ' '), label: text };
}

function scalarText(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return '';
}

function amountOf(record: EntityRecord, name: string): number | null {
  const raw: unknown = record.getValue(name);
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export interface ReadRecord {
  record: FunnelRecord;
  /** The currency symbol in the amount's formatted text, when the amount is a currency. */
  currencySymbol?: string;
}

/** Reads a record; `noSegment` labels records whose segment column is empty. */
export function readRecord(record: EntityRecord, columns: FunnelColumns, noSegment: SegmentRef): ReadRecord {
  const stage = columns.stage === undefined ? null : refOf(record, columns.stage);
  const amount = columns.amount === undefined ? null : amountOf(record, columns.amount.name);
  let segment: SegmentRef | null = null;
  if (columns.segment !== undefined) {
    const ref = refOf(record, columns.segment);
    segment = ref === null ? noSegment : { key: ref.key, label: ref.label };
  }
  const out: ReadRecord = { record: { id: record.getRecordId(), stage, amount, segment } };
  if (columns.amount?.dataType === 'Currency' && amount !== null) {
    const symbol = currencySymbolOf(record.getFormattedValue(columns.amount.name) ?? '');
    if (symbol !== undefined) out.currencySymbol = symbol;
  }
  return out;
}
