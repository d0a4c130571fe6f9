/// <reference types="powerapps-component-framework" />
/**
 * The records the control read from its dataset, page after page: kept in the view's order with
 * the currency symbols of their amounts. A host that adds each page to the ids it already gave (as
 * model-driven apps do) is read from where the last page ended, without a lookup per id; a host
 * that gives other ids (only the new page) is read with a set of the ids seen.
 *
 * The records are kept as columns (RecordColumns: typed arrays of stage and segment numbers and of
 * amounts), not as an object each: 50,000 records read in one update allocate little, which keeps
 * the garbage collector out of the first drawing, and the funnel counts them with array lookups.
 */
import { RefTable } from '../../../src/widgets/funnel/columns';
import type { RecordColumns, SegmentRef, StageRef } from '../../../src/widgets/funnel/types';
import { amountValue, fieldReaders, funnelColumns, refKeyedByRaw, symbolReader } from './records';

type DataSet = ComponentFramework.PropertyTypes.DataSet;
type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;

/**
 * A column's number (its ref's place in `table`) per record, found by the record's raw value where
 * that alone gives the ref, as it does for choices and texts: one getValue and, mostly, one
 * comparison with the previous record's value or one map lookup per record.
 */
class ColumnIndex {
  private readonly byRaw = new Map<unknown, number>();
  private lastRaw: unknown = NOT_READ;
  private lastAt = -1;
  constructor(
    private readonly column: { name: string; dataType: string },
    private readonly table: RefTable<StageRef>,
    private readonly read: (record: EntityRecord) => StageRef | null,
  ) {}

  at(record: EntityRecord): number {
    const raw: unknown = record.getValue(this.column.name);
    if (raw === this.lastRaw) return this.lastAt;
    let at = this.byRaw.get(raw);
    if (at === undefined) {
      at = this.table.at(this.read(record));
      if (!refKeyedByRaw(this.column.dataType, raw)) return at;
      this.byRaw.set(raw, at);
    }
    this.lastRaw = raw;
    this.lastAt = at;
    return at;
  }
}

/** No raw value: nothing equals it. */
const NOT_READ = Symbol('not read');
const NO_COLUMN = { at: (): number => -1 };

function columnIndex(
  column: { name: string; dataType: string } | undefined,
  table: RefTable<StageRef>,
  read: (record: EntityRecord) => StageRef | null,
): { at: (record: EntityRecord) => number } {
  return column === undefined ? NO_COLUMN : new ColumnIndex(column, table, read);
}

export class RecordStore {
  /** The currency symbols of their amounts (undefined: an amount without one). */
  readonly symbols = new Set<string | undefined>();
  hasAmount = false;
  private ids: string[] = [];
  private stages = new RefTable<StageRef>();
  private segments = new RefTable<SegmentRef>();
  /** The columns of numbers; their length is the room reserved, at least `ids.length`. */
  private stageAt = new Int32Array(0);
  private segmentAt = new Int32Array(0);
  private amounts = new Float64Array(0);
  /** Their ids, built only when a page does not simply extend what was read. */
  private readIds: Set<string> | undefined;
  /** How many of the dataset's ids were gone through, and the first and last of them. */
  private consumed = { count: 0, first: '', last: '' };

  /** How many records were read. */
  get length(): number {
    return this.ids.length;
  }

  /** The first `count` records read (all by default), for computeFunnel. */
  columns(count = this.ids.length): RecordColumns {
    return {
      length: Math.min(count, this.ids.length),
      ids: this.ids,
      stageRefs: this.stages.refs,
      stageAt: this.stageAt,
      segmentRefs: this.segments.refs,
      segmentAt: this.segmentAt,
      amounts: this.amounts,
    };
  }

  clear(): void {
    this.ids = [];
    this.stages = new RefTable();
    this.segments = new RefTable();
    this.readIds = undefined;
    this.consumed = { count: 0, first: '', last: '' };
    this.symbols.clear();
  }

  /** Adds the dataset's records not read yet, up to `max` in all (`segmentColumn`: see segment-column.ts). */
  add(ds: DataSet, noSegment: SegmentRef, max: number, segmentColumn?: string | null): void {
    const columns = funnelColumns(ds, segmentColumn);
    this.hasAmount = columns.amount !== undefined;
    const read = fieldReaders(columns, noSegment);
    const entities = ds.records;
    const sorted = ds.sortedRecordIds;
    const done = this.consumed;
    const extendsRead =
      this.readIds === undefined &&
      done.count <= sorted.length &&
      (done.count === 0 || (sorted[0] === done.first && sorted[done.count - 1] === done.last));
    let seen = this.readIds;
    if (!extendsRead && seen === undefined) seen = this.readIds = new Set(this.ids);
    let i = extendsRead ? done.count : 0;
    this.reserve(Math.min(max, this.ids.length + sorted.length - i));
    const { ids, stageAt, segmentAt, amounts } = this;
    // Each field is read as its raw value and numbered by it: formatted values are read only for a
    // value not seen before (and for the currency of amounts), and nothing is allocated per record.
    const stage = columnIndex(columns.stage, this.stages, read.stage);
    const segmentOf = read.segment;
    const segment =
      segmentOf === undefined ? undefined : columnIndex(columns.segment, this.segments, segmentOf);
    const amountName = columns.amount?.name;
    const symbolOf = columns.amount?.dataType === 'Currency' ? symbolReader() : undefined;
    // Amounts of a view mostly share one currency: add a symbol only when it changes.
    let lastSymbol: string | undefined | null = null;
    for (; i < sorted.length && ids.length < max; i++) {
      const id = sorted[i]!;
      if (seen !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      const entity = entities[id];
      if (entity === undefined) continue;
      const at = ids.length;
      ids.push(id);
      stageAt[at] = stage.at(entity);
      segmentAt[at] = segment === undefined ? -1 : segment.at(entity);
      if (amountName === undefined) {
        amounts[at] = Number.NaN;
        continue;
      }
      const raw: unknown = entity.getValue(amountName);
      const amount = typeof raw === 'number' && Number.isFinite(raw) ? raw : amountValue(raw);
      if (amount === null) {
        amounts[at] = Number.NaN;
        continue;
      }
      amounts[at] = amount;
      const symbol =
        symbolOf === undefined ? undefined : symbolOf(entity.getFormattedValue(amountName) ?? '');
      if (symbol === lastSymbol) continue;
      this.symbols.add(symbol);
      lastSymbol = symbol;
    }
    if (extendsRead && i > 0) this.consumed = { count: i, first: sorted[0]!, last: sorted[i - 1]! };
  }

  /** Room for `count` records in all in the columns of numbers (the records read so far kept). */
  private reserve(count: number): void {
    if (count <= this.amounts.length) return;
    const room = Math.max(count, this.amounts.length * 2);
    const kept = this.ids.length;
    const grow = <A extends Int32Array | Float64Array>(from: A, to: A): A => {
      to.set(from.subarray(0, kept));
      return to;
    };
    this.stageAt = grow(this.stageAt, new Int32Array(room));
    this.segmentAt = grow(this.segmentAt, new Int32Array(room));
    this.amounts = grow(this.amounts, new Float64Array(room));
  }
}
