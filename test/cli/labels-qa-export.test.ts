import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTranslations } from '../../src/labels/crm-xml/read';
import type { Label } from '../../src/labels/crm-xml/model';
import { translationsXml, translationsZip, xmlOfZip, type FixtureLabel } from '../fixtures/qa/translations';
import { cliWorkspace } from './support';

const work = cliWorkspace('crmkit-split-');
const { cli } = work;
beforeAll(async () => {
  await writeFile(path.join(work.dir, 'Solution.zip'), await translationsZip(translationsXml(labels)));
});

const labels: FixtureLabel[] = [
  {
    sheet: 'Display Strings',
    entity: 'Messages',
    objectId: 'Saved',
    texts: { 1033: 'Saved {0}', 1049: 'Сохранено: {0}' },
  },
  { entity: 'account', objectId: 'r1', texts: { 1033: 'Save', 1058: 'Зберегти' } },
  { entity: 'account', objectId: 'r2', texts: { 1033: 'Close', 1049: 'Закрыть' } },
  {
    entity: 'account',
    objectId: 'r3',
    texts: { 1033: 'Open', 1049: 'Открыть', 1026: 'Отвори', 1058: 'Відкрити' },
  },
];

/** Header captions and Object IDs of a workbook's Localized Labels, read with SheetJS. */
async function sheetOf(file: string): Promise<{ header: string[]; ids: string[] }> {
  const wb = XLSX.read(await readFile(file));
  const ws = wb.Sheets['Localized Labels'];
  if (ws === undefined) throw new Error('no Localized Labels');
  const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: '' });
  return { header: (rows[0] ?? []).map(String), ids: rows.slice(1).map((r) => String(r[1])) };
}

async function labelsOf(zipFile: string): Promise<Map<string, Label>> {
  const xml = await xmlOfZip(await readFile(zipFile));
  const out = new Map<string, Label>();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield await Promise.resolve(new TextEncoder().encode(xml));
  }
  await readTranslations(chunks(), zipFile, {
    label(label) {
      out.set(label.objectId, label);
      return undefined;
    },
  });
  return out;
}

/** A translator edits a cell in Excel (here: exceljs reads, sets, saves the whole workbook). */
async function translate(file: string, objectId: string, lcid: number, text: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Localized Labels')!;
  let col = 0;
  ws.getRow(1).eachCell((cell, c) => {
    if (cell.text.endsWith(`(${lcid})`)) col = c;
  });
  let done = false;
  ws.eachRow((row) => {
    if (row.getCell(2).text === objectId) {
      row.getCell(col).value = text;
      done = true;
    }
  });
  expect(done && col > 0).toBe(true);
  await wb.xlsx.writeFile(file);
}

describe('per-language workbooks', () => {
  it('--split writes one workbook per target language in one go, each with the base and that language only', async () => {
    const { code, out } = await cli('labels', 'export', 'Solution.zip', '--split', '-o', 'split');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(3);
    expect(await work.files('split')).toEqual([
      'Solution.1026.xlsx',
      'Solution.1049.xlsx',
      'Solution.1058.xlsx',
    ]);
    for (const lcid of [1049, 1026, 1058]) {
      const { header, ids } = await sheetOf(path.join(work.dir, 'split', `Solution.${lcid}.xlsx`));
      const languages = header.filter((h) => /\(\d{4}\)$/.test(h));
      expect(languages.map((h) => h.slice(-5, -1))).toEqual(['1033', String(lcid)]);
      expect(ids).toEqual(['r1', 'r2', 'r3']);
    }
  });

  it('--missing-only keeps only the rows still untranslated in each workbook language', async () => {
    const { code } = await cli(
      'labels',
      'export',
      'Solution.zip',
      '--split',
      '--missing-only',
      '--lang',
      '1049,1026',
      '-o',
      'missing',
    );
    expect(code).toBe(0);
    expect((await sheetOf(path.join(work.dir, 'missing', 'Solution.1049.xlsx'))).ids).toEqual(['r1']);
    expect((await sheetOf(path.join(work.dir, 'missing', 'Solution.1026.xlsx'))).ids).toEqual(['r1', 'r2']);
    expect(await work.files('missing')).toHaveLength(2);
  });

  it('--missing-only over several languages keeps a row missing in any of them', async () => {
    const { code, out } = await cli(
      'labels',
      'export',
      'Solution.zip',
      '--missing-only',
      '--lang',
      '1049,1058',
      '-o',
      'm.xlsx',
    );
    expect(code).toBe(0);
    expect(out).toContain('Exported 3 labels still untranslated (Localized Labels 2, Display Strings 1)');
    expect((await sheetOf(path.join(work.dir, 'm.xlsx'))).ids).toEqual(['r1', 'r2']);
  });

  it('merges two translators’ --lang workbooks, edited separately, in one import; other languages untouched', async () => {
    expect((await cli('labels', 'export', 'Solution.zip', '--lang', '1049', '-o', 'ru.xlsx')).code).toBe(0);
    expect((await cli('labels', 'export', 'Solution.zip', '--lang', '1026', '-o', 'bg.xlsx')).code).toBe(0);
    await translate(path.join(work.dir, 'ru.xlsx'), 'r1', 1049, 'Сохранить');
    await translate(path.join(work.dir, 'bg.xlsx'), 'r2', 1026, 'Затвори');

    const { code, err } = await cli(
      'labels',
      'import',
      'ru.xlsx',
      'bg.xlsx',
      '--into',
      'Solution.zip',
      '-o',
      'merged.zip',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const merged = await labelsOf(path.join(work.dir, 'merged.zip'));
    const texts = (id: string): Record<number, string> => Object.fromEntries(merged.get(id)?.texts ?? []);
    expect(texts('r1')).toEqual({ 1033: 'Save', 1049: 'Сохранить', 1026: '', 1058: 'Зберегти' });
    expect(texts('r2')).toEqual({ 1033: 'Close', 1049: 'Закрыть', 1026: 'Затвори', 1058: '' });
    expect(texts('r3')).toEqual({ 1033: 'Open', 1049: 'Открыть', 1026: 'Отвори', 1058: 'Відкрити' });
  });

  it('refuses --split with -o naming a file', async () => {
    await writeFile(path.join(work.dir, 'afile'), '');
    const { code, err } = await cli('labels', 'export', 'Solution.zip', '--split', '-o', 'afile');
    expect(code).toBe(2);
    expect(err).toBe('crmkit: -o afile: with --split, -o names a folder, and this is a file\n');
  });
});
