/// <reference types="powerapps-component-framework" />
/**
 * The records the control read from its dataset, page after page: kept in the view's order with
 * the currency symbols of their amounts. A host that adds each page to the ids it already gave (as
 * model-driven apps do) is read from where the last page ended, without a lookup per id; a host
 * that gives other ids (only the new page) is read with a set of the ids seen.
 *
 * The records are kept as columns (RecordColumns: typed arrays of stage and segment numbers and of
 * amounts), not as an object each, and counted as they are read (PairTotals): 50,000 records read
 * in one update allocate little and are gone through once; the funnel then adds up a few pairs.
 */
import { RefTable } from '../../../src/widgets/funnel/columns';
import { PairTotals } from '../../../src/widgets/funnel/pair-totals';
import type { RecordColumns, SegmentRef, StageRef } from '../../../src/widgets/funnel/types';
import { NOT_SHAPED } from './amount-shapes';
import { columnReading, columnsKey, type ColumnReading } from './column-numbers';
import { amountValue, funnelColumns, type FunnelColumns } from './records';

type DataSet = ComponentFramework.PropertyTypes.DataSet;

/**
 * How many records a call of the reading loop goes through. A fresh page runs the loop unoptimised
 * at first; the browser optimises a function called again and again sooner than it replaces a
 * long loop running once (on-stack replacement), and until then a record costs several times more.
 */
const RUN = 256;

/** No raw value: nothing equals it. */
const NOT_READ = Symbol('not read');

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
  /** The records counted per pair of stage and segment numbers as they were read. */
  private totals = new PairTotals();
  private reading: ColumnReading | undefined;
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
    const length = Math.min(count, this.ids.length);
    return {
      length,
      ids: this.ids,
      stageRefs: this.stages.refs,
      stageAt: this.stageAt,
      segmentRefs: this.segments.refs,
      segmentAt: this.segmentAt,
      amounts: this.amounts,
      totals: this.totals,
    };
  }

  clear(): void {
    this.ids = [];
    this.stages = new RefTable();
    this.segments = new RefTable();
    this.totals = new PairTotals();
    this.reading = undefined;
    this.readIds = undefined;
    this.consumed = { count: 0, first: '', last: '' };
    this.symbols.clear();
  }

  /** Adds the dataset's records not read yet, up to `max` in all (`segmentColumn`: see segment-column.ts). */
  add(ds: DataSet, noSegment: SegmentRef, max: number, segmentColumn?: string | null): void {
    const columns = funnelColumns(ds, segmentColumn);
    this.hasAmount = columns.amount !== undefined;
    const { stage, segment, amount, shapes } = this.readingOf(columns, noSegment);
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
    let stageRaw: unknown = NOT_READ;
    let stageNumber = -1;
    let segmentRaw: unknown = NOT_READ;
    let segmentNumber = -1;
    // Amounts of a view mostly share one currency: add a symbol only when it changes.
    let lastSymbol: string | undefined | null = null;
    const totals = this.totals;
    const rows = totals.rows;
    // The amounts' last shape (amount-shapes.ts), checked here (hasShape inline) rather than by a call per record.
    let { head, tail, symbol } = NOT_SHAPED;
    const stageName = stage?.name ?? '';
    const segmentName = segment?.name ?? '';
    const end = sorted.length;
    let count = ids.length;
    // Records are read in runs by a function of their own (see RUN), which sees them up to `stop`.
    const readTo = (stop: number): void => {
      for (; i < stop && count < max; i++) {
        const id = sorted[i]!;
        if (seen !== undefined) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        const entity = entities[id];
        if (entity === undefined) continue;
        const at = count++;
        ids.push(id);
        if (stage !== undefined) {
          const raw: unknown = entity.getValue(stageName);
          if (raw !== stageRaw) {
            const known = stage.byRaw.get(raw);
            stageNumber = known ?? stage.number(entity, raw);
            stageRaw = known === undefined ? NOT_READ : raw;
          }
        }
        stageAt[at] = stageNumber;
        if (segment !== undefined) {
          const raw: unknown = entity.getValue(segmentName);
          if (raw !== segmentRaw) {
            const known = segment.byRaw.get(raw);
            segmentNumber = known ?? segment.number(entity, raw);
            segmentRaw = known === undefined ? NOT_READ : raw;
          }
        }
        segmentAt[at] = segmentNumber;
        let value = Number.NaN;
        if (amount !== undefined) {
          const raw: unknown = entity.getValue(amount);
          value = typeof raw === 'number' ? raw : (amountValue(raw) ?? Number.NaN);
          // x − x is 0 for finite numbers only: NaN and infinities are no amount.
          if (value - value === 0) {
            if (shapes !== undefined) {
              const text = entity.getFormattedValue(amount) ?? '';
              const first = text.charCodeAt(head.length);
              const last = text.charCodeAt(text.length - tail.length - 1);
              const same =
                first >= 48 &&
                first <= 57 &&
                last >= 48 &&
                last <= 57 &&
                (head === '' || text.startsWith(head)) &&
                (tail === '' || text.endsWith(tail));
              if (!same) ({ head, tail, symbol } = shapes.read(text));
            }
            if (symbol !== lastSymbol) {
              this.symbols.add(symbol);
              lastSymbol = symbol;
            }
          } else value = Number.NaN;
        }
        amounts[at] = value;
        const cell = rows[stageNumber + 1]?.[segmentNumber + 1] ?? totals.cell(stageNumber, segmentNumber);
        cell.count++;
        if (value - value === 0) cell.sum += value;
        else cell.missing++;
      }
    };
    while (i < end && count < max) readTo(Math.min(end, i + RUN));
    totals.records = count;
    if (extendsRead && i > 0) this.consumed = { count: i, first: sorted[0]!, last: sorted[i - 1]! };
  }

  /** The readers of the mapped columns: those of the last page while the columns stay the same. */
  private readingOf(columns: FunnelColumns, noSegment: SegmentRef): ColumnReading {
    const kept = this.reading;
    if (kept !== undefined && kept.key === columnsKey(columns) && kept.noSegment === noSegment) return kept;
    return (this.reading = columnReading(columns, noSegment, this.stages, this.segments));
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
