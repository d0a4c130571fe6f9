/// <reference types="powerapps-component-framework" />
/**
 * Reads one dataset record into the funnel's terms: its stage, amount and segment from the columns
 * mapped to the property-sets, whatever their type (choice, text, lookup, two options).
 */
import type { FunnelRecord, SegmentRef, StageRef } from '../../../src/widgets/funnel/types';
import { AmountShapes, hasShape, NOT_SHAPED } from './amount-shapes';
import { viewColumn } from './segment-column';

type DataSet = ComponentFramework.PropertyTypes.DataSet;
type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;

/** The dataset columns mapped to the property-sets (undefined when not mapped). */
export interface FunnelColumns {
  stage?: { name: string; dataType: string };
  amount?: { name: string; dataType: string };
  segment?: { name: string; dataType: string };
}

/**
 * A property-set's column: the one whose alias is the property-set name (else one with that name);
 * the segment is the view column `segmentColumn` names, when it names one.
 */
export function funnelColumns(ds: DataSet, segmentColumn?: string | null): FunnelColumns {
  const find = (alias: string): { name: string; dataType: string } | undefined => {
    const column = ds.columns.find((c) => c.alias === alias) ?? ds.columns.find((c) => c.name === alias);
    return column === undefined ? undefined : { name: column.name, dataType: column.dataType };
  };
  const segment = viewColumn(ds.columns, segmentColumn) ?? find('segment');
  return { stage: find('stage'), amount: find('amount'), segment };
}

type ColumnRef = { name: string; dataType: string };

/**
 * Reads a column's value (`raw`, as getValue gave it) as a key, label and (for choices) rank. The refs are shared between
 * records with the same value (a choice, a lookup id, a text), so 50,000 records make a handful
 * of objects; a choice is looked up by its raw value and formatted once per distinct value, and a
 * text needs no formatted value at all. Segments (`withRank` false) carry no rank.
 */
export function rawRefReader(
  column: ColumnRef,
  withRank = true,
): (record: EntityRecord, raw: unknown) => StageRef | null {
  const known = new Map<string, StageRef>();
  const byRaw = new Map<unknown, StageRef>();
  const intern = (cacheKey: string, make: () => StageRef | null): StageRef | null => {
    const hit = known.get(cacheKey);
    if (hit !== undefined) return hit;
    const ref = make();
    if (ref !== null) known.set(cacheKey, ref);
    return ref;
  };
  const isChoice = column.dataType === 'OptionSet' || column.dataType === 'TwoOptions';
  const refOf = (record: EntityRecord, raw: unknown): StageRef | null => {
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
      // Numbers and booleans as Map keys: no text conversion per record.
      const hit = byRaw.get(raw);
      if (hit !== undefined) return hit;
      const key = scalarText(raw);
      const ref = intern(key, () => {
        const label = (record.getFormattedValue(column.name) ?? '').trim() || key;
        const rank = Number(raw);
        return withRank && column.dataType === 'OptionSet' && Number.isFinite(rank)
          ? { key, label, rank }
          : { key, label };
      });
      if (ref !== null) byRaw.set(raw, ref);
      return ref;
    }
    if (typeof raw === 'string') {
      // A text is its own label: the same text gives the same ref without asking for its format.
      const hit = byRaw.get(raw);
      if (hit !== undefined) return hit;
      const text = raw.trim();
      if (text === '') return null;
      const ref = intern(text, () => ({ key: text.replace(/\s+/g, ' '), label: text }));
      if (ref !== null) byRaw.set(raw, ref);
      return ref;
    }
    const formatted = (record.getFormattedValue(column.name) ?? '').trim() || scalarText(raw);
    if (formatted === '') return null;
    return intern(formatted, () => ({ key: formatted.replace(/\s+/g, ' '), label: formatted }));
  };
  // The path of nearly every record: a choice or text seen before. It creates no closure, so a
  // call allocates nothing (refOf's closures make each of its calls allocate a context).
  return (record, raw) => {
    if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'string') {
      const hit = byRaw.get(raw);
      if (hit !== undefined) return hit;
    }
    return refOf(record, raw);
  };
}

