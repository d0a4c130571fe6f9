/** What `crmkit labels export` prints in each of its forms, and its exit statuses. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { translationsXml, translationsZip, type FixtureLabel } from '../fixtures/crm-xml/translations';
import { cliWorkspace } from './support';

const work = cliWorkspace('crmkit-export-lines-');
const { cli } = work;

const labels: FixtureLabel[] = [
  {
    sheet: 'Display Strings',
    entity: 'Messages',
    objectId: 'Saved',
    texts: { 1033: 'Saved', 1049: 'Сохранено' },
  },
  { entity: 'account', objectId: 'r1', texts: { 1033: 'Save' } },
  { entity: 'account', objectId: 'r2', texts: { 1033: 'Close', 1049: 'Закрыть' } },
];

beforeAll(async () => {
  const xml = translationsXml(labels, { languages: [1033, 1049, 1026], solution: 'Contoso' });
  await writeFile(path.join(work.dir, 'Solution.zip'), await translationsZip(xml));
});

describe('labels export prints one kind of success line for every form', () => {
  it('plain: solution, base language, languages, rows and output', async () => {
    const { code, out, err } = await cli('labels', 'export', 'Solution.zip', '-o', 'all.xlsx');
    expect([code, err]).toEqual([0, '']);
    expect(out).toBe(
      'Exported 3 labels (Localized Labels 2, Display Strings 1) of Contoso, base 1033, languages 1049, 1026 → all.xlsx\n',
    );
  });

  it('--split: the same line for each workbook written', async () => {
    const { code, out } = await cli('labels', 'export', 'Solution.zip', '--split', '-o', 'split');
    expect(code).toBe(0);
    expect(out).toBe(
      `Exported 3 labels (Localized Labels 2, Display Strings 1) of Contoso, base 1033, languages 1049 → ${path.join('split', 'Solution.1049.xlsx')}\n` +
        `Exported 3 labels (Localized Labels 2, Display Strings 1) of Contoso, base 1033, languages 1026 → ${path.join('split', 'Solution.1026.xlsx')}\n`,
    );
  });

  it('--missing-only: the same line, saying the labels are still untranslated', async () => {
    const { code, out } = await cli(
      'labels',
      'export',
      'Solution.zip',
      '--missing-only',
      '--lang',
      '1049',
      '-o',
      'm.xlsx',
    );
    expect(code).toBe(0);
    expect(out).toBe(
      'Exported 1 labels still untranslated (Localized Labels 1, Display Strings 0) of Contoso, base 1033, languages 1049 → m.xlsx\n',
    );
  });

  it('--consistency: the same line, then what was filled', async () => {
    const { code, out } = await cli(
      'labels',
      'export',
      'Solution.zip',
      '--consistency',
      '--lang',
      '1049',
      '-o',
      'c.xlsx',
    );
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(
      'Exported 3 labels (Localized Labels 2, Display Strings 1) of Contoso, base 1033, languages 1049 → c.xlsx',
    );
    expect(out.split('\n')[1]).toMatch(
      /^Filled 0 empty cell\(s\) from this file; they are marked light yellow/,
    );
  });

  it('exits 2 for --split with -o naming a file, and writes nothing', async () => {
    await writeFile(path.join(work.dir, 'afile'), '');
    const { code, out, err } = await cli('labels', 'export', 'Solution.zip', '--split', '-o', 'afile');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('crmkit: -o afile: with --split, -o names a folder, and this is a file\n');
  });
});
