/** Suggestions in exported workbooks: from past translations and from the file itself, marked for review. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMemory, exportLabels } from '../../src/labels';
import { SUGGESTION_FILL_ARGB } from '../../src/labels/workbook/styles';
import { writeSolutions } from './memory-fixtures';
import { removeTempDirs, tempFiles } from './support';

const { dir, at } = tempFiles('crmkit-suggestions-');
afterAll(removeTempDirs);
beforeAll(() => writeSolutions(dir));

interface CellSeen {
  text: string;
  fill: string | undefined;
  note: string | undefined;
}

/** Reads a workbook's Localized Labels with exceljs: per Object ID, the cell of a language column. */
async function readCells(file: string, lcid: number): Promise<Map<string, CellSeen>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Localized Labels');
  if (ws === undefined) throw new Error('no Localized Labels sheet');
  let col = 0;
  ws.getRow(1).eachCell((cell, c) => {
    if (cell.text.endsWith(`(${lcid})`)) col = c;
  });
  expect(col, `a column for ${lcid}`).toBeGreaterThan(0);
  const out = new Map<string, CellSeen>();
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const cell = row.getCell(col);
    const fill = cell.fill.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
    const note = cell.note as unknown;
    const noteText =
      typeof note === 'string'
        ? note
        : note !== undefined && note !== null && typeof note === 'object' && 'texts' in note
          ? (note as { texts: { text: string }[] }).texts.map((t) => t.text).join('')
          : undefined;
    out.set(row.getCell(2).text, { text: cell.text, fill, note: noteText });
  });
  return out;
}

describe('translation memory in exportLabels', () => {
  it('fills empty cells of another solution from a past zip and from the file itself, marked for review', async () => {
    const result = await exportLabels({ input: at('B.zip'), output: at('b.xlsx'), memory: [at('A.zip')] });
    expect(result.suggestions).toEqual({
      filled: new Map([
        [1049, 2],
        [1026, 1],
      ]),
      memoryFiles: 1,
    });

    const ru = await readCells(path.join(dir, 'b.xlsx'), 1049);
    expect(ru.get('y1')).toEqual({
      text: 'Заказ на продажу',
      fill: SUGGESTION_FILL_ARGB,
      note: 'from memory: A.zip',
    });
    expect(ru.get('y4')).toEqual({
      text: 'Телефон',
      fill: SUGGESTION_FILL_ARGB,
      note: 'from memory: this file, pl_order / y3 / DisplayName',
    });
    // Never overwrites a translation, never invents one.
    expect(ru.get('y2')).toMatchObject({ text: 'Коммерческое предложение', note: undefined });
    expect(ru.get('y2')?.fill).not.toBe(SUGGESTION_FILL_ARGB);
    expect(ru.get('y5')).toMatchObject({ text: '', note: undefined });
    const bg = await readCells(path.join(dir, 'b.xlsx'), 1026);
    expect(bg.get('y1')).toEqual({
      text: 'Поръчка за продажба',
      fill: SUGGESTION_FILL_ARGB,
      note: 'from memory: A.zip',
    });
  });

  it('fills from a TMX memory, keeping where each translation came from', async () => {
    await buildMemory({ inputs: [at('A.zip')], output: at('memory.tmx') });
    await exportLabels({
      input: at('B.zip'),
      output: at('b-tmx.xlsx'),
      languages: [1049],
      memory: [at('memory.tmx')],
    });
    const ru = await readCells(path.join(dir, 'b-tmx.xlsx'), 1049);
    expect(ru.get('y1')).toEqual({
      text: 'Заказ на продажу',
      fill: SUGGESTION_FILL_ARGB,
      note: 'from memory: A.zip',
    });
  });

  it('consistency alone offers only the file’s own translations', async () => {
    const result = await exportLabels({ input: at('B.zip'), output: at('c.xlsx'), consistency: true });
    expect(result.suggestions).toEqual({ filled: new Map([[1049, 1]]), memoryFiles: undefined });
    const ru = await readCells(path.join(dir, 'c.xlsx'), 1049);
    expect(ru.get('y4')?.note).toBe('from memory: this file, pl_order / y3 / DisplayName');
    expect(ru.get('y1')).toMatchObject({ text: '', note: undefined });
  });
});
