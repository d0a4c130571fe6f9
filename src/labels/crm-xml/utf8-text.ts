/**
 * Strict UTF-8 decoding of a byte stream in pieces, as `TextDecoder('utf-8', { fatal: true })`
 * does, but several times cheaper: each piece is validated with `isUtf8` (SIMD) and decoded with
 * `Buffer#toString`, both without copying. A character split between two pieces is held back (at
 * most three bytes) and decoded with the start of the next piece.
 */
import { isUtf8 } from 'node:buffer';

/** The length of the character a lead byte starts (1 for ASCII and for bytes no character starts with). */
function charLength(lead: number): number {
  if (lead < 0xc0) return 1;
  if (lead < 0xe0) return 2;
  if (lead < 0xf0) return 3;
  return lead < 0xf8 ? 4 : 1;
}

/** Where the last complete character of `bytes` ends (an incomplete one at the end is left out). */
function completeEnd(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1, back = 0; i >= 0 && back < 4; i--, back++) {
    const b = bytes[i]!;
    if ((b & 0xc0) !== 0x80) return charLength(b) > end - i ? i : end;
  }
  return end;
}

const asBuffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

const NO_BYTES = Buffer.alloc(0);

export class Utf8Text {
  /** The start of a character whose remaining bytes are in the next piece. */
  private held: Buffer | undefined;
  /** The bytes of the text `decode` returned last: a character completed from held bytes, then the rest. */
  private lastHead: Buffer | undefined;
  private lastBody: Buffer = NO_BYTES;

  /** `invalid` makes the error thrown for bytes that are not UTF-8. */
  constructor(private readonly invalid: () => Error) {}

  /** The text of the complete characters so far. */
  decode(piece: Uint8Array): string {
    let bytes = asBuffer(piece);
    let head = '';
    const held = this.held;
    this.lastHead = undefined;
    this.lastBody = NO_BYTES;
    if (held !== undefined) {
      const need = charLength(held[0]!) - held.length;
      if (bytes.length < need) {
        this.held = Buffer.concat([held, bytes]);
        return '';
      }
      this.held = undefined;
      const completed = Buffer.concat([held, bytes.subarray(0, need)]);
      head = this.text(completed);
      this.lastHead = completed;
      bytes = bytes.subarray(need);
    }
    const end = completeEnd(bytes);
    if (end < bytes.length) this.held = Buffer.from(bytes.subarray(end));
    const complete = bytes.subarray(0, end);
    const body = this.text(complete);
    this.lastBody = complete;
    return head === '' ? body : head + body;
  }

  /** The UTF-8 bytes of the text the last `decode` returned (valid until the next `decode`). */
  decodedBytes(): Buffer {
    const head = this.lastHead;
    return head === undefined ? this.lastBody : Buffer.concat([head, this.lastBody]);
  }

  /** The bytes held back so far: the start of a character whose rest has not come yet. */
  get pending(): Buffer | undefined {
    return this.held;
  }

  /** Ends the stream: a character left incomplete is an error. */
  end(): void {
    if (this.held !== undefined) throw this.invalid();
  }

  private text(bytes: Buffer): string {
    if (!isUtf8(bytes)) throw this.invalid();
    return bytes.toString('utf8');
  }
}
