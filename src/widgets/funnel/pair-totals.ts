/**
 * The funnel's first pass: the count, the sum of the amounts and the number of missing amounts of
 * the records of each pair of stage and segment numbers (RecordColumns' numbers), one small object
 * per pair. A reader that numbers records as it reads them can count them as it goes (the
 * control's RecordStore does): the funnel then adds up pairs, not records.
 *
 * The sums are fields of these objects, not of typed arrays: until the browser has optimised the
 * loop, adding to a Float64Array element boxes two numbers per record, which cost more than all
 * the rest of reading a record.
 */
import type { PairCell, RecordColumns, RecordPairTotals } from './types';

export class PairTotals implements RecordPairTotals {
  /** The pairs counted, in the order first seen. */
  readonly pairs: PairCell[] = [];
  /** The first `records` records of the columns are counted. */
  records = 0;
  /** The pairs by stage number + 1, then segment number + 1 (−1: none), for a loop to look up inline. */
  readonly rows: (PairCell | undefined)[][] = [];

  /** The cell of a pair of numbers, made when first asked for. */
  cell(stage: number, segment: number): PairCell {
    let row = this.rows[stage + 1];
    if (row === undefined) this.rows[stage + 1] = row = [];
    let cell = row[segment + 1];
    if (cell === undefined) {
      cell = { stage, segment, count: 0, sum: 0, missing: 0 };
      row[segment + 1] = cell;
      this.pairs.push(cell);
    }
    return cell;
  }
}

/** The columns' first `length` records counted per pair. */
export function pairTotalsOf(columns: RecordColumns): PairTotals {
  const totals = new PairTotals();
  const { stageAt, segmentAt, amounts } = columns;
  const rows = totals.rows;
  for (let i = 0; i < columns.length; i++) {
    const stage = stageAt[i]!;
    const segment = segmentAt[i]!;
    const cell = rows[stage + 1]?.[segment + 1] ?? totals.cell(stage, segment);
    cell.count++;
    const amount = amounts[i]!;
    // NaN (no amount) and infinities count as missing: x − x is 0 for finite numbers only.
    if (amount - amount === 0) cell.sum += amount;
    else cell.missing++;
  }
  totals.records = columns.length;
  return totals;
}
