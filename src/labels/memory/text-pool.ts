/**
 * Texts held as UTF-16 code units in large blocks rather than one string each: a string costs its
 * characters plus a header and alignment, a pooled text only its characters. A text is known by
 * where it starts (a number) and its length. What a large translation memory keeps of its texts.
 */

/** Code units per block (2 MB); a longer text gets a block of its own. */
const BLOCK = 1 << 20;

/** Texts decoded a piece of this many code units at a time (String.fromCharCode's argument count). */
const DECODE_PIECE = 4096;

export interface TextPool {
  /** Copies `text` into the pool; returns where it starts. */
  add(text: string): number;
  /** The text of `length` code units at `start`. */
  text(start: number, length: number): string;
  /** True when the text at `start` is `text` (`length` being the pooled text's length). */
  equals(start: number, length: number, text: string): boolean;
}

export function createTextPool(): TextPool {
  const blocks: Uint16Array[] = [];
  let used = BLOCK;
  const units = (start: number, length: number): Uint16Array => {
    const at = start % BLOCK;
    return blocks[(start - at) / BLOCK]!.subarray(at, at + length);
  };
  return {
    add(text) {
      if (text.length > BLOCK || used + text.length > BLOCK) {
        blocks.push(new Uint16Array(Math.max(BLOCK, text.length)));
        used = 0;
      }
      const block = blocks[blocks.length - 1]!;
      const start = (blocks.length - 1) * BLOCK + used;
      for (let i = 0; i < text.length; i++) block[used + i] = text.charCodeAt(i);
      // A block holding a text longer than BLOCK is full: the next text starts a new one.
      used = text.length > BLOCK ? BLOCK : used + text.length;
      return start;
    },
    text(start, length) {
      const chars = units(start, length);
      if (length <= DECODE_PIECE) return String.fromCharCode(...chars);
      let text = '';
      for (let i = 0; i < length; i += DECODE_PIECE)
        text += String.fromCharCode(...chars.subarray(i, i + DECODE_PIECE));
      return text;
    },
    equals(start, length, text) {
      if (length !== text.length) return false;
      const chars = units(start, length);
      for (let i = 0; i < length; i++) if (chars[i] !== text.charCodeAt(i)) return false;
      return true;
    },
  };
}
