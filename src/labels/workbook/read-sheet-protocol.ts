/**
 * Rows of a worksheet as a worker thread sends them to the reader: packed in batches, numbers in
 * an Int32Array (moved, not copied) and texts joined in one string, cut again by their lengths.
 * Per row: row number, cell count, formula count, 1 when the row's two hashes (16 characters
 * each) follow its texts, then per cell column, text length and 1 for a shared-string index (0
 * otherwise), then the formula columns.
 */
import type { ThreadFailure } from '../../errors';
import type { LabelSheet, Lcid } from '../crm-xml/model';
import type { RawRow } from './sheet-rows';
import { keyHash, parseToken, textsHashOf, TOKEN_VERSION } from './token';

/** A label sheet's layout, as far as hashing a row's key and texts needs it (label-rows.ts). */
export interface RowHashing {
  sheet: LabelSheet;
  keyCount: number;
  targetCols: readonly { lcid: Lcid; col: number }[];
  /** The meta sheet's target languages, in its order. */
  languages: readonly Lcid[];
  /** The row token's column: a row is hashed in the format of its own token (token.ts). */
  tokenCol: number;
}

/**
 * The hashes label-rows.ts compares with the row token, in the format of that token (an older
 * workbook's rows are hashed as it was written); not for a row with shared-string cells.
 */
export function rowHashes(row: RawRow, hashing: RowHashing): RawRow['hashes'] {
  if (row.sharedCols !== undefined) return undefined;
  const cell = (col: number): string => row.texts[col] ?? '';
  const key = {
    sheet: hashing.sheet,
    entity: cell(1),
    objectId: cell(2),
    column: hashing.keyCount === 3 ? cell(3) : '',
  };
  const version = parseToken(cell(hashing.tokenCol))?.version ?? TOKEN_VERSION;
  const textOf = (lcid: Lcid): string => {
    const cols = hashing.targetCols;
    // The last column of a language, as a map of them would hold.
    for (let i = cols.length - 1; i >= 0; i--) if (cols[i]!.lcid === lcid) return cell(cols[i]!.col);
    return '';
  };
  return { key: keyHash(key, version), texts: textsHashOf(hashing.languages, textOf, version) };
}

export interface SheetWorkerInput {
  file: string;
  part: string;
  fileName: string;
  maxEntryBytes: number;
  hashing?: RowHashing;
}

export type FromSheetWorker =
  { type: 'rows'; ints: Int32Array; text: string } | { type: 'done' } | ThreadFailure;

/** Collects rows into batches of about `chars` characters of text or `numbers` numbers. */
export class RowPacker {
  /** The numbers of the batch so far: the first `used` (written in place, no array of numbers to copy). */
  private ints: Int32Array;
  private used = 0;
  private texts: string[] = [];
  private length = 0;

  constructor(
    private readonly chars = 32 * 1024,
    private readonly numbers = 16 * 1024,
  ) {
    this.ints = new Int32Array(numbers + 1024);
  }

  add(row: RawRow): void {
    const { texts } = this;
    const shared = row.sharedCols;
    const hashes = row.hashes;
    const all = row.texts;
    // At most: 4 for the row, 3 per cell, 1 per formula.
    this.room(4 + 3 * all.length + row.formulaCols.length);
    const ints = this.ints;
    let n = this.used;
    ints[n] = row.number;
    const counted = n + 1;
    ints[n + 2] = row.formulaCols.length;
    ints[n + 3] = hashes === undefined ? 0 : 1;
    n += 4;
    let cells = 0;
    for (let col = 0; col < all.length; col++) {
      const text = all[col];
      if (text === undefined) continue;
      ints[n] = col;
      ints[n + 1] = text.length;
      ints[n + 2] = shared?.includes(col) === true ? 1 : 0;
      n += 3;
      texts.push(text);
      this.length += text.length;
      cells++;
    }
    ints[counted] = cells;
    for (const col of row.formulaCols) ints[n++] = col;
    this.used = n;
    if (hashes !== undefined) {
      texts.push(hashes.key, hashes.texts);
      this.length += 32;
    }
  }

  /** Whether a batch is worth sending. */
  get full(): boolean {
    return this.length >= this.chars || this.used >= this.numbers;
  }

  get empty(): boolean {
    return this.used === 0;
  }

  take(): { ints: Int32Array; text: string } {
    const batch = { ints: this.ints.slice(0, this.used), text: this.texts.join('') };
    this.used = 0;
    this.texts = [];
    this.length = 0;
    return batch;
  }

  /** Makes room for `count` more numbers. */
  private room(count: number): void {
    if (this.used + count <= this.ints.length) return;
    const grown = new Int32Array(Math.max(this.ints.length * 2, this.used + count));
    grown.set(this.ints.subarray(0, this.used));
    this.ints = grown;
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
    const hashed = ints[i + 3] === 1;
    i += 4;
    for (let c = 0; c < cells; c++, i += 3) {
      const col = ints[i]!;
      const value = text.slice(at, (at += ints[i + 1]!));
      row.texts[col] = ints[i + 2] === 1 ? (sharedStrings[Number(value)] ?? '') : value;
    }
    for (let f = 0; f < formulas; f++) row.formulaCols.push(ints[i++]!);
    if (hashed) row.hashes = { key: text.slice(at, at + 16), texts: text.slice(at + 16, (at += 32)) };
    yield row;
  }
}
