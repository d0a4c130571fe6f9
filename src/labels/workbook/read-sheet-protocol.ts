/**
 * Rows of a worksheet as a worker thread sends them to the reader: packed in batches, numbers in
 * an Int32Array (moved, not copied) and texts joined in one string, cut again by their lengths.
 * Per row: row number, cell count, formula count, then per cell column, text length and 1 for a
 * shared-string index (0 otherwise), then the formula columns.
 */
import type { ErrorCode, Problem } from '../../errors';
import type { RawRow } from './sheet-rows';

export interface SheetWorkerInput {
  file: string;
  part: string;
  fileName: string;
  maxEntryBytes: number;
}

export type FromSheetWorker =
  | { type: 'rows'; ints: Int32Array; text: string }
  | { type: 'done' }
  | { type: 'error'; code: ErrorCode; message: string; problems: Problem[] }
  | { type: 'crash'; message: string };

/** Collects rows into batches of about `chars` characters of text or `numbers` numbers. */
export class RowPacker {
  private ints: number[] = [];
  private texts: string[] = [];
  private length = 0;

  constructor(
    private readonly chars = 64 * 1024,
    private readonly numbers = 16 * 1024,
  ) {}

  add(row: RawRow): void {
    const { ints, texts } = this;
    const shared = row.sharedCols;
    const counted = ints.length + 1;
    ints.push(row.number, 0, row.formulaCols.length);
    let cells = 0;
    row.texts.forEach((text, col) => {
      ints.push(col, text.length, shared?.includes(col) === true ? 1 : 0);
      texts.push(text);
      this.length += text.length;
      cells++;
    });
    ints[counted] = cells;
    for (const col of row.formulaCols) ints.push(col);
  }

  /** Whether a batch is worth sending. */
  get full(): boolean {
    return this.length >= this.chars || this.ints.length >= this.numbers;
  }

  get empty(): boolean {
    return this.ints.length === 0;
  }

  take(): { ints: Int32Array; text: string } {
    const batch = { ints: Int32Array.from(this.ints), text: this.texts.join('') };
    this.ints = [];
    this.texts = [];
    this.length = 0;
    return batch;
  }
}

/** The rows of a batch, shared-string cells looked up in `sharedStrings`. */
export function* unpackRows(
  ints: Int32Array,
  text: string,
  sharedStrings: readonly string[],
): Generator<RawRow> {
  let i = 0;
  let at = 0;
  while (i < ints.length) {
    const row: RawRow = { number: ints[i]!, texts: [], formulaCols: [] };
    const cells = ints[i + 1]!;
    const formulas = ints[i + 2]!;
    i += 3;
    for (let c = 0; c < cells; c++, i += 3) {
      const col = ints[i]!;
      const value = text.slice(at, (at += ints[i + 1]!));
      row.texts[col] = ints[i + 2] === 1 ? (sharedStrings[Number(value)] ?? '') : value;
    }
    for (let f = 0; f < formulas; f++) row.formulaCols.push(ints[i++]!);
    yield row;
  }
}
