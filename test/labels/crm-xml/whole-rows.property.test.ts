/**
 * Rows read whole (one expression or one walk per row) against rows read tag by tag: over
 * generated rows, plain and odd, cut into pieces anywhere, both give the same labels, the same
 * patched bytes and the same errors.
 */
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrmKitError } from '../../../src/errors';
import type { Label, Lcid } from '../../../src/labels/crm-xml/model';
import { readTranslations } from '../../../src/labels/crm-xml/read';
import { sampleXml } from '../../../src/labels/crm-xml/sample';
import { escapeText } from '../../../src/xml/escape';
import { minimalXml } from './support';

const LANGUAGES = [1033, 1049, 1026];

/** Everything a read gives that a caller can see: labels, result, output bytes, or the error. */
interface Outcome {
  labels: { sheet: string; key: string; texts: [Lcid, string][] }[];
  result?: unknown;
  output: string;
  error?: { code: string; message: string };
}

/** How the input ends: as it is, cut at a point and followed by a byte UTF-8 never has, or failing there. */
type Ending = { kind: 'whole' } | { kind: 'bad-utf8' | 'failing-input'; at: number };

function* pieces(bytes: Buffer, cuts: readonly number[], ending: Ending): Generator<Buffer> {
  const input = ending.kind === 'whole' ? bytes : bytes.subarray(0, Math.min(ending.at, bytes.length));
  const body = ending.kind === 'bad-utf8' ? Buffer.concat([input, Buffer.from([0xff, 0x3c])]) : input;
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(cut, body.length);
    if (to > at) yield body.subarray(at, to);
    at = Math.max(at, to);
  }
  if (at < body.length) yield body.subarray(at);
  if (ending.kind === 'failing-input') throw new Error('the input failed');
}

/** Reads (and, with `patch`, rewrites every third label's 1049 text) one way or the other. */
async function outcome(
  xml: string,
  cuts: readonly number[],
  wholeRows: boolean,
  patch: boolean,
  ending: Ending = { kind: 'whole' },
): Promise<Outcome> {
  const bytes = Buffer.from(xml, 'utf8');
  const labels: Outcome['labels'] = [];
  const parts: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      parts.push(chunk);
      done();
    },
  });
  const label = (l: Label): ReadonlyMap<Lcid, string> | undefined => {
    labels.push({ sheet: l.sheet, key: `${l.entity}|${l.objectId}|${l.column}`, texts: [...l.texts] });
    if (!patch || labels.length % 3 !== 1) return undefined;
    return new Map([
      [1049, `new ${labels.length} & <x>\r\n`],
      [1026, `n${labels.length}`],
    ]);
  };
  try {
    const result = await readTranslations(
      pieces(bytes, cuts, ending),
      'test.xml',
      { label },
      patch ? out : undefined,
      { wholeRows },
    );
    return { labels, result, output: Buffer.concat(parts).toString('utf8') };
  } catch (e) {
    if (isCrmKitError(e)) return { labels, output: '', error: { code: e.code, message: e.message } };
    if (e instanceof Error && e.message === 'the input failed')
      return { labels, output: '', error: { code: 'INPUT', message: e.message } };
    throw e;
  }
}

/** Texts a cell may hold as they are (already escaped where needed). */
const benignText = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).map((s) => escapeText(s)) },
  { weight: 3, arbitrary: fc.constantFrom('Заказ', 'Поръчка 👍', '', '  spaced  ', 'a>b', 'x]]>y') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'a &amp; b',
      '&lt;t&gt;',
      'one&#10;two',
      'cr&#13;&#10;lf',
      'lit\r\nbreak',
      'lit\rcr',
      '&#x1F600;',
    ),
  },
);

/** Texts the tag-by-tag reader refuses or reads in its own way (entities, markup inside Data). */
const oddText = fc.constantFrom(
  '&nbsp;',
  'stray & amp',
  'bell&#7;',
  '<![CDATA[a<b]]>',
  '<Font>rich</Font>',
  '<!-- c -->t',
  'x<?pi?>y',
  '<B/>',
  '<!DOCTYPE x>',
);

const text = fc.oneof({ weight: 15, arbitrary: benignText }, { weight: 1, arbitrary: oddText });

const cellAttrs = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      '',
      '',
      ' ss:StyleID="s24"',
      ' ss:StyleID="s22"',
      ' ss:StyleID="s24" ',
      " ss:StyleID='s24'",
      ' ss:StyleID="a>b"',
      ' ss:MergeAcross="1"',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ' ss:Index="7"',
      ' ss:StyleID="s24" ss:Index="9"',
      ' ss:Index=3',
      ' x:Index="x"',
      ' ss:Index="1"',
    ),
  },
);

const dataAttrs = fc.constantFrom(
  ' ss:Type="String"',
  ' ss:Type="String"',
  ' ss:Type="Number"',
  '',
  " ss:Type='String'",
);

const space = fc.constantFrom('', '', '', ' ', '\r\n  ', '\t');

