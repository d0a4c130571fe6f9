/**
 * The labels library's entry functions, called as any front end would: typed options, plain
 * progress callbacks, a summary back. (The CLI tests cover what `crmkit labels …` prints.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { buildMemory, checkLabels, exportLabels, labelStats } from '../../src/labels';
import { removeTempDirs, tempFiles } from './support';
import { translationsXml, translationsZip, type FixtureLabel } from '../fixtures/crm-xml/translations';

const { dir, at } = tempFiles('crmkit-labels-lib-');
afterAll(removeTempDirs);

const labels: FixtureLabel[] = [
  { entity: 'account', objectId: 'a1', texts: { 1033: 'Account', 1049: 'Организация', 1026: 'Организация' } },
  { entity: 'account', objectId: 'a2', texts: { 1033: 'Phone', 1049: 'Телефон' } },
  { entity: 'contact', objectId: 'c1', texts: { 1033: 'Phone' } },
  { entity: 'contact', objectId: 'c2', texts: { 1033: '', 1049: 'Без основы' } },
  { entity: 'contact', objectId: 'c3', texts: { 1033: 'Contoso Portal', 1049: 'Contoso Portal' } },
];

beforeAll(async () => {
  const xml = translationsXml(labels, { languages: [1033, 1049, 1026], solution: 'Contoso' });
  writeFileSync(path.join(dir, 'Contoso.zip'), await translationsZip(xml));
});

describe('exportLabels', () => {
  it('reports its phases and rows through plain callbacks and returns one summary per workbook', async () => {
    const phases: string[] = [];
    let rows = 0;
    const result = await exportLabels({
      input: at('Contoso.zip'),
      output: at('split'),
      split: true,
      missingOnly: true,
      consistency: true,
      onPhase: (name) => phases.push(name),
      onRows: (n) => (rows += n),
    });
    // A small file is read once for its suggestions (its empty cells and its translations), once to export.
    expect(phases).toEqual(['reading the file for consistency', 'exporting']);
    expect(rows).toBe(2 * labels.length);
    expect(result.header).toMatchObject({ solutionName: 'Contoso', baseLcid: 1033 });
    expect(
      result.workbooks.map((w) => [w.output.name, w.targetLanguages, w.rows['Localized Labels']]),
    ).toEqual([
      [path.join('split', 'Contoso.1049.xlsx'), [1049], 1],
      [path.join('split', 'Contoso.1026.xlsx'), [1026], 4],
    ]);
    // Phone (c1) gets Телефон from a2 of the same file.
    expect(result.suggestions).toEqual({ filled: new Map([[1049, 1]]), memoryFiles: undefined });
  });

  it('refuses to write over its input, and a plain output that is not .xlsx, before reading anything', async () => {
    await expect(exportLabels({ input: at('Contoso.zip'), output: at('Contoso.zip') })).rejects.toThrow(
      /the workbook must be an \.xlsx file/,
    );
    const copy = at('copy.xlsx');
    await expect(exportLabels({ input: copy, output: copy })).rejects.toThrow(
      '-o copy.xlsx: would overwrite the input copy.xlsx; inputs are never modified',
    );
  });
});

describe('checkLabels and labelStats', () => {
  beforeAll(async () => {
    await exportLabels({ input: at('Contoso.zip'), output: at('Contoso.xlsx') });
  });

  it("a workbook's problems and coverage carry its real base language, as the zip's do", async () => {
    for (const file of ['Contoso.zip', 'Contoso.xlsx']) {
      const check = await checkLabels({ input: at(file) });
      expect(check.problems.find((p) => p.code === 'empty-base')).toMatchObject({ lcid: 1033 });
      expect(check.rows).toBe(5);
      const stats = await labelStats({ input: at(file) });
      expect(stats.baseLcid).toBe(1033);
      expect(stats.languages.map((l) => [l.lcid, l.base, l.translated])).toEqual([
        [1033, true, 4],
        [1049, false, 4],
        [1026, false, 1],
      ]);
    }
  });

  it('takes kept names from a file, and names that file as given when it is missing', async () => {
    writeFileSync(path.join(dir, 'keep.txt'), '# brands\nContoso Portal\n');
    const sameAsBase = (r: Awaited<ReturnType<typeof checkLabels>>) =>
      r.problems.filter((p) => p.code === 'same-as-base').map((p) => p.key);
    expect(sameAsBase(await checkLabels({ input: at('Contoso.zip') }))).toEqual([
      expect.stringContaining('c3'),
    ]);
    expect(sameAsBase(await checkLabels({ input: at('Contoso.zip'), keptNames: at('keep.txt') }))).toEqual(
      [],
    );
    await expect(
      checkLabels({
        input: at('Contoso.zip'),
        keptNames: { path: path.join(dir, 'nope'), name: '--keep nope' },
      }),
    ).rejects.toThrow('--keep nope: no such file');
  });
});

describe('buildMemory', () => {
  it('writes a TMX stamped with the package version and returns what it holds', async () => {
    let rows = 0;
    const built = await buildMemory({
      inputs: [at('Contoso.zip')],
      output: at('memory.tmx'),
      now: new Date('2026-01-02T03:04:05Z'),
      onRows: (n) => (rows += n),
    });
    expect(built).toEqual({ translations: 4, baseTexts: 3, files: 1 });
    expect(rows).toBe(labels.length);
    const tmx = readFileSync(path.join(dir, 'memory.tmx'), 'utf8');
    expect(tmx).toContain(`creationtoolversion="${packageJson.version}"`);
    expect(tmx).toContain('creationdate="20260102T030405Z"');
  });

  it('refuses an output that is not .tmx', async () => {
    await expect(buildMemory({ inputs: [at('Contoso.zip')], output: at('memory.txt') })).rejects.toThrow(
      '-o memory.txt: the memory file must end in .tmx',
    );
  });
});
