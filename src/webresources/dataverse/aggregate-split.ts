/**
 * Dataverse refuses an aggregate over more than 50,000 records (AggregateQueryRecordLimit). The
 * query is then run over the two halves of the records' created-on span, halving at once any range
 * that is still refused (a refused query is never sent again unchanged), and
 * the parts' rows are returned together (the caller adds them up). The ranges are half-open and
 * adjacent, so every record falls in exactly one part.
 */
import { DataverseError } from './dataverse-errors';
import type { DateRange } from './fetchxml';

export interface SplitResult<T> {
  rows: T[];
  /** 1 when the first query answered; otherwise how many ranges were added up. */
  parts: number;
}

/** The first and last date of the records in a range (undefined when it holds none). */
export type Bounds = (range: DateRange) => Promise<{ first: Date; last: Date } | undefined>;

export class TooManyPartsError extends Error {
  constructor(readonly maxParts: number) {
    super(`the aggregate still exceeds the record limit after splitting into ${maxParts} parts`);
    this.name = 'TooManyPartsError';
  }
}

function isLimit(e: unknown): boolean {
  return e instanceof DataverseError && e.failure.kind === 'aggregateLimit';
}

export async function aggregateWithSplit<T>(
  run: (range: DateRange) => Promise<T[]>,
  bounds: Bounds,
  range: DateRange,
  maxParts = 64,
): Promise<SplitResult<T>> {
  try {
    return { rows: await run(range), parts: 1 };
  } catch (e) {
    if (!isLimit(e)) throw e;
  }
  const b = await bounds(range);
  if (b === undefined) return { rows: [], parts: 1 };
  const low = Math.max(range.from?.getTime() ?? -Infinity, b.first.getTime());
  const high = Math.min(range.to?.getTime() ?? Infinity, b.last.getTime() + 1);
  const rows: T[] = [];
  let parts = 0;
  /** [from, to) holds more records than Dataverse aggregates: run its two halves, never itself again. */
  const halve = async (from: number, to: number): Promise<void> => {
    if (to - from <= 1 || parts + 2 > maxParts) throw new TooManyPartsError(maxParts);
    const middle = from + Math.floor((to - from) / 2);
    await runPart(from, middle);
    await runPart(middle, to);
  };
  const runPart = async (from: number, to: number): Promise<void> => {
    try {
      const partRows = await run({ from: new Date(from), to: new Date(to) });
      parts++;
      rows.push(...partRows);
    } catch (e) {
      if (!isLimit(e)) throw e;
      await halve(from, to);
    }
  };
  // The bounds hold the same records as the refused range: asking for them again would be refused too.
  await halve(low, high);
  return { rows, parts };
}
