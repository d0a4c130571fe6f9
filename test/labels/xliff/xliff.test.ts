import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readXliff,
  writeXliff,
  type XliffFileInfo,
  type XliffUnit,
  type XliffVersion,
} from '../../../src/labels/xliff';
import { XML_ILLEGAL } from '../../../src/xml/entities';
import { keyOfUnitName, unitName } from '../../../src/labels/xliff/key';
import { pocount, pofilterBraces, schemaErrors, translateToolkitSkip, withFile, xmllintSkip } from './tools';

const fixtures = path.resolve(__dirname, '../../fixtures/xliff');
const info = (version: XliffVersion): XliffFileInfo => ({
  version,
  sourceName: 'CrmTranslations_Contoso_1_0_0_0.zip',
  fingerprint: 'ab'.repeat(32),
  solutionName: 'Contoso',
  baseLcid: 1033,
  targetLcid: 1049,
});

/** A unit of `entity / objectId / column` (Display Strings when `column` is ''). */
function unit(
  [entity, objectId, column]: readonly [string, string, string],
  source: string,
  target: string | undefined,
  state: XliffUnit['state'],
  more: Partial<XliffUnit> = {},
): XliffUnit {
  const sheet = column === '' ? 'Display Strings' : 'Localized Labels';
  return { key: { sheet, entity, objectId, column }, source, target, state, notes: [], ...more };
}

const units: XliffUnit[] = [
  unit(['account', '0b1c', 'DisplayName'], 'Page {0} of {1}', 'Страница {0} из {1}', 'translated', {
    notes: ['Column label', 'table: account'],
  }),
  unit(['Workflow Categories', 'x/y', 'name'], ' Two\r\nlines & <tags> ', undefined, 'untranslated'),
  unit(['contact', 'Msg.Save', ''], 'Saved {0}', 'Сохранено {0}', 'needs-review', {
    notes: ['from memory: old.tmx'],
  }),
  unit(['contact', 'Msg.Mt', ''], '{0} rows', '{0} строк', 'needs-review', { qualifier: 'mt-suggestion' }),
];

describe('XLIFF writer and reader', () => {
  it.each(['1.2', '2.0'] as const)('reads back every key, text and state it wrote in XLIFF %s', (version) => {
    const read = readXliff(writeXliff(units, info(version)), 'ru.xlf');
    expect(read.header).toMatchObject(info(version));
    expect(read.units.map((u) => [u.key, u.source, u.target, u.placeholderProblems])).toEqual(
      units.map((u) => [u.key, u.source, u.target, []]),
    );
    const states = read.units.map((u) => [u.state, u.qualifier, u.approved]);
    expect(states).toEqual(
      version === '1.2'
        ? [
            ['translated', undefined, true],
            [undefined, undefined, false],
            ['needs-review-translation', 'leveraged-tm', false],
            ['needs-review-translation', 'mt-suggestion', false],
          ]
        : [
            ['final', undefined, false],
            ['initial', undefined, false],
            ['translated', 'crmkit:leveraged-tm', false],
            ['translated', 'crmkit:mt', false],
          ],
    );
  });

  it('writes the key readable in resname, limits to 500 characters and preserves whitespace (1.2)', () => {
    const xml = writeXliff(units, info('1.2'));
    expect(xml).toContain(
      '<trans-unit id="1" resname="Localized Labels/account/0b1c/DisplayName" maxwidth="500" size-unit="char" xml:space="preserve" approved="yes">',
    );
    expect(xml).toContain('<source>Page <ph id="1">{0}</ph> of <ph id="2">{1}</ph></source>');
    expect(xml).toContain('<source> Two&#13;\nlines &amp; &lt;tags&gt; </source></trans-unit>');
    expect(xml).toContain('target-language="ru-RU"');
  });

  it('gives a moved placeholder of the target the id of the same placeholder in the source', () => {
    const xml = writeXliff([{ ...units[0]!, target: '{1}: {0}' }], info('2.0'));
    expect(xml).toContain(
      '<target><ph id="2" equiv="{1}" disp="{1}"/>: <ph id="1" equiv="{0}" disp="{0}"/></target>',
    );
  });

  it.each([
    ['Localized Labels', 'a/b', '50%', 'Display/Name'],
    ['Display Strings', 'account', 'Msg/%2F', ''],
  ] as const)('reads the %s key back from its unit name exactly', (sheet, entity, objectId, column) => {
    const key = { sheet, entity, objectId, column };
    expect(keyOfUnitName(unitName(key))).toEqual(key);
  });

  it('restores placeholders for any text and any order the translator puts them in (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('{0}', '{1}', '{2}', '{10}', ' ', '\r\n', '&', '<', 'ё', '🚀', '{', '}', '{x}'),
      fc.string({ unit: 'binary', maxLength: 5 }).filter((s) => !XML_ILLEGAL.test(s)),
    );
    const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, fc.constantFrom<XliffVersion>('1.2', '2.0'), (source, target, version) => {
        const unit: XliffUnit = { ...units[0]!, source, target, state: 'translated' };
        const [read] = readXliff(writeXliff([unit], info(version)), 'p.xlf').units;
        expect(read?.source).toBe(source);
        expect(read?.target).toBe(target === '' ? undefined : target);
        // Every placeholder of the source used once in the target: nothing to report; else reported.
        const codes = (t: string): string =>
          [...t.matchAll(/\{\d+\}/g)]
            .map((m) => m[0])
            .sort()
            .join();
        const same = target === '' || codes(source) === codes(target);
        expect(read?.placeholderProblems.length === 0).toBe(same);
      }),
    );
  });
});

