/**
 * Texts held as UTF-16 code units in large blocks rather than one string each: a string costs its
 * characters plus a header and alignment, a pooled text only its characters. A text is known by
 * where it starts (a number) and its length. What a large translation memory keeps of its texts.
 * A narrow pool holds texts of code units below 256 only (most base texts), one byte each.
 */

/** Code units per block at most (2 MB); a longer text gets a block of its own. */
const BLOCK = 1 << 20;

/** The first block's code units: blocks double up to BLOCK, so a small pool stays small. */
const FIRST_BLOCK = 1 << 12;

export interface TextPool {
  /** Copies `text` into the pool; returns where it starts. */
  add(text: string): number;
  /** The text of `length` code units at `start`. */
  text(start: number, length: number): string;
  /** True when the text at `start` is `text` (`length` being the pooled text's length). */
  equals(start: number, length: number, text: string): boolean;
}

/** A block as bytes (written and read as UTF-16LE, lone surrogates kept, or Latin-1) and as code units. */
interface Block {
  bytes: Buffer;
  units: Uint16Array | Uint8Array;
}

/** True when every code unit of `text` is below 256 (a narrow pool can hold it). */
export function isNarrow(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** `narrow`: one byte per code unit, for texts `isNarrow` accepts only. */
export function createTextPool(narrow = false): TextPool {
  const encoding = narrow ? 'latin1' : 'utf16le';
  const unitBytes = narrow ? 1 : 2;
  const blocks: Block[] = [];
  // Code units used of the last block, and its size.
  let used = 0;
  let size = 0;
  const blockOf = (start: number): { block: Block; at: number } => {
    const at = start % BLOCK;
    return { block: blocks[(start - at) / BLOCK]!, at };
  };
  return {
    add(text) {
      if (blocks.length === 0 || used + text.length > size) {
        // Every block starts at a multiple of BLOCK in the numbering, whatever its size.
        size = Math.max(text.length, Math.min(BLOCK, FIRST_BLOCK * 2 ** blocks.length));
        // Its own memory (not a slice of a shared one): the code-unit view is aligned.
        const bytes = Buffer.allocUnsafeSlow(size * unitBytes);
        const units = narrow ? bytes : new Uint16Array(bytes.buffer, bytes.byteOffset, size);
        blocks.push({ bytes, units });
        used = 0;
      }
      const block = blocks[blocks.length - 1]!;
      const start = (blocks.length - 1) * BLOCK + used;
      block.bytes.write(text, used * unitBytes, encoding);
      used += text.length;
      return start;
    },
    text(start, length) {
      const { block, at } = blockOf(start);
      return block.bytes.toString(encoding, at * unitBytes, (at + length) * unitBytes);
    },
    equals(start, length, text) {
      if (length !== text.length) return false;
      const { block, at } = blockOf(start);
      const units = block.units;
      for (let i = 0; i < length; i++) if (units[at + i] !== text.charCodeAt(i)) return false;
      return true;
    },
  };
}
