/**
 * Maps the rows of the funnel's FetchXML aggregate (as Xrm.WebApi returns them: alias values plus
 * `@OData.Community.Display.V1.FormattedValue` annotations) into the funnel model's stage totals.
 */
import { funnelAliases as a } from '../dataverse/fetchxml';
import type { DataverseRow } from '../dataverse/xrm-types';
import type { SegmentRef, StageAggregate, StageRef } from '../../widgets/funnel/types';

export const formattedSuffix = '@OData.Community.Display.V1.FormattedValue';

function formatted(row: DataverseRow, alias: string): string | undefined {
  const value = row[`${alias}${formattedSuffix}`];
  return typeof value === 'string' ? value : undefined;
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

/** A grouped value as a stage or segment: its key, its shown label and (for choices) its rank. */
function groupRef(row: DataverseRow, alias: string): StageRef | null {
  const raw = row[alias];
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return null;
  if (raw === '') return null;
  const key = String(raw);
  const label = formatted(row, alias) ?? key;
  return typeof raw === 'number' ? { key, label, rank: raw } : { key, label };
}

export interface MappedRows {
  /** Stage totals; rows of records with an empty stage have `stage: null` (the model's unstaged). */
  aggregates: StageAggregate[];
  /** The formatted sums, to find the amounts' currency symbol. */
  formattedAmounts: string[];
}

export function mapFunnelRows(rows: readonly DataverseRow[], withSegment: boolean): MappedRows {
  const aggregates: StageAggregate[] = [];
  const formattedAmounts: string[] = [];
  for (const row of rows) {
    const count = numberOf(row[a.count]) ?? 0;
    const stage = groupRef(row, a.stage);
    const amount = numberOf(row[a.amount]);
    const amountCount = numberOf(row[a.amountCount]);
    const text = formatted(row, a.amount);
    if (text !== undefined) formattedAmounts.push(text);
    const aggregate: StageAggregate = { stage, count, amount };
    if (amountCount !== null) aggregate.amountCount = amountCount;
    if (withSegment) {
      const segment: SegmentRef | null = groupRef(row, a.segment);
      aggregate.segment = segment === null ? null : { key: segment.key, label: segment.label };
    }
    aggregates.push(aggregate);
  }
  return { aggregates, formattedAmounts };
}
