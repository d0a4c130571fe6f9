/**
 * The 64-bit hash of format 2 row tokens (token.ts): two 32-bit lanes over the same input, each
 * a MurmurHash3-style round per UTF-16 code unit (multiply, rotate, multiply, mix in, rotate,
 * multiply-add) with its own constants, then MurmurHash3's finaliser. Every text is followed by
 * its length, so a sequence of texts cannot read as another (`ab`,`c` vs `a`,`bc`). Not
 * cryptographic: it tells an edited row from the one exported, which no one gains by forging.
 * Hashing in place, with no string built per row, costs a fraction of a native SHA-1 call.
 */

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Two hex digits of each byte (formatting with toString costs more than the hashing). */
const HEX = Array.from({ length: 256 }, (_, v) => v.toString(16).padStart(2, '0'));

function hex8(h: number): string {
  return HEX[h >>> 24]! + HEX[(h >>> 16) & 255]! + HEX[(h >>> 8) & 255]! + HEX[h & 255]!;
}

/** One hash at a time: start, add texts and numbers in order, then read hex(). */
export class RowHash {
  private a = 0;
  private b = 0;
  /** Units and numbers added. */
  private n = 0;

  start(seed: number): void {
    this.a = seed | 0;
    this.b = (seed ^ 0x5bd1e995) | 0;
    this.n = 0;
  }

  /** Adds a text and then its length; `crlf` counts CR LF as LF (line breaks normalised). */
  text(text: string, crlf: boolean): void {
    let a = this.a;
    let b = this.b;
    let length = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (crlf && unit === 13 && text.charCodeAt(i + 1) === 10) continue;
      let k = Math.imul(unit, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      a ^= k;
      a = (Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64) | 0;
      let j = Math.imul(unit, 0x9e3779b1);
      j = Math.imul((j << 13) | (j >>> 19), 0x85ebca77);
      b ^= j;
      b = (Math.imul((b << 17) | (b >>> 15), 9) + 0x7f4a7c15) | 0;
      length++;
    }
    this.a = a;
    this.b = b;
    this.n += length;
    this.number(length);
  }

  /** Adds a number (a length, a language code): one 32-bit block. */
  number(value: number): void {
    let k = Math.imul(value, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    this.a ^= k;
    this.a = (Math.imul((this.a << 13) | (this.a >>> 19), 5) + 0xe6546b64) | 0;
    let j = Math.imul(value, 0x9e3779b1);
    j = Math.imul((j << 13) | (j >>> 19), 0x85ebca77);
    this.b ^= j;
    this.b = (Math.imul((this.b << 17) | (this.b >>> 15), 9) + 0x7f4a7c15) | 0;
    this.n++;
  }

  /** The hash of everything added since start() as one number of 53 bits (a safe integer), for in-memory sets. */
  number53(): number {
    return fmix(this.a ^ this.n) * 0x200000 + (fmix(this.b ^ this.n) & 0x1fffff);
  }

  /** The hash of everything added since start(): 16 lower-case hex digits. */
  hex(): string {
    return hex8(fmix(this.a ^ this.n)) + hex8(fmix(this.b ^ this.n));
  }
}
