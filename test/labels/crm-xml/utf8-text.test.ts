import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Text } from '../../../src/labels/crm-xml/utf8-text';

/** What the reader did before: the standard decoder, strict, fed the same pieces ('invalid' when it refuses). */
function standard(pieces: readonly Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return pieces.map((p) => decoder.decode(p, { stream: true })).join('') + decoder.decode();
  } catch {
    return 'invalid';
  }
}

function fast(pieces: readonly Uint8Array[]): string {
  const text = new Utf8Text(() => new Error('invalid'));
  try {
    const out = pieces.map((p) => text.decode(p)).join('');
    text.end();
    return out;
  } catch {
    return 'invalid';
  }
}

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
  return at.slice(1).map((end, i) => bytes.subarray(at[i], end));
}

describe('decoding UTF-8 in pieces', () => {
  it('gives the text the standard decoder gives, wherever the pieces end', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (text, cuts) => {
          const pieces = split(Buffer.from(`\uFEFF${text}`, 'utf8'), cuts);
          const decoded = fast(pieces);
          expect(decoded).toBe(standard(pieces));
          expect(decoded).toBe(`\uFEFF${text}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses what the standard decoder refuses (broken, overlong, surrogate or cut-off sequences)', () => {
    const broken = fc.constantFrom(
      [0xc3],
      [0xe2, 0x82],
      [0xf0, 0x9f, 0x91],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf8, 0x88, 0x80, 0x80],
      [0x80],
      [0xff],
      [0xe2, 0x41, 0xac],
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        broken,
        fc.string({ maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (before, bad, after, cuts) => {
          const bytes = Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]);
          const pieces = split(bytes, cuts);
          expect(fast(pieces)).toBe('invalid');
          expect(standard(pieces)).toBe('invalid');
        },
      ),
      { numRuns: 500 },
    );
  });
});
