import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translationsXml, translationsZip, type FixtureLabel } from '../fixtures/crm-xml/translations';
import { cliWorkspace } from './support';

const work = cliWorkspace('crmkit-qa-');
const { cli } = work;

/** Every problem kind of `labels check`, planted once (plus clean rows that must stay silent). */
const planted: FixtureLabel[] = [
  {
    sheet: 'Display Strings',
    entity: 'Messages',
    objectId: 'SaveFailed',
    texts: {
      1033: 'Could not save {0}: {1}',
      1049: 'Не удалось сохранить {0}',
      1026: 'Неуспешно записване на {1}: {2}',
    },
  },
  { entity: 'account', objectId: 'a1', texts: { 1033: 'Account', 1049: 'Организация', 1026: 'Организация' } },
  { entity: 'account', objectId: 'a2', column: 'Description', texts: { 1033: '', 1049: 'Описание' } },
  {
    entity: 'account',
    objectId: 'a3',
    column: 'Description',
    texts: { 1033: 'Short', 1049: 'я'.repeat(501) },
  },
  { entity: 'account', objectId: 'a4', texts: { 1033: 'Mobile Phone', 1049: 'Мобильный телефон ' } },
  { entity: 'account', objectId: 'a5', texts: { 1033: 'Fax', 1049: 'Fax' } },
  { entity: 'account', objectId: 'a6', texts: { 1033: 'Microsoft Teams', 1049: 'Microsoft Teams' } },
  { entity: 'contact', objectId: 'c2', texts: { 1033: 'Email', 1049: 'Эл. почта' } },
  { entity: 'lead', objectId: 'l1', texts: { 1033: 'Email', 1049: 'Электронная почта' } },
  {
    entity: 'lead',
    objectId: 'l2',
    column: 'Description',
    texts: { 1033: 'Notes', 1049: 'Заметки  по лиду', 1058: 'Нотатки нотатки' },
  },
];

interface JsonProblem {
  severity: string;
  code: string;
  file: string | null;
  sheet: string;
  cell: string | null;
  key: string;
  lcid: number;
  message: string;
}

describe('crmkit labels check', () => {
  it('finds every planted problem, errors first, and exits 1', async () => {
    await writeFile(path.join(work.dir, 'planted.zip'), await translationsZip(translationsXml(planted)));
    const { code, out, err } = await cli('labels', 'check', 'planted.zip', '--json');
    expect(err).toBe('');
    expect(code).toBe(1);
    const { problems } = JSON.parse(out) as { problems: JsonProblem[] };
    expect(
      problems.map(({ severity, code: c, sheet, key, lcid }) => [severity, c, sheet, key, lcid]),
    ).toEqual([
      ['error', 'placeholder-missing', 'Display Strings', 'Messages / SaveFailed', 1049],
      ['error', 'placeholder-renumbered', 'Display Strings', 'Messages / SaveFailed', 1026],
      ['error', 'empty-base', 'Localized Labels', 'account / a2 / Description', 1033],
      ['error', 'too-long', 'Localized Labels', 'account / a3 / Description', 1049],
      ['warning', 'whitespace', 'Localized Labels', 'account / a4 / DisplayName', 1049],
      ['warning', 'same-as-base', 'Localized Labels', 'account / a5 / DisplayName', 1049],
      ['warning', 'inconsistent', 'Localized Labels', 'lead / l1 / DisplayName', 1049],
      ['info', 'double-space', 'Localized Labels', 'lead / l2 / Description', 1049],
      ['info', 'repeated-word', 'Localized Labels', 'lead / l2 / Description', 1058],
    ]);
    for (const p of problems) {
      expect(Object.keys(p)).toEqual(['severity', 'code', 'file', 'sheet', 'cell', 'key', 'lcid', 'message']);
      expect([p.file, p.cell]).toEqual(['planted.zip', null]);
    }
    expect(problems[3]?.message).toBe('501 characters, Dynamics accepts at most 500');
    expect(problems[6]?.message).toContain('"Эл. почта" (Localized Labels: contact / c2 / DisplayName)');
    expect(problems[6]?.message).toContain('"Электронная почта" (Localized Labels: lead / l1 / DisplayName)');
  });

  it('prints a readable table with a summary by default', async () => {
    const { code, out } = await cli('labels', 'check', 'planted.zip');
    expect(code).toBe(1);
    expect(out).toMatch(
      /^error\s+too-long\s+Localized Labels\s+account \/ a3 \/ Description\s+1049\s+501 characters/m,
    );
    expect(out).toContain('4 errors, 3 warnings, 2 info in 10 labels');
  });

  it('reads a bare CrmTranslations.xml the same way', async () => {
    await writeFile(path.join(work.dir, 'CrmTranslations.xml'), translationsXml(planted));
    const { code, out } = await cli('labels', 'check', 'CrmTranslations.xml', '--json');
    expect(code).toBe(1);
    expect((JSON.parse(out) as { problems: unknown[] }).problems).toHaveLength(9);
  });

  const warningsOnly: FixtureLabel[] = [
    { entity: 'account', objectId: 'w1', texts: { 1033: 'Fax', 1049: 'Fax' } },
    { entity: 'account', objectId: 'w2', texts: { 1033: 'Contoso Portal', 1049: 'Contoso Portal' } },
  ];

  it.each([
    [[], 0],
    [['--max-warnings', '5'], 0],
    [['--max-warnings', '1'], 1],
  ])('with warnings only and %j exits %i', async (flags, expected) => {
    await writeFile(path.join(work.dir, 'warnings.xml'), translationsXml(warningsOnly));
    const { code } = await cli('labels', 'check', 'warnings.xml', '--json', ...flags);
    expect(code).toBe(expected);
  });

  it('keeps the names listed in --keep without a warning', async () => {
    await writeFile(path.join(work.dir, 'warnings.xml'), translationsXml(warningsOnly));
    await writeFile(path.join(work.dir, 'keep.txt'), '# our brands\nContoso Portal\n');
    const { out } = await cli('labels', 'check', 'warnings.xml', '--json', '--keep', 'keep.txt');
    expect((JSON.parse(out) as { problems: JsonProblem[] }).problems.map((p) => p.key)).toEqual([
      'account / w1 / DisplayName',
    ]);
  });

  it('exits 0 and says so on a clean file', async () => {
    await writeFile(path.join(work.dir, 'clean.xml'), translationsXml([planted[1]!]));
    const { code, out } = await cli('labels', 'check', 'clean.xml');
    expect(code).toBe(0);
    expect(out).toBe('No problems found in 1 label.\n');
  });

  it('refuses a non-number for --max-warnings', async () => {
    const { code, err } = await cli('labels', 'check', 'clean.xml', '--max-warnings', 'many');
    expect(code).toBe(2);
    expect(err).toBe('crmkit: --max-warnings many: expected a whole number\n');
  });
});

