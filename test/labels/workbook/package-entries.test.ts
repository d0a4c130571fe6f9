import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Chunks } from '../../../src/labels/workbook/package-entries';

async function decodeInPieces(bytes: Buffer, cuts: readonly number[]): Promise<string[]> {
  function* pieces(): Generator<Buffer> {
    let from = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      yield bytes.subarray(from, Math.max(from, cut));
      from = Math.max(from, cut);
    }
    yield bytes.subarray(from);
  }
  const out: string[] = [];
  for await (const text of utf8Chunks(pieces())) out.push(text);
  return out;
}

describe('utf8Chunks', () => {
  it('never splits a character, wherever the chunks of UTF-8 end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (text, cutsAt) => {
          const bytes = Buffer.from(text, 'utf8');
          const cuts = cutsAt.map((c) => c % (bytes.length + 1));
          const texts = await decodeInPieces(bytes, cuts);
          expect(texts.join('')).toBe(text);
          for (const t of texts) expect(t).not.toContain('\uFFFD');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('decodes any bytes, UTF-8 or not, as the standard decoder does, wherever the chunks end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 8 }).map((t) => [...Buffer.from(t, 'utf8')]),
            fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 3 }),
          ),
          { maxLength: 8 },
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (parts, cutsAt) => {
          const bytes = Buffer.from(parts.flat());
          const cuts = cutsAt.map((c) => c % (bytes.length + 1));
          const standard = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
          expect((await decodeInPieces(bytes, cuts)).join('')).toBe(standard);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['half of a two-byte character', 'aЖb', [2]],
    ['three bytes of a four-byte emoji', 'a🚀b', [4]],
    ['a byte order mark, kept for the scanner to skip', '\uFEFF<a/>', [1]],
  ])('decodes text cut inside %s', async (_what, text, cuts) => {
    expect((await decodeInPieces(Buffer.from(text), cuts)).join('')).toBe(text);
  });
});
