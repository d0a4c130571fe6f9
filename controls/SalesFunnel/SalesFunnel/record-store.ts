/// <reference types="powerapps-component-framework" />
/**
 * The records the control read from its dataset, page after page: kept in the view's order with
 * the currency symbols of their amounts. A host that adds each page to the ids it already gave (as
 * model-driven apps do) is read from where the last page ended, without a lookup per id; a host
 * that gives other ids (only the new page) is read with a set of the ids seen.
 */
import type { FunnelRecord, SegmentRef } from '../../../src/widgets/funnel/types';
import { funnelColumns, recordReader } from './records';

type DataSet = ComponentFramework.PropertyTypes.DataSet;

export class RecordStore {
  /** The records read so far, in the view's order. */
  records: FunnelRecord[] = [];
  /** The currency symbols of their amounts (undefined: an amount without one). */
  readonly symbols = new Set<string | undefined>();
  hasAmount = false;
  /** Their ids, built only when a page does not simply extend what was read. */
  private readIds: Set<string> | undefined;
  /** How many of the dataset's ids were gone through, and the first and last of them. */
  private consumed = { count: 0, first: '', last: '' };

  clear(): void {
    this.records = [];
    this.readIds = undefined;
    this.consumed = { count: 0, first: '', last: '' };
    this.symbols.clear();
  }

  /** Adds the dataset's records not read yet, up to `max` in all (`segmentColumn`: see segment-column.ts). */
  add(ds: DataSet, noSegment: SegmentRef, max: number, segmentColumn?: string | null): void {
    const columns = funnelColumns(ds, segmentColumn);
    this.hasAmount = columns.amount !== undefined;
    // Amounts of a view mostly share one currency: add a symbol only when it changes.
    let lastSymbol: string | undefined | null = null;
    const read = recordReader(columns, noSegment, (symbol) => {
      if (symbol === lastSymbol) return;
      this.symbols.add(symbol);
      lastSymbol = symbol;
    });
    const entities = ds.records;
    const ids = ds.sortedRecordIds;
    const records = this.records;
    const done = this.consumed;
    const extendsRead =
      this.readIds === undefined &&
      done.count <= ids.length &&
      (done.count === 0 || (ids[0] === done.first && ids[done.count - 1] === done.last));
    let seen = this.readIds;
    if (!extendsRead && seen === undefined) seen = this.readIds = new Set(records.map((r) => r.id));
    let i = extendsRead ? done.count : 0;
    for (; i < ids.length && records.length < max; i++) {
      const id = ids[i]!;
      if (seen !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      const entity = entities[id];
      if (entity === undefined) continue;
      records.push(read(entity));
    }
    if (extendsRead && i > 0) this.consumed = { count: i, first: ids[0]!, last: ids[i - 1]! };
  }
}
