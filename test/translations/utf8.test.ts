import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Decoder } from '../../src/translations/utf8';

function decodeIn(bytes: Buffer, cuts: number[]): string | undefined {
  const d = new Utf8Decoder();
  let out = '';
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
    const text = d.write(bytes.subarray(from, cut));
    if (text === undefined) return undefined;
    out += text;
    from = cut;
  }
  return d.end() ? out : undefined;
}

describe('streaming UTF-8 decoding', () => {
  it('decodes any text the same wherever the chunks are cut (emoji, Cyrillic, a BOM)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const withBom = `\uFEFF${text}`;
        expect(decodeIn(Buffer.from(withBom, 'utf8'), cuts)).toBe(withBom);
      }),
    );
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80, 0x42]],
    ['an invalid lead byte', [0x41, 0xff]],
    ['a truncated character at the end', [0x41, 0xd0]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate encoded in UTF-8', [0xed, 0xa0, 0x80]],
  ])('refuses %s', (_title, bytes) => {
    expect(decodeIn(Buffer.from(bytes), [])).toBeUndefined();
    expect(decodeIn(Buffer.from(bytes), [1])).toBeUndefined();
  });
});
