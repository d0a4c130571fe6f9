import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { SUGGESTION_FILL_ARGB } from '../../src/labels/workbook/styles';
import { translationsXml, translationsZip, type FixtureLabel } from '../fixtures/qa/translations';
import { cliWorkspace } from './support';

const work = cliWorkspace('crmkit-memory-');
const { cli } = work;
beforeAll(async () => {
  await writeFile(
    path.join(work.dir, 'A.zip'),
    await translationsZip(translationsXml(solutionA, { solution: 'SolutionA' })),
  );
  await writeFile(
    path.join(work.dir, 'B.zip'),
    await translationsZip(translationsXml(solutionB, { solution: 'SolutionB' })),
  );
});

/** Solution A was translated earlier. */
const solutionA: FixtureLabel[] = [
  {
    entity: 'salesorder',
    objectId: 'x1',
    texts: { 1033: 'Sales Order', 1049: 'Заказ на продажу', 1026: 'Поръчка за продажба' },
  },
  { entity: 'quote', objectId: 'x2', texts: { 1033: 'Quote', 1049: 'Предложение' } },
];

/** Solution B shares base texts with A and with itself. */
const solutionB: FixtureLabel[] = [
  { entity: 'pl_order', objectId: 'y1', texts: { 1033: 'Sales Order' } },
  { entity: 'pl_order', objectId: 'y2', texts: { 1033: 'Quote', 1049: 'Коммерческое предложение' } },
  { entity: 'pl_order', objectId: 'y3', texts: { 1033: 'Phone', 1049: 'Телефон' } },
  { entity: 'pl_order', objectId: 'y4', texts: { 1033: 'Phone' } },
  { entity: 'pl_order', objectId: 'y5', texts: { 1033: 'Unique text' } },
];

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

