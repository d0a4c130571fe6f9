/**
 * The notes of one sheet (cell comments: "from memory: …", "machine translation: …"), kept until
 * the sheet closes. An export with --memory makes one per suggestion, over a million at 1,000,000
 * labels: each is held as three numbers (row, column, note text) in fixed-size blocks, the texts
 * themselves once each (most notes share a handful of sources).
 */
import type { SheetNotes } from './note-parts';

/** Notes per block: blocks are filled in turn, never copied. */
const BLOCK = 16_384;

export interface SheetNoteList extends SheetNotes {
  /** The note of cell (`row`, `col`); `fromMemory` writes it as `from memory: <text>`. */
  add(row: number, col: number, text: string, fromMemory: boolean): void;
}

/** `letters`: column letters by column number. */
export function createSheetNotes(letters: readonly string[]): SheetNoteList {
  // Per note: row, column, and text number × 2 (+ 1 when from memory).
  const blocks: Int32Array[] = [];
  let count = 0;
  const texts: string[] = [];
  const textNumbers = new Map<string, number>();
  const at = (i: number, field: number): number => blocks[Math.floor(i / BLOCK)]![(i % BLOCK) * 3 + field]!;
  return {
    get count() {
      return count;
    },
    add(row, col, text, fromMemory) {
      let n = textNumbers.get(text);
      if (n === undefined) {
        n = texts.length;
        texts.push(text);
        textNumbers.set(text, n);
      }
      const slot = count % BLOCK;
      if (slot === 0) blocks.push(new Int32Array(BLOCK * 3));
      const block = blocks[blocks.length - 1]!;
      block[slot * 3] = row;
      block[slot * 3 + 1] = col;
      block[slot * 3 + 2] = n * 2 + (fromMemory ? 1 : 0);
      count++;
    },
    row: (i) => at(i, 0),
    letters: (i) => letters[at(i, 1)]!,
    textKey: (i) => at(i, 2),
    text(i) {
      const n = at(i, 2);
      const text = texts[n >> 1]!;
      return (n & 1) === 1 ? `from memory: ${text}` : text;
    },
  };
}
