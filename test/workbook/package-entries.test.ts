import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeUtf8Length } from '../../src/workbook/package-entries';

describe('completeUtf8Length', () => {
  it('never splits a character, wherever a chunk of UTF-8 ends', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(), (text, cutAt) => {
        const bytes = Buffer.from(text, 'utf8');
        const cut = bytes.length === 0 ? 0 : cutAt % (bytes.length + 1);
        const first = bytes.subarray(0, cut);
        const end = completeUtf8Length(first);
        expect(end).toBeLessThanOrEqual(cut);
        expect(cut - end).toBeLessThan(4);
        const decoded =
          first.toString('utf8', 0, end) +
          Buffer.concat([first.subarray(end), bytes.subarray(cut)]).toString('utf8');
        expect(decoded).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['ascii', Buffer.from('abc'), 3],
    ['a whole two-byte character', Buffer.from('aЖ'), 3],
    ['half of a two-byte character', Buffer.from('aЖ').subarray(0, 2), 1],
    ['three bytes of a four-byte emoji', Buffer.from('a🚀').subarray(0, 4), 1],
    ['a whole emoji', Buffer.from('🚀'), 4],
  ])('decodes up to the end of %s', (_what, buf, expected) => {
    expect(completeUtf8Length(buf)).toBe(expected);
  });
});
