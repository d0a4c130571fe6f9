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

type ColumnRef = { name: string; dataType: string };

/**
 * Reads a column's value as a key, label and (for choices) rank. The refs are shared between
 * records with the same value (a choice, a lookup id, a text), so 50,000 records make a handful
 * of objects and choices are formatted once.
 */
function refReader(column: ColumnRef): (record: EntityRecord) => StageRef | null {
  const known = new Map<string, StageRef>();
  const intern = (cacheKey: string, make: () => StageRef | null): StageRef | null => {
    const hit = known.get(cacheKey);
    if (hit !== undefined) return hit;
    const ref = make();
    if (ref !== null) known.set(cacheKey, ref);
    return ref;
  };
  const isChoice = column.dataType === 'OptionSet' || column.dataType === 'TwoOptions';
  return (record) => {
    const raw: unknown = record.getValue(column.name);
    if (raw === null || raw === undefined || raw === '') return null;
    if (typeof raw === 'object' && !Array.isArray(raw) && !(raw instanceof Date)) {
      // A lookup: { id: { guid } | string, name }.
      const ref = raw as { id?: { guid?: string } | string; name?: string };
      const id = (typeof ref.id === 'string' ? ref.id : (ref.id?.guid ?? '')).toLowerCase();
      const label = ref.name ?? record.getFormattedValue(column.name) ?? '';
      if (id === '' && label === '') return null;
      return intern(`${id}\u0000${label}`, () => ({ key: id === '' ? label : id, label: label || id }));
    }
    if (isChoice) {
      const key = scalarText(raw);
      return intern(key, () => {
        const label = (record.getFormattedValue(column.name) ?? '').trim() || key;
        const rank = Number(raw);
        return column.dataType === 'OptionSet' && Number.isFinite(rank)
          ? { key, label, rank }
          : { key, label };
      });
    }
    const formatted = (record.getFormattedValue(column.name) ?? '').trim() || scalarText(raw);
    if (formatted === '') return null;
    return intern(formatted, () => ({ key: formatted.replace(/\s+/g, ' '), label: formatted }));
  };
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

/**
 * A reader of dataset records into the funnel's terms; `noSegment` labels records whose segment
 * column is empty. Create one per page (or per view) so equal values share their refs.
 */
export function recordReader(
  columns: FunnelColumns,
  noSegment: SegmentRef,
): (record: EntityRecord) => ReadRecord {
  const stageOf = columns.stage === undefined ? () => null : refReader(columns.stage);
  const segmentOf = columns.segment === undefined ? undefined : refReader(columns.segment);
  const segments = new Map<StageRef, SegmentRef>();
  const amountColumn = columns.amount;
  const isCurrency = amountColumn?.dataType === 'Currency';
  const symbolByEnds = new Map<string, string | undefined>();
  return (record) => {
    const amount = amountColumn === undefined ? null : amountOf(record, amountColumn.name);
    let segment: SegmentRef | null = null;
    if (segmentOf !== undefined) {
      const ref = segmentOf(record);
      if (ref === null) segment = noSegment;
      else {
        segment = segments.get(ref) ?? { key: ref.key, label: ref.label };
        segments.set(ref, segment);
      }
    }
    const out: ReadRecord = { record: { id: record.getRecordId(), stage: stageOf(record), amount, segment } };
    if (isCurrency && amount !== null) {
      const formatted = record.getFormattedValue(amountColumn.name) ?? '';
      // The symbol sits at the start or the end: amounts sharing both ends share the symbol.
      const ends = formatted.slice(0, 2) + '\u0000' + formatted.slice(-2);
      let symbol = symbolByEnds.get(ends);
      if (symbol === undefined && !symbolByEnds.has(ends)) {
        symbol = currencySymbolOf(formatted);
        symbolByEnds.set(ends, symbol);
      }
      if (symbol !== undefined) out.currencySymbol = symbol;
    }
    return out;
  };
}