describe('translation memory in labels export', () => {
  it('fills empty cells of another solution from a past zip and from the file itself, marked for review', async () => {
    const { code, out, err } = await cli('labels', 'export', 'B.zip', '--memory', 'A.zip', '-o', 'b.xlsx');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(
      'Filled 3 empty cell(s) from memory (1 file(s)) and from this file (1049: 2, 1026: 1)',
    );

    const ru = await readCells(path.join(work.dir, 'b.xlsx'), 1049);
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
    const bg = await readCells(path.join(work.dir, 'b.xlsx'), 1026);
    expect(bg.get('y1')).toEqual({
      text: 'Поръчка за продажба',
      fill: SUGGESTION_FILL_ARGB,
      note: 'from memory: A.zip',
    });
  });

  it('builds a TMX memory and fills from it, keeping where each translation came from', async () => {
    const built = await cli('labels', 'memory', 'build', 'A.zip', '-o', 'memory.tmx');
    expect(built.code).toBe(0);
    expect(built.out).toBe('memory.tmx: 3 translations of 2 base texts from 1 file(s)\n');
    const tmx = await readFile(path.join(work.dir, 'memory.tmx'), 'utf8');
    expect(tmx).toContain('<tmx version="1.4">');
    expect(tmx).toContain(
      '<tuv xml:lang="ru-RU"><prop type="x-crmkit-source">A.zip</prop><seg>Заказ на продажу</seg></tuv>',
    );

    const { code } = await cli(
      'labels',
      'export',
      'B.zip',
      '--lang',
      '1049',
      '--memory',
      'memory.tmx',
      '-o',
      'b-tmx.xlsx',
    );
    expect(code).toBe(0);
    const ru = await readCells(path.join(work.dir, 'b-tmx.xlsx'), 1049);
    expect(ru.get('y1')).toEqual({
      text: 'Заказ на продажу',
      fill: SUGGESTION_FILL_ARGB,
      note: 'from memory: A.zip',
    });
  });

  it('--consistency alone offers only the file’s own translations', async () => {
    const { code, out } = await cli('labels', 'export', 'B.zip', '--consistency', '-o', 'c.xlsx');
    expect(code).toBe(0);
    expect(out).toContain('Filled 1 empty cell(s) from this file (1049: 1)');
    const ru = await readCells(path.join(work.dir, 'c.xlsx'), 1049);
    expect(ru.get('y4')?.note).toBe('from memory: this file, pl_order / y3 / DisplayName');
    expect(ru.get('y1')).toMatchObject({ text: '', note: undefined });
  });

  it('shows its phases on a terminal, clears the line at the end, and is silent with --quiet', async () => {
    const tty = { ...memoryIo(work.dir), isTTY: true };
    expect(await run(['labels', 'export', 'B.zip', '--memory', 'A.zip', '-o', 'tty.xlsx'], tty)).toBe(0);
    const err = tty.err.join('');
    expect(err).toContain('\rreading memory: ');
    expect(err).toContain('\rexporting: ');
    expect(err).toMatch(/\r {10,}\r$/);
    expect(tty.out.join('')).toContain('Filled 3 empty cell(s)');

    const quiet = { ...memoryIo(work.dir), isTTY: true };
    expect(
      await run(['labels', 'export', 'B.zip', '--memory', 'A.zip', '-o', 'tty.xlsx', '--quiet'], quiet),
    ).toBe(0);
    expect(quiet.err).toEqual([]);
  });

  it('accepts --memory several times, before or after the input', async () => {
    const { code, out } = await cli(
      'labels',
      'export',
      '--memory',
      'memory.tmx',
      'B.zip',
      '--memory',
      'A.zip',
      '-o',
      'b2.xlsx',
    );
    expect(code).toBe(0);
    expect(out).toContain('from memory (2 file(s))');
  });

  it('takes a folder as memory, and a workbook in it counts', async () => {
    const { mkdir, copyFile } = await import('node:fs/promises');
    await mkdir(path.join(work.dir, 'past'), { recursive: true });
    // A workbook exported from A stands for a translator's returned file.
    expect((await cli('labels', 'export', 'A.zip', '-o', 'past/a.xlsx')).code).toBe(0);
    await copyFile(path.join(work.dir, 'B.zip'), path.join(work.dir, 'past', 'B.zip'));
    const { code, out } = await cli('labels', 'memory', 'build', 'past', '-o', 'past.tmx');
    expect(code).toBe(0);
    // a.xlsx gives A's three translations; B.zip (also in the folder) adds Quote→ru and Phone→ru.
    expect(out).toBe('past.tmx: 4 translations of 3 base texts from 2 file(s)\n');
  });

  it('refuses a memory file that is not TMX, naming file and line, and writes no workbook', async () => {
    await writeFile(
      path.join(work.dir, 'bad.tmx'),
      '<?xml version="1.0"?>\n<tmx version="1.4">\n<header srclang="en-US"/>\n<body><tu><tuv xml:lang="ru-RU"><seg>x</tuv></tu></body></tmx>',
    );
    const { code, out, err } = await cli(
      'labels',
      'export',
      'B.zip',
      '--memory',
      'bad.tmx',
      '-o',
      'never.xlsx',
    );
    expect(code).toBe(3);
    expect(err).toMatch(/^crmkit: bad\.tmx:4: not a valid TMX file: .+\n$/);
    expect(out).toBe('');
    expect(await work.files()).not.toContain('never.xlsx');
  });

  it('says there is nothing to build from files without translations', async () => {
    await writeFile(
      path.join(work.dir, 'empty.xml'),
      translationsXml([{ entity: 'a', objectId: '1', texts: { 1033: 'Only base' } }]),
    );
    const { code, err } = await cli('labels', 'memory', 'build', 'empty.xml', '-o', 'empty.tmx');
    expect(code).toBe(4);
    expect(err).toBe('crmkit: no translations found in 1 file(s); nothing to put in empty.tmx\n');
    expect(await work.files()).not.toContain('empty.tmx');
  });
});
