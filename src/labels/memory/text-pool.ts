/**
 * Texts held as code units in large blocks rather than one string each: a string costs its
 * characters plus a header and alignment, a pooled text only its characters. A text is known by
 * where it starts (a number) and its length. What a large translation memory keeps of its texts.
 *
 * A wide pool keeps two bytes per code unit (UTF-16, lone surrogates kept). A narrow pool keeps
 * one byte per code unit for texts of one alphabet: code units below 128 and those of one "page"
 * of 128 (`pageOf`): page 1 is Latin-1, page 8 Cyrillic, and so on; most texts are such.
 */

/** Code units per block at most; a longer text gets a block of its own. */
const BLOCK = 1 << 20;

/** The first block's code units: blocks double up to BLOCK, so a small pool stays small. */
const FIRST_BLOCK = 1 << 12;

/**
 * The page a narrow pool can keep `text` in (1 when it is all below 128), or -1 when its code
 * units above 127 are not all of one page of 128.
 */
export function pageOf(text: string): number {
  let page = 1;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (!seen) {
      page = c >> 7;
      seen = true;
    } else if (c >> 7 !== page) return -1;
  }
  return page;
}

export interface TextPool {
  /** Copies `text` into the pool (a narrow pool: in `page`, see pageOf); returns where it starts. */
  add(text: string, page?: number): number;
  /** The text of `length` code units at `start` (of `page`). */
  text(start: number, length: number, page?: number): string;
  /** True when the text at `start` (`length` long, of `page`) is `text`. */
  equals(start: number, length: number, text: string, page?: number): boolean;
}

/** Blocks of `unitBytes` bytes per code unit, numbered so that block b starts at b × BLOCK. */
function createBlocks(unitBytes: number): {
  /** Room for `length` code units: the block and where in it. */
  room: (length: number) => { bytes: Buffer; at: number; start: number };
  at: (start: number) => { bytes: Buffer; at: number };
} {
  const blocks: Buffer[] = [];
  let used = 0;
  let size = 0;
  return {
    room(length) {
      if (blocks.length === 0 || used + length > size) {
        size = Math.max(length, Math.min(BLOCK, FIRST_BLOCK * 2 ** blocks.length));
        // Its own memory (not a slice of a shared one): a code-unit view of it is aligned.
        blocks.push(Buffer.allocUnsafeSlow(size * unitBytes));
        used = 0;
      }
      const at = used;
      used += length;
      return { bytes: blocks[blocks.length - 1]!, at, start: (blocks.length - 1) * BLOCK + at };
    },
    at(start) {
      const at = start % BLOCK;
      return { bytes: blocks[(start - at) / BLOCK]!, at };
    },
  };
}

export function createTextPool(): TextPool {
  const blocks = createBlocks(2);
  return {
    add(text) {
      const { bytes, at, start } = blocks.room(text.length);
      bytes.write(text, at * 2, 'utf16le');
      return start;
    },
    text(start, length) {
      const { bytes, at } = blocks.at(start);
      return bytes.toString('utf16le', at * 2, (at + length) * 2);
    },
    equals(start, length, text) {
      if (length !== text.length) return false;
      const { bytes, at } = blocks.at(start);
      for (let i = 0; i < length; i++) {
        if (bytes[(at + i) * 2]! + bytes[(at + i) * 2 + 1]! * 256 !== text.charCodeAt(i)) return false;
      }
      return true;
    },
  };
}

/** One byte per code unit: below 128 as is, the page's code units as 128 + their place in it. */
export function createNarrowTextPool(): TextPool {
  const blocks = createBlocks(1);
  let scratch = Buffer.alloc(1024);
  return {
    add(text, page = 1) {
      const { bytes, at, start } = blocks.room(text.length);
      if (page === 1) bytes.write(text, at, 'latin1');
      else {
        const base = page * 128 - 0x80;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          bytes[at + i] = c < 0x80 ? c : c - base;
        }
      }
      return start;
    },
    text(start, length, page = 1) {
      const { bytes, at } = blocks.at(start);
      if (page === 1) return bytes.toString('latin1', at, at + length);
      if (scratch.length < length * 2) scratch = Buffer.alloc(length * 2);
      const base = page * 128 - 0x80;
      for (let i = 0; i < length; i++) {
        const b = bytes[at + i]!;
        scratch.writeUInt16LE(b < 0x80 ? b : b + base, i * 2);
      }
      return scratch.toString('utf16le', 0, length * 2);
    },
    equals(start, length, text, page = 1) {
      if (length !== text.length) return false;
      const { bytes, at } = blocks.at(start);
      const base = page * 128 - 0x80;
      for (let i = 0; i < length; i++) {
        const b = bytes[at + i]!;
        if ((b < 0x80 ? b : b + base) !== text.charCodeAt(i)) return false;
      }
      return true;
    },
  };
}
