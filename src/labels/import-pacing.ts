/**
 * Lets the pass over the translations file run while the workbook is still being read, without
 * changing what it writes. The pass asks, label by label, whether an edit is waiting; it is held
 * back to follow the workbook (a workbook lists its rows in the file's order, unless re-sorted),
 * and every label it passes and every edit the workbook adds meanwhile is noted. When the
 * workbook is read, an edit that came after its label was passed makes the pass "late": it is
 * given up and done again, so the file is always patched with the whole workbook known.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Label } from './crm-xml/model';
import { RowHash } from './workbook/row-hash';

export interface PacingOptions {
  /** Bytes of the file handed to the scanner at a time; the workbook's rows are taken in between. */
  pieceBytes: number;
  /** How many labels the pass may be ahead of the workbook's rows read: more than a piece holds. */
  lead: number;
}

const DEFAULT_PACING: PacingOptions = { pieceBytes: 64 * 1024, lead: 4096 };

/** Thrown into the pass given up; never reaches the user. */
export class PassGivenUp extends Error {
  constructor() {
    super('the pass over the translations file was given up');
  }
}

type Key = Pick<Label, 'sheet' | 'entity' | 'objectId' | 'column'>;

/** A key's hash (row-hash.ts over its four parts, each followed by its length) as a 53-bit number. */
const hashing = new RowHash();
export function keyHash53(key: Key): number {
  hashing.start(0);
  hashing.text(key.sheet, false);
  hashing.text(key.entity, false);
  hashing.text(key.objectId, false);
  hashing.text(key.column, false);
  return hashing.number53();
}

export class PassPacer {
  /** Workbook rows read, labels passed. */
  private rows = 0;
  private passedCount = 0;
  /** Hashes of the labels passed while the workbook was read, in file order. */
  private passedKeys = new Float64Array(1024);
  /** Edits added while the pass ran: key hash → the number of labels passed then (the last time). */
  private readonly added = new Map<number, number>();
  private reading = true;
  private givenUp = false;
  private wake: (() => void) | undefined;
  private readonly pacing: PacingOptions;

  constructor(pacing: Partial<PacingOptions> = {}) {
    this.pacing = { ...DEFAULT_PACING, ...pacing };
  }

  /** A workbook row reached the reader. */
  rowRead(): void {
    this.rows++;
    if (this.wake !== undefined && !this.ahead()) this.wakeUp();
  }

  /** The workbook added an edit for `key`. */
  edited(key: Key): void {
    if (!this.reading || this.passedCount === 0) return;
    this.added.set(keyHash53(key), this.passedCount);
  }

  /** The pass met the label `key`. */
  passed(key: Key): void {
    if (this.reading) {
      if (this.passedCount === this.passedKeys.length) {
        const grown = new Float64Array(this.passedKeys.length * 2);
        grown.set(this.passedKeys);
        this.passedKeys = grown;
      }
      this.passedKeys[this.passedCount] = keyHash53(key);
    }
    this.passedCount++;
  }

  /**
   * The workbook is read: whether an edit came after the pass had met its label (then the pass
   * must be done again). Keys that only share a hash count as late too: a needless retry at worst.
   */
  workbookRead(): boolean {
    this.reading = false;
    this.wakeUp();
    let late = false;
    if (this.added.size > 0) {
      for (let i = 0; i < this.passedCount && !late; i++) {
        const at = this.added.get(this.passedKeys[i]!);
        if (at !== undefined && at > i) late = true;
      }
    }
    this.passedKeys = new Float64Array(0);
    this.added.clear();
    return late;
  }

  /** Ends the pass at its next piece (the workbook failed, or the pass is late). */
  giveUp(): void {
    this.givenUp = true;
    this.wakeUp();
  }

  /** `source` in pieces, each handed over only while the pass is not too far ahead of the workbook. */
  async *pieces(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    const { pieceBytes } = this.pacing;
    for await (const chunk of source) {
      for (let at = 0; at < chunk.length; at += pieceBytes) {
        // Between pieces the workbook's rows (worker messages) are taken first.
        await nextTurn();
        while (this.ahead() && !this.givenUp) await new Promise<void>((r) => (this.wake = r));
        if (this.givenUp) throw new PassGivenUp();
        yield chunk.subarray(at, at + pieceBytes);
      }
    }
  }

  private ahead(): boolean {
    return this.reading && this.passedCount + this.pacing.lead > this.rows;
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