describe('crmkit labels stats', () => {
  it('counts total and translated per language, base included', async () => {
    const { code, out } = await cli('labels', 'stats', 'planted.zip', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      languages: { lcid: number; total: number; translated: number; percent: number }[];
      kinds: { kind: string; total: number }[];
    };
    expect(json.languages.map(({ lcid, total, translated }) => ({ lcid, total, translated }))).toEqual([
      { lcid: 1033, total: 10, translated: 9 },
      { lcid: 1049, total: 10, translated: 10 },
      { lcid: 1026, total: 10, translated: 2 },
      { lcid: 1058, total: 10, translated: 1 },
    ]);
    expect(json.languages[2]?.percent).toBe(20);
    expect(json.kinds.reduce((sum, k) => sum + k.total, 0)).toBe(10);
    expect(json.kinds.find((k) => k.kind === 'message')?.total).toBe(1);
  });

  it('prints a table with a bar per language', async () => {
    const { out } = await cli('labels', 'stats', 'planted.zip');
    expect(out).toMatch(/^1026\s+Bulgarian\s+2\s+10\s+20\.0%\s+████░{16}$/m);
  });
});

describe('check and stats on a translator workbook', () => {
  it('finds the same problems in the exported workbook, naming the cell', async () => {
    expect((await cli('labels', 'export', 'planted.zip', '-o', 'planted.xlsx')).code).toBe(0);
    const fromZip = JSON.parse((await cli('labels', 'check', 'planted.zip', '--json')).out) as {
      problems: JsonProblem[];
    };
    const { code, out } = await cli('labels', 'check', 'planted.xlsx', '--json');
    expect(code).toBe(1);
    const { problems } = JSON.parse(out) as { problems: JsonProblem[] };
    const shape = (p: JsonProblem): string => `${p.severity} ${p.code} ${p.sheet} ${p.key} ${p.lcid}`;
    expect(problems.map(shape)).toEqual(fromZip.problems.map(shape));
    const tooLong = problems.find((p) => p.code === 'too-long');
    expect(tooLong?.message).toBe('501 characters, Dynamics accepts at most 500');
    expect(tooLong?.cell).toMatch(/^F\d+$/);
    expect(tooLong?.file).toBe('planted.xlsx');
    expect(problems.find((p) => p.code === 'empty-base')).toMatchObject({
      lcid: 1033,
      cell: expect.stringMatching(/^E\d+$/) as string,
    });
  });

  it('prints the cell of each problem in a column of the table', async () => {
    const { out } = await cli('labels', 'check', 'planted.xlsx');
    expect(out).toMatch(/^severity\s+code\s+sheet\s+cell\s+key\s+lcid\s+message$/m);
    expect(out).toMatch(
      /^error\s+too-long\s+Localized Labels\s+F\d+\s+account \/ a3 \/ Description\s+1049\s+501 characters/m,
    );
  });

  it('reports a formula typed into a translation cell as an error with its cell', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(work.dir, 'planted.xlsx'));
    const ws = wb.getWorksheet('Localized Labels')!;
    let col = 0;
    ws.getRow(1).eachCell((cell, c) => {
      if (cell.text.endsWith('(1049)')) col = c;
    });
    ws.getRow(2).getCell(col).value = { formula: 'A1&"!"' };
    await wb.xlsx.writeFile(path.join(work.dir, 'formula.xlsx'));
    const { code, out } = await cli('labels', 'check', 'formula.xlsx', '--json');
    expect(code).toBe(1);
    const { problems } = JSON.parse(out) as { problems: JsonProblem[] };
    const formula = problems.find((p) => p.code === 'formula');
    expect(formula).toMatchObject({
      severity: 'error',
      file: 'formula.xlsx',
      sheet: 'Localized Labels',
      cell: expect.stringMatching(/^[A-Z]+2$/) as string,
      lcid: 1049,
    });
    expect(formula?.key).toMatch(/^\w+ \/ [^/]+ \/ \w+$/);
    expect(formula?.message).toMatch(/^a formula in the column "Русский \(1049\)"/);
  });

  it('counts the workbook like the file it came from', async () => {
    const fromZip = JSON.parse((await cli('labels', 'stats', 'planted.zip', '--json')).out) as unknown;
    const { code, out } = await cli('labels', 'stats', 'planted.xlsx', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(fromZip);
  });
});

