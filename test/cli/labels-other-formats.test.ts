/**
 * A translator's workbook saved as .ods, .xls or .csv (LibreOffice and Excel offer them on saving)
 * is told to be saved as .xlsx, in one line and with the exit status of other bad input (3),
 * whichever command it is given to — not that it is not an "Export Translations" zip.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleFile } from '../../src/labels/sample-file';
import { crmkit, files, removeTempDirs, tempDir, XLSX } from '../labels/support';

afterAll(removeTempDirs);

let dir = '';

beforeAll(async () => {
  dir = tempDir('crmkit-formats-');
  await writeSampleFile(path.join(dir, 'sample.zip'), { labels: 20 });
  expect((await crmkit(dir, 'labels', 'export', 'sample.zip', '--lang', '1049', '-o', 'ru.xlsx')).code).toBe(
    0,
  );
  // Saved again in each format, as a spreadsheet program does.
  const book = XLSX.read(readFileSync(path.join(dir, 'ru.xlsx')));
  for (const [name, bookType] of [
    ['ru.ods', 'ods'],
    ['ru.xls', 'biff8'],
    ['ru.csv', 'csv'],
  ] as const) {
    writeFileSync(path.join(dir, name), XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
  }
});

const FORMATS = [
  ['ru.ods', 'an OpenDocument spreadsheet (.ods)'],
  ['ru.xls', 'an Excel 97-2003 workbook (.xls)'],
  ['ru.csv', 'a CSV file (.csv)'],
] as const;

describe('a workbook saved in another format', () => {
  it.each(FORMATS)('%s: check, stats and import say to save it as .xlsx (exit 3)', async (name, what) => {
    const expected = `crmkit: ${name}: ${what}, crmkit reads workbooks as .xlsx only: open it and save it as .xlsx (Excel workbook)\n`;
    for (const args of [
      ['check', name],
      ['stats', name],
      ['import', name, '--into', 'sample.zip', '-o', 'out.zip'],
    ]) {
      const res = await crmkit(dir, 'labels', ...args);
      expect([res.code, res.out, res.err], args.join(' ')).toEqual([3, '', expected]);
    }
    expect(files(dir)).not.toContain('out.zip');
  });

  it.each(FORMATS)('%s as --into or as the input of export says the same', async (name, what) => {
    const expected =
      `crmkit: ${name}: ${what}, not an "Export Translations" zip; a translator's workbook is read as .xlsx only: ` +
      `open it and save it as .xlsx (Excel workbook)\n`;
    for (const args of [
      ['import', 'ru.xlsx', '--into', name, '-o', 'out.zip'],
      ['export', name, '-o', 'again.xlsx'],
    ]) {
      const res = await crmkit(dir, 'labels', ...args);
      expect([res.code, res.out, res.err], args.join(' ')).toEqual([3, '', expected]);
    }
    expect(files(dir)).not.toContain('again.xlsx');
  });
});
