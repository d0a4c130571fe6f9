/** The forms of `exportLabels` (split, missing-only, languages) and their workbooks' content. */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLabels, importLabels, type ExportOptions } from '../../src/labels';
import { readTranslations } from '../../src/labels/crm-xml/read';
import type { Label } from '../../src/labels/crm-xml/model';
import {
  translationsXml,
  translationsZip,
  xmlOfZip,
  type FixtureLabel,
} from '../fixtures/crm-xml/translations';
import { removeTempDirs, tempFiles } from './support';

const { dir, at } = tempFiles('crmkit-split-');
afterAll(removeTempDirs);
beforeAll(async () => {
  await writeFile(path.join(dir, 'Solution.zip'), await translationsZip(translationsXml(labels)));
});

const exportTo = (output: string, more: Partial<ExportOptions> = {}) =>
  exportLabels({ input: at('Solution.zip'), output: at(output), ...more });
const filesIn = (sub: string): string[] => readdirSync(path.join(dir, sub)).sort();

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
  it('split writes one workbook per target language in one go, each with the base and that language only', async () => {
    const result = await exportTo('split', { split: true });
    expect(result.workbooks.map((w) => [w.output.name, w.targetLanguages])).toEqual([
      [path.join('split', 'Solution.1049.xlsx'), [1049]],
      [path.join('split', 'Solution.1026.xlsx'), [1026]],
      [path.join('split', 'Solution.1058.xlsx'), [1058]],
    ]);
    expect(filesIn('split')).toEqual(['Solution.1026.xlsx', 'Solution.1049.xlsx', 'Solution.1058.xlsx']);
    for (const lcid of [1049, 1026, 1058]) {
      const { header, ids } = await sheetOf(path.join(dir, 'split', `Solution.${lcid}.xlsx`));
      const languages = header.filter((h) => /\(\d{4}\)$/.test(h));
      expect(languages.map((h) => h.slice(-5, -1))).toEqual(['1033', String(lcid)]);
      expect(ids).toEqual(['r1', 'r2', 'r3']);
    }
  });

  it('missingOnly keeps only the rows still untranslated in each workbook language', async () => {
    await exportTo('missing', { split: true, missingOnly: true, languages: [1049, 1026] });
    expect((await sheetOf(path.join(dir, 'missing', 'Solution.1049.xlsx'))).ids).toEqual(['r1']);
    expect((await sheetOf(path.join(dir, 'missing', 'Solution.1026.xlsx'))).ids).toEqual(['r1', 'r2']);
    expect(filesIn('missing')).toHaveLength(2);
  });

  it('missingOnly over several languages keeps a row missing in any of them', async () => {
    const result = await exportTo('m.xlsx', { missingOnly: true, languages: [1049, 1058] });
    expect(result.workbooks[0]?.rows).toEqual({ 'Localized Labels': 2, 'Display Strings': 1 });
    expect((await sheetOf(path.join(dir, 'm.xlsx'))).ids).toEqual(['r1', 'r2']);
  });

  it('merges two translators’ one-language workbooks, edited separately, in one import; other languages untouched', async () => {
    await exportTo('ru.xlsx', { languages: [1049] });
    await exportTo('bg.xlsx', { languages: [1026] });
    await translate(path.join(dir, 'ru.xlsx'), 'r1', 1049, 'Сохранить');
    await translate(path.join(dir, 'bg.xlsx'), 'r2', 1026, 'Затвори');

    const summary = await importLabels({
      workbooks: [at('ru.xlsx'), at('bg.xlsx')],
      into: at('Solution.zip'),
      output: at('merged.zip'),
    });
    expect(summary.warnings).toEqual([]);
    const merged = await labelsOf(path.join(dir, 'merged.zip'));
    const texts = (id: string): Record<number, string> => Object.fromEntries(merged.get(id)?.texts ?? []);
    expect(texts('r1')).toEqual({ 1033: 'Save', 1049: 'Сохранить', 1026: '', 1058: 'Зберегти' });
    expect(texts('r2')).toEqual({ 1033: 'Close', 1049: 'Закрыть', 1026: 'Затвори', 1058: '' });
    expect(texts('r3')).toEqual({ 1033: 'Open', 1049: 'Открыть', 1026: 'Отвори', 1058: 'Відкрити' });
  });

  it('refuses split with an output naming a file', async () => {
    await writeFile(path.join(dir, 'afile'), '');
    await expect(exportTo('afile', { split: true })).rejects.toThrow(
      '-o afile: with --split, -o names a folder, and this is a file',
    );
  });
});
