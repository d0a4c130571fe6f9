import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleFile } from '../../src/labels/sample-file';
import { SAMPLE_CONTENT_TYPES } from '../../src/labels/crm-xml/sample';
import {
  crmkit,
  editWithSheetJs,
  files,
  findCell,
  setText,
  tempDir,
  XLSX,
  zipEntries,
  type CellRef,
  removeTempDirs,
} from '../labels/support';
import { minimalXml, readAll, row } from '../labels/crm-xml/support';

afterAll(removeTempDirs);

let dir = '';
let xml = '';
let name: CellRef;
let message: CellRef;

beforeAll(async () => {
  dir = tempDir();
  await writeSampleFile(path.join(dir, 'sample.zip'), { labels: 150 });
  await writeSampleFile(path.join(dir, 'other.zip'), { labels: 150, seed: 2 });
  xml = (await zipEntries(path.join(dir, 'sample.zip'))).get('CrmTranslations.xml')!.toString('utf8');
  expect((await crmkit(dir, 'labels', 'export', 'sample.zip', '-o', 'sample.xlsx')).code).toBe(0);
  const { labels } = await readAll(xml);
  const n = labels.find((l) => l.column === 'LocalizedName')!;
  const m = labels.find((l) => l.sheet === 'Display Strings' && l.texts.get(1033)!.includes('{0}'))!;
  name = { sheet: 'Localized Labels', objectId: n.objectId, column: n.column, lcid: 1049 };
  message = { sheet: 'Display Strings', objectId: m.objectId, lcid: 1049 };
});

function workspace(): string {
  const ws = tempDir('crmkit-ws-');
  for (const f of ['sample.zip', 'other.zip', 'sample.xlsx'])
    copyFileSync(path.join(dir, f), path.join(ws, f));
  return ws;
}

