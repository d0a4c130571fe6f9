/// <reference types="powerapps-component-framework" />
/**
 * How the record store reads the mapped columns: a column's values numbered by the refs they give
 * (their places in a RefTable), and the shapes of the amounts. A raw value that alone gives its ref
 * (a choice's number, a text, an empty value) is numbered once and then found by itself; others
 * (lookups) are read each time. Kept from page to page, so that a value keeps its ref and number.
 */
import type { RefTable } from '../../../src/widgets/funnel/columns';
import type { SegmentRef, StageRef } from '../../../src/widgets/funnel/types';
import { AmountShapes } from './amount-shapes';
import { rawRefReader, refKeyedByRaw, type FunnelColumns } from './records';

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

/** How the mapped columns are read. */
export interface ColumnReading {
  /** columnsKey of the columns. */
  key: string;
  noSegment: SegmentRef;
  stage: ColumnNumbers | undefined;
  segment: ColumnNumbers | undefined;
  /** The amount column's name. */
  amount: string | undefined;
  /** The currency of a currency column's amounts (undefined for other amounts). */
  shapes: AmountShapes | undefined;
}

/** The readers of the mapped columns, numbering refs in the store's tables; `noSegment` for an empty segment. */
export function columnReading(
  columns: FunnelColumns,
  noSegment: SegmentRef,
  stages: RefTable<StageRef>,
  segments: RefTable<SegmentRef>,
): ColumnReading {
  const { stage, segment, amount } = columns;
  const segmentOf = segment === undefined ? undefined : rawRefReader(segment, false);
  return {
    key: columnsKey(columns),
    noSegment,
    stage: stage === undefined ? undefined : new ColumnNumbers(stage, stages, rawRefReader(stage)),
    segment:
      segment === undefined || segmentOf === undefined
        ? undefined
        : new ColumnNumbers(segment, segments, (r, raw) => segmentOf(r, raw) ?? noSegment),
    amount: amount?.name,
    shapes: amount?.dataType === 'Currency' ? new AmountShapes() : undefined,
  };
}
