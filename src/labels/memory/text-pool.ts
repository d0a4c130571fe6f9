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
  /** The pool's memory, block by block (see PoolMemory). */
  blocks(): Uint8Array[];
}

/** Where a pool's blocks come from: memory of its own, memory other threads can share, or given. */
export interface PoolMemory {
  /** Blocks in shared memory (SharedArrayBuffer): other threads read them without a copy. */
  shared?: boolean;
  /** The blocks of a pool made elsewhere (`blocks()`), to read its texts by the same numbers. */
  blocks?: readonly Uint8Array[];
}

interface Blocks {
  /** Room for `length` code units: the block and where in it. */
  room: (length: number) => { bytes: Buffer; at: number; start: number };
  at: (start: number) => { bytes: Buffer; at: number };
  /** The blocks so far (views of the pool's memory, not copies). */
  all: () => Uint8Array[];
}

/** Blocks of `unitBytes` bytes per code unit, numbered so that block b starts at b × BLOCK. */
function createBlocks(unitBytes: number, memory: PoolMemory = {}): Blocks {
  const buffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocks: Buffer[] = (memory.blocks ?? []).map(buffer);
  // Given blocks are full: what is added goes into new ones.
  let used = 0;
  let size = 0;
  return {
    room(length) {
      if (blocks.length === 0 || used + length > size) {
        size = Math.max(length, Math.min(BLOCK, FIRST_BLOCK * 2 ** blocks.length));
        // Its own memory (not a slice of a shared one): a code-unit view of it is aligned.
        blocks.push(
          memory.shared === true
            ? Buffer.from(new SharedArrayBuffer(size * unitBytes))
            : Buffer.allocUnsafeSlow(size * unitBytes),
        );
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
    all: () => blocks.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)),
  };
}

export function createTextPool(memory?: PoolMemory): TextPool {
  const blocks = createBlocks(2, memory);
  return {
    blocks: blocks.all,
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
export function createNarrowTextPool(memory?: PoolMemory): TextPool {
  const blocks = createBlocks(1, memory);
  let scratch = Buffer.alloc(1024);
  return {
    blocks: blocks.all,
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

/** Texts this long or longer are kept two bytes per code unit (a narrow text's length has 22 bits). */
const NARROW_LENGTH = 1 << 21;

/** A TextStore's memory: its two pools' blocks. */
export interface StoreBlocks {
  narrow: Uint8Array[];
  wide: Uint8Array[];
}

/**
 * Texts in two pools: one byte per code unit where a text is of one alphabet (pageOf), two
 * otherwise. A text is known by two numbers: `add` returns the first, `field` is the second
 * after it (numbers, not an object per text): in the narrow pool, start ≥ 0 and length × 512 +
 * page; in the wide pool, -1 - start and length.
 */
export interface TextStore {
  add(text: string): number;
  /** The second number of the text added last. */
  readonly field: number;
  text(start: number, field: number): string;
  equals(start: number, field: number, text: string): boolean;
  blocks(): StoreBlocks;
}

export function createTextStore(memory: { shared?: boolean; blocks?: StoreBlocks } = {}): TextStore {
  const wide = createTextPool({
    ...(memory.shared === undefined ? {} : { shared: memory.shared }),
    ...(memory.blocks === undefined ? {} : { blocks: memory.blocks.wide }),
  });
  const narrow = createNarrowTextPool({
    ...(memory.shared === undefined ? {} : { shared: memory.shared }),
    ...(memory.blocks === undefined ? {} : { blocks: memory.blocks.narrow }),
  });
  let field = 0;
  return {
    add(text) {
      const page = text.length < NARROW_LENGTH ? pageOf(text) : -1;
      if (page === -1) {
        field = text.length;
        return -1 - wide.add(text);
      }
      field = text.length * 512 + page;
      return narrow.add(text, page);
    },
    get field() {
      return field;
    },
    text: (start, f) => (start >= 0 ? narrow.text(start, f >> 9, f & 511) : wide.text(-1 - start, f)),
    equals: (start, f, text) =>
      start >= 0 ? narrow.equals(start, f >> 9, text, f & 511) : wide.equals(-1 - start, f, text),
    blocks: () => ({ narrow: narrow.blocks(), wide: wide.blocks() }),
  };
}