async function zipWith(ws: string, file: string, entries: Record<string, string | Buffer>): Promise<void> {
  const zip = new JSZip();
  for (const [entry, data] of Object.entries(entries)) zip.file(entry, data);
  writeFileSync(path.join(ws, file), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Runs the command and checks it failed with `code`, one message, and wrote nothing. */
async function expectRefused(ws: string, argv: string[], code: number, pattern: RegExp): Promise<string> {
  const before = files(ws);
  const res = await crmkit(ws, ...argv);
  expect(res.code, res.err).toBe(code);
  expect(res.err).toMatch(pattern);
  expect(res.out).toBe('');
  expect(files(ws)).toEqual(before);
  return res.err;
}

const exportTo = (input: string, ...more: string[]) => ['labels', 'export', input, '-o', 'out.xlsx', ...more];
const importInto = (books: string[], ...more: string[]) => [
  'labels',
  'import',
  ...books,
  '--into',
  'sample.zip',
  '-o',
  'out.zip',
  ...more,
];

describe('export refuses bad input with one line, a non-zero exit and no output', () => {
  it.each<[string, (ws: string) => Promise<void> | void, string[], number, RegExp]>([
    ['a missing file', () => undefined, exportTo('nope.zip'), 3, /^crmkit: nope\.zip: no such file\n$/],
    [
      'a file that is not a zip',
      (ws) => writeFileSync(path.join(ws, 'fake.zip'), 'hello'),
      exportTo('fake.zip'),
      3,
      /^crmkit: fake\.zip: not a zip file\n$/,
    ],
    [
      'a zip without CrmTranslations.xml',
      (ws) => zipWith(ws, 'empty.zip', { 'other.xml': '<a/>' }),
      exportTo('empty.zip'),
      3,
      /^crmkit: empty\.zip: no CrmTranslations\.xml at the root of the zip/,
    ],
    [
      'a truncated CrmTranslations.xml',
      (ws) => zipWith(ws, 'cut.zip', { 'CrmTranslations.xml': xml.slice(0, xml.length / 2) }),
      exportTo('cut.zip'),
      3,
      /^crmkit: cut\.zip › CrmTranslations\.xml: line 1: unexpected end of file/,
    ],
    [
      'a DOCTYPE with entities',
      (ws) =>
        zipWith(ws, 'dtd.zip', {
          'CrmTranslations.xml': xml.replace(
            '<?xml version="1.0"?>',
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
          ),
        }),
      exportTo('dtd.zip'),
      3,
      /^crmkit: dtd\.zip › CrmTranslations\.xml: line 1: DOCTYPE declarations are refused \(no entity expansion\)\n$/,
    ],
    [
      'an entry over the size limit',
      () => undefined,
      exportTo('sample.zip', '--max-size', '10KB'),
      3,
      /inflates past the limit of 10240 bytes \(raise it with --max-size\)/,
    ],
    [
      'a zip that lies about its sizes',
      (ws) => {
        const bytes = readFileSync(path.join(ws, 'sample.zip'));
        for (let i = 0; i + 4 <= bytes.length; i++) {
          if (bytes.readUInt32LE(i) === 0x04034b50) bytes.writeUInt32LE(10, i + 22);
          if (bytes.readUInt32LE(i) === 0x02014b50) bytes.writeUInt32LE(10, i + 24);
        }
        writeFileSync(path.join(ws, 'liar.zip'), bytes);
      },
      exportTo('liar.zip', '--max-size', '20KB'),
      3,
      /liar\.zip › CrmTranslations\.xml: inflates past the limit/,
    ],
    [
      'a zip with a ".." entry name',
      (ws) => zipWith(ws, 'slip.zip', { '../CrmTranslations.xml': xml, 'CrmTranslations.xml': xml }),
      exportTo('slip.zip'),
      3,
      /^crmkit: slip\.zip: entry name "\.\.\/.*" is an unsafe path; refusing the zip\n$/,
    ],
    [
      'an XML that is not a translations file',
      (ws) => writeFileSync(path.join(ws, 'x.xml'), '<html/>'),
      exportTo('x.xml'),
      3,
      /not a Dynamics translations file/,
    ],
    [
      'a language the file does not have',
      () => undefined,
      exportTo('sample.zip', '--lang', '1031'),
      2,
      /--lang 1031: .* has no column for it \(it has 1049, 1026, 1058\)/,
    ],
    [
      'an output that is not .xlsx',
      () => undefined,
      ['labels', 'export', 'sample.zip', '-o', 'out.csv'],
      2,
      /the workbook must be an \.xlsx file/,
    ],
  ])('refuses %s', async (_title, prepare, argv, code, pattern) => {
    const ws = workspace();
    await prepare(ws);
    await expectRefused(ws, argv, code, pattern);
  });
});

describe('import refuses bad edits with their place, a non-zero exit and no output', () => {
  it.each<[string, (wb: XLSX.WorkBook) => void, RegExp]>([
    [
      'a translation over 500 characters',
      (wb) => setText(wb, name, 'я'.repeat(501)),
      /sample\.xlsx › Localized Labels!F\d+: .*, 1049: 501 characters, Dynamics accepts at most 500 \[too-long\]/,
    ],
    [
      'a placeholder missing from the translation',
      (wb) => setText(wb, message, 'Запись сохранена.'),
      /sample\.xlsx › Display Strings!E\d+: .*, 1049: placeholder \{0\} of the base text is missing from the translation \[placeholder-missing\]/,
    ],
    [
      'a control character XML cannot carry',
      (wb) => setText(wb, name, 'bell\u0007'),
      /, 1049: character U\+0007 at position 5 cannot be carried by XML \[illegal-character\]/,
    ],
    [
      'a formula in a translation cell',
      (wb) => {
        wb.Sheets['Localized Labels']![findCell(wb, name)] = { t: 's', v: 'ab', f: '"a"&"b"' };
      },
      /sample\.xlsx › Localized Labels!F\d+: .*, 1049: a formula in the column "Русский \(1049\)"; .* \[formula\]/,
    ],
    [
      'a changed key cell',
      (wb) => {
        const address = findCell(wb, name).replace(/^[A-Z]+/, 'B');
        wb.Sheets['Localized Labels']![address] = { t: 's', v: '00000000-0000-0000-0000-000000000000' };
      },
      /sample\.xlsx › Localized Labels!A\d+: .* was changed.*; the row is ignored.* \[key-changed\]/,
    ],
  ])('refuses %s', async (_title, edit, pattern) => {
    const ws = workspace();
    editWithSheetJs(path.join(ws, 'sample.xlsx'), edit);
    const err = await expectRefused(ws, importInto(['sample.xlsx']), 4, pattern);
    expect(err.split('\n')[0]).toMatch(/^crmkit: 1 problem\(s\) in the workbooks; nothing was written$/);
  });

  it('refuses a translation of a label whose base text is empty', async () => {
    const ws = workspace();
    writeFileSync(path.join(ws, 'empty-base.xml'), minimalXml(row('account', 'a1', 'Description', '', '')));
    expect((await crmkit(ws, 'labels', 'export', 'empty-base.xml', '-o', 'e.xlsx')).code).toBe(0);
    editWithSheetJs(path.join(ws, 'e.xlsx'), (wb) =>
      setText(
        wb,
        { sheet: 'Localized Labels', objectId: 'a1', column: 'Description', lcid: 1049 },
        'Описание',
      ),
    );
    await expectRefused(
      ws,
      ['labels', 'import', 'e.xlsx', '--into', 'empty-base.xml', '-o', 'out.xml'],
      4,
      /e\.xlsx › Localized Labels!E2: account \/ a1 \/ Description, 1033: the base-language text is empty \[empty-base\]/,
    );
  });

  it('refuses a spreadsheet that is not a crmkit workbook', async () => {
    const ws = workspace();
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 'b']]), 'Sheet1');
    writeFileSync(
      path.join(ws, 'plain.xlsx'),
      XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
    );
    await expectRefused(
      ws,
      importInto(['plain.xlsx']),
      3,
      /^crmkit: plain\.xlsx: no "Localized Labels" or "Display Strings" sheet/,
    );
  });

  it('refuses a workbook exported from another file unless --force', async () => {
    const ws = workspace();
    await expectRefused(
      ws,
      ['labels', 'import', 'sample.xlsx', '--into', 'other.zip', '-o', 'out.zip'],
      4,
      /^crmkit: sample\.xlsx \(exported from sample\.zip\): exported from another translations file than other\.zip; use --force/,
    );
    editWithSheetJs(path.join(ws, 'sample.xlsx'), (wb) => setText(wb, name, 'Правка'));
    const res = await crmkit(
      ws,
      'labels',
      'import',
      'sample.xlsx',
      '--into',
      'other.zip',
      '-o',
      'out.zip',
      '--force',
    );
    expect(res.code).toBe(0);
    expect(res.err).toMatch(/^warning: sample\.xlsx: from another export; merged by key \(--force\)$/m);
    expect(res.err).toMatch(
      /^skipped: sample\.xlsx › .* is no longer in the file; the row was not imported$/m,
    );
    expect(files(ws)).toContain('out.zip');
  });

  it('refuses the same label changed differently in two workbooks, naming both', async () => {
    const ws = workspace();
    editWithSheetJs(
      path.join(ws, 'sample.xlsx'),
      (wb) => setText(wb, name, 'Вариант А'),
      path.join(ws, 'anna.xlsx'),
    );
    editWithSheetJs(
      path.join(ws, 'sample.xlsx'),
      (wb) => setText(wb, name, 'Вариант Б'),
      path.join(ws, 'boris.xlsx'),
    );
    const err = await expectRefused(
      ws,
      importInto(['anna.xlsx', 'boris.xlsx']),
      4,
      /^crmkit: 1 label\(s\) changed differently in two workbooks\n/,
    );
    expect(err).toMatch(
      /1049 changed differently in anna\.xlsx › Localized Labels!F\d+ \("Вариант А"\) and boris\.xlsx › Localized Labels!F\d+ \("Вариант Б"\)/,
    );
  });

  it('refuses to write over its input', async () => {
    const ws = workspace();
    await expectRefused(
      ws,
      ['labels', 'import', 'sample.xlsx', '--into', 'sample.zip', '-o', 'sample.zip'],
      2,
      /would overwrite the input sample\.zip/,
    );
  });
});