describe('XLIFF as CAT tools re-save it', () => {
  it('reads a 1.2 file with prefixes, reordered attributes, alt-trans, approved, segments and foreign namespaces', () => {
    const read = readXliff(readFileSync(path.join(fixtures, 'resaved-1.2.xlf'), 'utf8'), 'resaved-1.2.xlf');
    expect(read.header).toMatchObject({ version: '1.2', fingerprint: 'f00d', targetLcid: 1049 });
    expect(read.units.map((u) => [u.key?.objectId, u.source, u.target, u.approved, u.notes])).toEqual([
      [
        '0b1c',
        'Account {0} of {1}',
        'Организация {1} из {0}',
        true,
        ['Column label', "Use the client's termbase"],
      ],
      ['Msg/1', 'Line one\r\nline two & <three>', 'Строка \r\nдва', false, []],
      ['9f', 'Not yet', undefined, false, []],
    ]);
  });

  it('reads a 2.0 file whose unit a tool split into segments, with matches, markers and code points', () => {
    const read = readXliff(readFileSync(path.join(fixtures, 'resaved-2.0.xlf'), 'utf8'), 'resaved-2.0.xlf');
    expect(read.header).toMatchObject({ version: '2.0', fingerprint: 'f00d', solutionName: 'Contoso' });
    expect(read.units.map((u) => [u.source, u.target, u.state, u.placeholderProblems])).toEqual([
      ['Account {0} of {1}', 'Организация из {1} и {0}🚀', 'reviewed', []],
    ]);
  });

  it.each([
    [
      'dropped',
      '<target>Страница <ph id="1">{0}</ph></target>',
      'the placeholder {1} (<ph id="2">) was dropped',
    ],
    [
      'renumbered',
      '<target><ph id="1">{1}</ph> <ph id="2">{0}</ph></target>',
      "holds {1}, the source's holds {0} (renumbered)",
    ],
    [
      'added',
      '<target><ph id="1"/> <ph id="2"/> <ph id="9">{5}</ph></target>',
      'the placeholder <ph id="9">{5}</ph> is not in the source',
    ],
  ])('names a placeholder the translator %s', (_what, target, problem) => {
    const xml = writeXliff([units[0]!], info('1.2')).replace(/<target [^>]*>.*<\/target>/, target);
    const [unit] = readXliff(xml, 'ru.xlf').units;
    expect(unit?.placeholderProblems.join('; ')).toContain(problem);
  });
});

describe('hostile or malformed XLIFF', () => {
  it.each([
    [
      'a DOCTYPE',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff/>',
      'XML_DOCTYPE',
      'ru.xlf:1: not a valid XLIFF file: a DOCTYPE is not allowed',
    ],
    [
      'an unknown entity',
      `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="en" datatype="plaintext"><body><trans-unit id="1"><source>&lol;</source></trans-unit></body></file></xliff>`,
      'XLIFF_MALFORMED',
      'ru.xlf:1: not a valid XLIFF file:',
    ],
    [
      'another root',
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
      'XLIFF_MALFORMED',
      'ru.xlf:1: not a valid XLIFF file: the root element is <Workbook> in urn:schemas-microsoft-com:office:spreadsheet, expected <xliff>',
    ],
    ['an empty file', '', 'XLIFF_MALFORMED', 'ru.xlf:1: not a valid XLIFF file: the file is empty'],
    [
      'unclosed XML',
      '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file>',
      'XLIFF_MALFORMED',
      'ru.xlf:1: not a valid XLIFF file:',
    ],
  ])('refuses %s naming the file and line', (_name, text, code, message) => {
    let error: unknown;
    try {
      readXliff(text, 'ru.xlf');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code });
    expect((error as Error).message.startsWith(message), (error as Error).message).toBe(true);
  });
});

describe.skipIf(xmllintSkip !== undefined)('XLIFF against the OASIS schemas (xmllint)', () => {
  it.each(['1.2', '2.0'] as const)('validates XLIFF %s, also without units', (version) => {
    for (const list of [units, []]) {
      const errors = withFile('f.xlf', writeXliff(list, info(version)), (file) =>
        schemaErrors(file, version),
      );
      expect(errors).toBe('');
    }
  });
});

describe.skipIf(translateToolkitSkip !== undefined)('XLIFF 1.2 read by translate-toolkit', () => {
  it('counts translated, fuzzy and untranslated units and finds no broken placeholder', () => {
    withFile('f.xlf', writeXliff(units, info('1.2')), (file, dir) => {
      expect(pocount(file)).toEqual({ total: 4, translated: 1, fuzzy: 2, untranslated: 1 });
      expect(pofilterBraces(file, dir)).toBe('');
    });
  });

  it('reports a placeholder a translator added (the check does fire)', () => {
    const xml = writeXliff([units[0]!], info('1.2')).replace('из <ph id="2">{1}</ph>', 'из {7}');
    withFile('f.xlf', xml, (file, dir) => expect(pofilterBraces(file, dir)).toContain('pythonbraceformat'));
  });
});
