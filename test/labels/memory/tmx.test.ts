import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMemory, type TranslationMemory } from '../../../src/labels/memory/memory';
import { readTmx } from '../../../src/labels/memory/tmx-read';
import { tmxChunks } from '../../../src/labels/memory/tmx-write';
import { addTmxUnitToMemory } from '../../../src/labels/memory/suggest';
import { lcidOfTag, tagOfLcid } from '../../../src/labels/memory/languages';
import { isCrmKitError } from '../../../src/errors';
import { firstIllegalCharacter } from '../../../src/labels/check/text-rules';

async function* chunksOf(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const p of parts) yield p;
  await Promise.resolve();
}

function write(memory: TranslationMemory, baseLcid = 1033): string {
  return [
    ...tmxChunks(memory.units(), {
      baseLcid,
      createdAt: new Date('2026-11-25T10:00:00Z'),
      toolVersion: '0.1.0',
    }),
  ].join('');
}

async function read(text: string | Uint8Array, fileName = 'memory.tmx'): Promise<TranslationMemory> {
  const memory = createMemory();
  await readTmx(chunksOf(text), fileName, (unit, header) =>
    addTmxUnitToMemory(memory, unit, header, fileName),
  );
  return memory;
}

async function errorOf(text: string): Promise<string> {
  try {
    await read(text);
  } catch (e) {
    if (isCrmKitError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('TMX 1.4', () => {
  it('writes a header with the source language and one unit per base text', () => {
    const memory = createMemory();
    memory.add(1033, 'Save & close', 1049, 'Сохранить и закрыть', 'CrmTranslations_A_1_0.zip');
    memory.add(1033, 'Save & close', 1026, 'Запази и затвори', 'CrmTranslations_A_1_0.zip');
    const tmx = write(memory);
    expect(tmx).toContain('<tmx version="1.4">');
    expect(tmx).toContain('srclang="en-US"');
    expect(tmx).toContain('creationdate="20261125T100000Z"');
    expect(tmx).toContain('<tuv xml:lang="en-US"><seg>Save &amp; close</seg></tuv>');
    expect(tmx).toContain(
      '<tuv xml:lang="ru-RU"><prop type="x-crmkit-source">CrmTranslations_A_1_0.zip</prop><seg>Сохранить и закрыть</seg></tuv>',
    );
  });

  it('reads back every translation with its source, for any Unicode text', async () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .filter((s) => s.trim() !== '' && firstIllegalCharacter(s) === undefined);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(text, text, text), {
          selector: (t) => t[0].replace(/\r\n/g, '\n'),
          maxLength: 8,
        }),
        async (rows) => {
          const memory = createMemory();
          for (const [base, ru, bg] of rows) {
            memory.add(1033, base, 1049, ru, 'a.zip');
            memory.add(1033, base, 1026, bg, 'b.xlsx');
          }
          const back = await read(write(memory));
          for (const [base, ru, bg] of rows) {
            expect(back.lookup(1033, base, 1049)).toEqual({
              text: ru.replace(/\r\n/g, '\n'),
              source: 'a.zip',
            });
            expect(back.lookup(1033, base, 1026)).toEqual({
              text: bg.replace(/\r\n/g, '\n'),
              source: 'b.xlsx',
            });
          }
          expect(back.size).toBe(memory.size);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps a lone carriage return and a tab through the file', async () => {
    const memory = createMemory();
    memory.add(1033, 'a\rb\tc', 1049, 'а\rб\tв', 'x');
    expect((await read(write(memory))).lookup(1033, 'a\rb\tc', 1049)?.text).toBe('а\rб\tв');
  });

  it('reads TMX written by other tools: UTF-16 with BOM, lang attribute, inline codes, no source prop', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?>
<tmx version="1.1"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1"/>
<body><tu><tuv lang="EN-US"><seg>Delete <ph>{0}</ph>?</seg></tuv><tuv lang="ru"><seg>Удалить <ph>{0}</ph>?</seg></tuv><tuv lang="zz-ZZ"><seg>?</seg></tuv></tu></body></tmx>`;
    const bytes = new Uint8Array(2 + xml.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < xml.length; i++) {
      bytes[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    const memory = await read(bytes, 'other.tmx');
    expect(memory.lookup(1033, 'Delete {0}?', 1049)).toEqual({ text: 'Удалить {0}?', source: 'other.tmx' });
    expect(memory.size).toBe(1);
  });

  it.each([
    [
      'a DOCTYPE',
      '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x "boom">]>\n<tmx version="1.4"/>',
      'memory.tmx:2: not a valid TMX file: a DOCTYPE is not allowed',
    ],
    [
      'an undefined entity',
      '<tmx version="1.4">\n<header srclang="en-US"/>\n<body><tu><tuv xml:lang="en-US"><seg>&x;</seg></tuv></tu></body></tmx>',
      'memory.tmx:3: not a valid TMX file:',
    ],
    [
      'another root',
      '<?xml version="1.0"?>\n<Workbook/>',
      'memory.tmx:2: not a valid TMX file: the root element is <Workbook>, expected <tmx>',
    ],
    [
      'a tuv without language',
      '<tmx version="1.4">\n<header srclang="en-US"/>\n<body>\n<tu><tuv><seg>a</seg></tuv></tu></body></tmx>',
      'memory.tmx:4: not a valid TMX file: <tuv> has no xml:lang attribute',
    ],
    [
      'a header without srclang',
      '<tmx version="1.4">\n<header/>\n<body/></tmx>',
      'memory.tmx:2: not a valid TMX file: <header> has no srclang attribute',
    ],
    [
      'a truncated file',
      '<tmx version="1.4">\n<header srclang="en-US"/>\n<body>\n<tu><tuv xml:lang="en-US"><seg>a',
      'memory.tmx:4: not a valid TMX file:',
    ],
    [
      'an unknown version',
      '<tmx version="2.0"><header srclang="en-US"/><body/></tmx>',
      'memory.tmx:1: not a valid TMX file: TMX version "2.0" is not supported',
    ],
    ['an empty file', '', 'memory.tmx:1: not a valid TMX file: the file is empty'],
    [
      'markup inside a segment',
      '<tmx version="1.4"><header srclang="en-US"/><body><tu><tuv xml:lang="en-US"><seg><b>x</b></seg></tuv></tu></body></tmx>',
      'memory.tmx:1: not a valid TMX file: <b> is not allowed inside <seg>',
    ],
  ])('refuses %s as TMX_MALFORMED naming file and line', async (_name, text, message) => {
    const error = await errorOf(text);
    expect(error.startsWith(`TMX_MALFORMED: ${message}`), error).toBe(true);
    expect(error).not.toContain('\n');
  });

  it('maps LCIDs to tags and back, including LCIDs it has no name for', () => {
    expect([1033, 1049, 1026, 1058].map(tagOfLcid)).toEqual(['en-US', 'ru-RU', 'bg-BG', 'uk-UA']);
    expect(tagOfLcid(9999)).toBe('x-lcid-9999');
    expect(['ru-RU', 'RU', 'uk_UA', 'x-lcid-9999', 'tlh'].map(lcidOfTag)).toEqual([
      1049,
      1049,
      1058,
      9999,
      undefined,
    ]);
  });
});