describe('import merges', () => {
  it("merges two translators' one-language workbooks and touches no other language", async () => {
    const ws = workspace();
    expect((await crmkit(ws, 'labels', 'export', 'sample.zip', '-o', 'ru.xlsx', '--lang', '1049')).code).toBe(
      0,
    );
    expect((await crmkit(ws, 'labels', 'export', 'sample.zip', '-o', 'bg.xlsx', '--lang', '1026')).code).toBe(
      0,
    );
    editWithSheetJs(path.join(ws, 'ru.xlsx'), (wb) => setText(wb, name, 'Русский текст'));
    editWithSheetJs(path.join(ws, 'bg.xlsx'), (wb) =>
      setText(wb, { ...name, lcid: 1026 }, 'Български текст'),
    );
    const res = await crmkit(ws, ...importInto(['ru.xlsx', 'bg.xlsx']));
    expect(res.out).toBe('Imported 2 workbook(s) into out.zip: 2 label text(s) changed (1049: 1, 1026: 1)\n');
    const before = await readAll(xml);
    const after = await readAll((await zipEntries(path.join(ws, 'out.zip'))).get('CrmTranslations.xml')!);
    const diff = after.labels.flatMap((l, i) =>
      [...l.texts]
        .filter(([lcid, t]) => before.labels[i]!.texts.get(lcid) !== t)
        .map(([lcid, t]) => `${l.objectId} ${lcid} ${t}`),
    );
    expect(diff).toEqual([`${name.objectId} 1049 Русский текст`, `${name.objectId} 1026 Български текст`]);
  });

  it('accepts the same edit made in two workbooks', async () => {
    const ws = workspace();
    editWithSheetJs(
      path.join(ws, 'sample.xlsx'),
      (wb) => setText(wb, name, 'Одинаково'),
      path.join(ws, 'a.xlsx'),
    );
    editWithSheetJs(
      path.join(ws, 'sample.xlsx'),
      (wb) => setText(wb, name, 'Одинаково'),
      path.join(ws, 'b.xlsx'),
    );
    const res = await crmkit(ws, ...importInto(['a.xlsx', 'b.xlsx']));
    expect(res.code).toBe(0);
    expect(res.out).toContain('1 label text(s) changed (1049: 1)');
  });

  it('copies [Content_Types].xml byte for byte', async () => {
    const ws = workspace();
    await crmkit(ws, ...importInto(['sample.xlsx']));
    expect((await zipEntries(path.join(ws, 'out.zip'))).get('[Content_Types].xml')!.toString()).toBe(
      SAMPLE_CONTENT_TYPES,
    );
  });
});
