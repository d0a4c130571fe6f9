/**
 * Strict, fast UTF-8 decoding of a byte stream in chunks: a chunk is cut after its last complete
 * character (the rest waits for the next chunk), checked with `isUtf8` and decoded with Node's
 * SIMD decoder. Unlike TextDecoder it is several times faster on 100 MB; like `fatal: true` it
 * refuses invalid bytes (so re-encoding the text gives back exactly the input), and it keeps a BOM.
 */
import { isUtf8 } from 'node:buffer';

/** Bytes of `b` that end on a character boundary. */
function completeLength(b: Buffer): number {
  let i = b.length - 1;
  while (i >= 0 && b.length - i <= 4 && ((b[i] ?? 0) & 0xc0) === 0x80) i--;
  if (i < 0 || b.length - i > 4) return b.length;
  const lead = b[i] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return b.length - i >= need ? b.length : i;
}

export class Utf8Decoder {
  private carry: Buffer | undefined;

  /** Decodes what can be decoded; returns undefined when the bytes are not UTF-8. */
  write(bytes: Uint8Array): string | undefined {
    const chunk: Buffer =
      this.carry === undefined
        ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        : Buffer.concat([this.carry, bytes]);
    const n = completeLength(chunk);
    this.carry = n === chunk.length ? undefined : Buffer.from(chunk.subarray(n));
    const part = chunk.subarray(0, n);
    return isUtf8(part) ? part.toString('utf8') : undefined;
  }

  /** True when nothing incomplete is left over. */
  end(): boolean {
    return this.carry === undefined;
  }
}