/** rawRefReader over a record: reads the column's value first. */
function refReader(column: ColumnRef, withRank = true): (record: EntityRecord) => StageRef | null {
  const refOf = rawRefReader(column, withRank);
  const name = column.name;
  return (record) => refOf(record, record.getValue(name));
}

function scalarText(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return '';
}

/** A raw amount as a number; null when empty or not a finite number. */
export function amountValue(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * True when the raw value alone gives the column's ref (a choice's number or boolean, a text, an
 * empty value), so records with equal raw values share it without reading their formatted values.
 */
export function refKeyedByRaw(dataType: string, raw: unknown): boolean {
  if (typeof raw === 'string' || raw === null || raw === undefined) return true;
  return (
    (typeof raw === 'number' || typeof raw === 'boolean') &&
    (dataType === 'OptionSet' || dataType === 'TwoOptions')
  );
}

/**
 * Told of each record that has an amount: the currency symbol in the amount's formatted text
 * (undefined when the amount is not a currency or its text shows none).
 */
export type AmountListener = (currencySymbol: string | undefined, record: FunnelRecord) => void;

/** Reads each field of a dataset record in the funnel's terms. */
export interface FieldReaders {
  stage: (record: EntityRecord) => StageRef | null;
  /** Undefined when no column is mapped to the segment property-set. */
  segment: ((record: EntityRecord) => SegmentRef) | undefined;
  /** Null when the record has no amount (or no column is mapped to the amount property-set). */
  amount: (record: EntityRecord) => number | null;
  /** The currency symbol of a record's amount: undefined when its text shows none or it is no currency. */
  symbol: (record: EntityRecord) => string | undefined;
}

/**
 * The readers of a record's fields from the mapped columns; `noSegment` is the segment of records
 * whose segment column is empty. Create them once per page (or per view) so equal values share
 * their refs.
 */
export function fieldReaders(columns: FunnelColumns, noSegment: SegmentRef): FieldReaders {
  const stageOf = columns.stage === undefined ? () => null : refReader(columns.stage);
  const segmentOf = columns.segment === undefined ? undefined : refReader(columns.segment, false);
  const amountColumn = columns.amount;
  return {
    stage: stageOf,
    // A segment's ref is shared by the records of that segment, like a stage's.
    segment: segmentOf === undefined ? undefined : (record) => segmentOf(record) ?? noSegment,
    amount:
      amountColumn === undefined ? () => null : (record) => amountValue(record.getValue(amountColumn.name)),
    symbol: amountColumn?.dataType === 'Currency' ? currencyReader(amountColumn.name) : () => undefined,
  };
}

function currencyReader(name: string): (record: EntityRecord) => string | undefined {
  const shapes = new AmountShapes();
  let shape = NOT_SHAPED;
  return (record) => {
    const text = record.getFormattedValue(name) ?? '';
    if (!hasShape(text, shape)) shape = shapes.read(text);
    return shape.symbol;
  };
}

/**
 * A reader of dataset records into the funnel's terms, one object per record; `onAmount` hears of
 * every amount's currency. (The control keeps its records as columns: RecordStore.)
 */
export function recordReader(
  columns: FunnelColumns,
  noSegment: SegmentRef,
  onAmount?: AmountListener,
): (record: EntityRecord) => FunnelRecord {
  const read = fieldReaders(columns, noSegment);
  const segmentOf = read.segment;
  return (record) => {
    const amount = read.amount(record);
    const segment = segmentOf === undefined ? null : segmentOf(record);
    const out: FunnelRecord = { id: record.getRecordId(), stage: read.stage(record), amount, segment };
    if (amount !== null && onAmount !== undefined) onAmount(read.symbol(record), out);
    return out;
  };
}
