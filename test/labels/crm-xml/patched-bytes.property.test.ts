/**
 * The patched file is written as the input's own bytes where nothing changed (patched-bytes.ts):
 * over generated files with multi-byte characters, entities and literal line breaks, cut into
 * pieces at any byte (inside a character too), with edits anywhere including the first and the
 * last row, the output is the input with exactly the edited cells' text replaced.
 */
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTranslations } from '../../../src/labels/crm-xml/read';
import { encodeXmlText } from '../../../src/labels/crm-xml/xml-text';
import { XML_ILLEGAL } from '../../../src/xml/entities';
import { escapeText } from '../../../src/xml/escape';
import { minimalXml } from './support';

/** Raw cell texts as a file may hold them (no ✓: edited texts start with one, so they always differ). */
const rawText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }).map((s) => escapeText(s)) },
      {
        weight: 4,
        arbitrary: fc.constantFrom('Заказ', 'Поръчка', 'Замовлення', '👍', '日本語', 'é', '\u00a0', '𝄞x'),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom('&amp;', '&lt;t&gt;', '&#10;', '&#13;&#10;', '&#x1F600;', '\r\n', '\n'),
      },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** New texts: anything XML can carry, with the characters that need escaping. */
const newText = fc
  .array(
    fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('&', '<', '>', '\r\n', '\r', 'Ж', '😀', '"')),
    {
      maxLength: 5,
    },
  )
  .map(
    (parts) =>
      `✓${Array.from(parts.join(''))
        .filter((ch) => !XML_ILLEGAL.test(ch))
        .join('')}`,
  );

const row = (id: number, texts: readonly string[]): string =>
  `<Row ss:AutoFitHeight="0">${['e', `id${id}`, 'c', ...texts]
    .map((t, i) => `<Cell ss:StyleID="s2${i < 3 ? 2 : 4}"><Data ss:Type="String">${t}</Data></Cell>`)
    .join('')}</Row>`;

const file = fc
  .record({
    rows: fc.array(fc.tuple(rawText, rawText), { minLength: 1, maxLength: 30 }),
    bom: fc.boolean(),
    edits: fc.array(fc.tuple(fc.nat(), newText), { maxLength: 8 }),
    firstAndLast: fc.boolean(),
    cuts: fc.array(fc.nat(), { maxLength: 40 }),
  })
  .map(({ rows, bom, edits, firstAndLast, cuts }) => {
    const edited = new Map<number, string>(edits.map(([i, t]) => [i % rows.length, t]));
    if (firstAndLast) {
      edited.set(0, '✓first Ω');
      edited.set(rows.length - 1, '✓last 😀 & <');
    }
    const prolog = `${bom ? '\uFEFF' : ''}<?xml version="1.0"?>`;
    const options = { prolog, languages: [1033, 1049] };
    const input = minimalXml(rows.map(([a, b], i) => row(i, [a, b])).join('\r\n'), options);
    const expected = minimalXml(
      rows
        .map(([a, b], i) => {
          const text = edited.get(i);
          return row(i, [a, text === undefined ? b : encodeXmlText(text)]);
        })
        .join('\r\n'),
      options,
    );
    return { input, expected, edited, cuts };
  });

function* pieces(bytes: Buffer, cuts: readonly number[]): Generator<Buffer> {
  let at = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    if (cut > at) yield bytes.subarray(at, cut);
    at = Math.max(at, cut);
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

async function patched(
  input: string,
  edited: ReadonlyMap<number, string>,
  cuts: readonly number[],
): Promise<Buffer> {
  const parts: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      parts.push(Buffer.from(chunk));
      done();
    },
  });
  await readTranslations(
    pieces(Buffer.from(input, 'utf8'), cuts),
    'test.xml',
    {
      label: (l) => {
        const text = edited.get(Number(l.objectId.slice(2)));
        return text === undefined ? undefined : new Map([[1049, text]]);
      },
    },
    out,
  );
  return Buffer.concat(parts);
}

describe('a patched file written as the input bytes where nothing changed', () => {
  it('is the input with exactly the edited texts replaced, wherever the pieces end', async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ input, expected, edited, cuts }) => {
        const output = await patched(input, edited, cuts);
        expect(output.equals(Buffer.from(expected, 'utf8'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back the input byte for byte when nothing is edited, in pieces of one byte too', async () => {
    const input = minimalXml(`${row(0, ['Заказ 👍', 'a &amp; b&#10;'])}\r\n${row(1, ['日本語', '\r\n𝄞'])}`, {
      prolog: '\uFEFF<?xml version="1.0"?>',
    });
    const bytes = Buffer.from(input, 'utf8');
    const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
    expect((await patched(input, new Map(), everyByte)).equals(bytes)).toBe(true);
    expect((await patched(input, new Map(), [])).equals(bytes)).toBe(true);
  });
});