const cell = fc.oneof(
  {
    weight: 16,
    arbitrary: fc
      .tuple(cellAttrs, dataAttrs, text, space, space)
      .map(([a, d, t, s1, s2]) => `<Cell${a}>${s1}<Data${d}>${t}</Data>${s2}</Cell>`),
  },
  { weight: 2, arbitrary: cellAttrs.map((a) => `<Cell${a}/>`) },
  { weight: 1, arbitrary: cellAttrs.map((a) => `<Cell${a} />`) },
  { weight: 1, arbitrary: cellAttrs.map((a) => `<Cell${a}></Cell>`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<ss:Cell><ss:Data ss:Type="String">p</ss:Data></ss:Cell>',
      '<Cell><Data ss:Type="String">a</Data><Comment><Data>note</Data></Comment></Cell>',
      '<Cell><Data ss:Type="String"/></Cell>',
      '<Cell><Data ss:Type="String">a</Data><Data ss:Type="String">b</Data></Cell>',
      '<Cell><Data ss:Type="String">a</Cell>',
      '<Cell><Data ss:Type="String">a</Data ></Cell >',
      'junk',
      '<!-- between -->',
      '<Cells><Data ss:Type="String">a</Data></Cells>',
    ),
  },
);

const rowXml = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', ' ss:AutoFitHeight="0"', ' ss:AutoFitHeight="0" ss:Height="15"', " a='>'"),
        fc.array(fc.tuple(cell, space), { maxLength: 8 }),
        space,
      )
      .map(([a, cells, s]) => `<Row${a}>${s}${cells.map(([c, sp]) => c + sp).join('')}</Row>`),
  },
  { weight: 1, arbitrary: fc.constantFrom('<Row/>', '<Row></Row>', '<Row >\n</Row >', '<Rows></Rows>') },
);

/** A plain Dynamics-style row, so that most generated files mix both kinds. */
const plainRow = fc
  .array(text, { minLength: 6, maxLength: 6 })
  .map(
    (texts) =>
      `<Row ss:AutoFitHeight="0">${texts.map((t, i) => `<Cell ss:StyleID="s2${i < 3 ? 2 : 4}"><Data ss:Type="String">${i === 0 ? `e${t}` : t}</Data></Cell>`).join('')}</Row>`,
  );

const file = fc
  .array(fc.oneof({ weight: 4, arbitrary: plainRow }, { weight: 1, arbitrary: rowXml }), { maxLength: 12 })
  .map((rows) => minimalXml(rows.join(''), { languages: LANGUAGES }));

const cuts = fc.array(fc.nat({ max: 4000 }), { maxLength: 6 });

describe('rows read whole or tag by tag', () => {
  it('give the same labels, results and errors, wherever the pieces end', async () => {
    await fc.assert(
      fc.asyncProperty(file, cuts, async (xml, at) => {
        expect(await outcome(xml, at, true, false)).toEqual(await outcome(xml, at, false, false));
      }),
      { numRuns: 400 },
    );
  });

  it('patch the same bytes and refuse the same edits, wherever the pieces end', async () => {
    await fc.assert(
      fc.asyncProperty(file, cuts, async (xml, at) => {
        expect(await outcome(xml, at, true, true)).toEqual(await outcome(xml, at, false, true));
      }),
      { numRuns: 300 },
    );
  });

  it('let an error in a row still waiting for its end win over bad UTF-8 or a failing input after it', async () => {
    const ending = fc.record({
      kind: fc.constantFrom('bad-utf8' as const, 'failing-input' as const),
      at: fc.nat({ max: 4000 }),
    });
    await fc.assert(
      fc.asyncProperty(file, cuts, ending, async (xml, at, end) => {
        // The end falls a little after one of the cuts, so that a row is often left waiting.
        end.at = (at[0] ?? 0) + (end.at % 64);
        expect(await outcome(xml, at, true, false, end)).toEqual(await outcome(xml, at, false, false, end));
      }),
      { numRuns: 300 },
    );
  });

  it.each(['bad-utf8' as const, 'failing-input' as const])(
    'reports a bad tag in a row cut off by the end of a piece before a later %s',
    async (kind) => {
      const xml = minimalXml(
        '<Row><Cell><Data ss:Type="String">a</Data></Cell><Cell ss:Index=3><Data ss:Type="String">b</Data></Cell></Row>',
        { languages: LANGUAGES },
      );
      const cut = Buffer.from(xml).indexOf('<Data ss:Type="String">b');
      const ending: Ending = { kind, at: cut + 3 };
      const read = await outcome(xml, [cut], true, false, ending);
      expect(read.error?.message).toMatch(/^test\.xml: line 1: malformed attributes in <Cell>$/);
      expect(read).toEqual(await outcome(xml, [cut], false, false, ending));
    },
  );

  it('read a generated Dynamics-style file the same way, in 32 KB pieces or one byte at a time', async () => {
    const xml = [...sampleXml({ labels: 400 })].join('');
    const whole = await outcome(xml, [], true, true);
    expect(whole.labels).toHaveLength(404);
    expect(whole).toEqual(await outcome(xml, [], false, true));
    const everyByte = Array.from({ length: 3000 }, (_, i) => i * 7);
    expect(await outcome(xml, everyByte, true, true)).toEqual(whole);
  });
});