describe('bad input to check, stats and memory', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['missing.zip', '', /^crmkit: missing\.zip: no such file( or folder)?\n$/],
    ['text.zip', 'just text', /^crmkit: text\.zip: not a zip file\n$/],
    ['truncated.xml', translationsXml(planted).slice(0, 900), /^crmkit: truncated\.xml: .*\n$/],
    [
      'doctype.xml',
      '<?xml version="1.0"?><!DOCTYPE Workbook [<!ENTITY x "y">]><Workbook/>',
      /^crmkit: doctype\.xml: .*(DOCTYPE|entit).*\n$/i,
    ],
    [
      'other.xml',
      '<?xml version="1.0"?><html><body/></html>',
      /^crmkit: other\.xml: not a Dynamics translations file.*\n$/,
    ],
  ];

  it.each(cases)('%s gives one clear line and a non-zero exit', async (name, content, message) => {
    if (name !== 'missing.zip') await writeFile(path.join(work.dir, name), content);
    for (const command of [['check'], ['stats'], ['memory', 'build']]) {
      const extra = command[0] === 'memory' ? ['-o', 'bad.tmx'] : [];
      const { code, out, err } = await cli('labels', ...command, name, ...extra);
      expect(code, `${command.join(' ')} ${name}`).toBeGreaterThan(1);
      expect(err, `${command.join(' ')} ${name}`).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /);
      expect(out).toBe('');
    }
    expect(await work.files()).not.toContain('bad.tmx');
  });

  it('names a missing file as typed, folder and all, and says a folder is not a file', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(work.dir, 'a-folder.xlsx'), { recursive: true });
    for (const command of [['check'], ['stats'], ['export'], ['import']]) {
      const extra =
        command[0] === 'export'
          ? ['-o', 'x.xlsx']
          : command[0] === 'import'
            ? ['--into', 'planted.zip', '-o', 'x.zip']
            : [];
      const missing = await cli('labels', ...command, 'sub/missing.xlsx', ...extra);
      expect(missing.code, command[0]).toBe(3);
      expect(missing.err).toBe('crmkit: sub/missing.xlsx: no such file\n');
      const folder = await cli('labels', ...command, 'a-folder.xlsx', ...extra);
      expect(folder.code, command[0]).toBe(3);
      expect(folder.err).toBe('crmkit: a-folder.xlsx: is a folder, not a file\n');
    }
  });

  it('refuses a zip entry past --max-size before reading it, and says how to raise the limit', async () => {
    for (const command of [['check'], ['stats'], ['memory', 'build']]) {
      const extra = command[0] === 'memory' ? ['-o', 'big.tmx'] : [];
      const { code, err } = await cli('labels', ...command, 'planted.zip', '--max-size', '1KB', ...extra);
      expect(code, command.join(' ')).toBe(3);
      expect(err).toMatch(/^crmkit: planted\.zip › CrmTranslations\.xml: .*--max-size.*\n$/);
    }
  });

  it('refuses a spreadsheet that is not a crmkit workbook', async () => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 'b']]), 'Budget');
    await writeFile(
      path.join(work.dir, 'budget.xlsx'),
      XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
    );
    for (const command of ['check', 'stats']) {
      const { code, out, err } = await cli('labels', command, 'budget.xlsx');
      expect(code).toBe(3);
      expect(err).toMatch(/^crmkit: budget\.xlsx: no "Localized Labels" or "Display Strings" sheet.*\n$/);
      expect(out).toBe('');
    }
  });

  it('refuses a zip holding neither CrmTranslations.xml nor a workbook', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    await writeFile(path.join(work.dir, 'other.zip'), await zip.generateAsync({ type: 'nodebuffer' }));
    const { code, err } = await cli('labels', 'check', 'other.zip');
    expect(code).toBe(3);
    expect(err).toMatch(/^crmkit: other\.zip: no CrmTranslations\.xml at the root of the zip.*\n$/);
  });
});
