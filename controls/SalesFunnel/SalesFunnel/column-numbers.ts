/// <reference types="powerapps-component-framework" />
/**
 * A mapped column's values numbered by the refs they give (their places in a RefTable), for the
 * record store. A raw value that alone gives its ref (a choice's number, a text, an empty value) is
 * numbered once and then found by itself; others (lookups) are read each time.
 */
import type { RefTable } from '../../../src/widgets/funnel/columns';
import type { StageRef } from '../../../src/widgets/funnel/types';
import { refKeyedByRaw, type FunnelColumns } from './records';

type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;

export class ColumnNumbers {
  /** The numbers of the raw values that alone give their refs. */
  readonly byRaw = new Map<unknown, number>();
  readonly name: string;
  private readonly dataType: string;

  constructor(
    column: { name: string; dataType: string },
    private readonly table: RefTable<StageRef>,
    private readonly refOf: (record: EntityRecord, raw: unknown) => StageRef | null,
  ) {
    this.name = column.name;
    this.dataType = column.dataType;
  }

  /** The number of a record's raw value not found in `byRaw` (−1: no ref). */
  number(record: EntityRecord, raw: unknown): number {
    const at = this.table.at(this.refOf(record, raw));
    if (refKeyedByRaw(this.dataType, raw)) this.byRaw.set(raw, at);
    return at;
  }
}

/** The mapped columns as one text: the readers of a page serve the next while it is the same. */
export function columnsKey(columns: FunnelColumns): string {
  return [columns.stage, columns.amount, columns.segment]
    .map((c) => (c === undefined ? '' : `${c.name}\u0000${c.dataType}`))
    .join('\u0001');
}
