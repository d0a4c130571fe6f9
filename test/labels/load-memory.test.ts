import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLabels } from '../../src/labels';
import { loadMemory } from '../../src/labels/load-memory';
import { removeTempDirs, tempFiles } from './support';
import { translationsXml, translationsZip, type FixtureLabel } from '../fixtures/crm-xml/translations';

const { dir, at } = tempFiles('crmkit-load-memory-');
afterAll(removeTempDirs);

const past: FixtureLabel[] = [
  { entity: 'salesorder', objectId: 'x1', texts: { 1033: 'Sales Order', 1049: 'Заказ на продажу' } },
  { entity: 'quote', objectId: 'x2', texts: { 1033: 'Quote', 1026: 'Оферта' } },
];
const other: FixtureLabel[] = [{ entity: 'a', objectId: 'y1', texts: { 1033: 'Phone', 1049: 'Телефон' } }];

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="block" o-tmf="x" adminlang="en-US" srclang="en-US" datatype="plaintext"/>
<body><tu><tuv xml:lang="en-US"><seg>Email</seg></tuv><tuv xml:lang="ru-RU"><seg>Эл. почта</seg></tuv></tu></body></tmx>
`;

beforeAll(async () => {
  mkdirSync(path.join(dir, 'team', 'old'), { recursive: true });
  writeFileSync(path.join(dir, 'past.zip'), await translationsZip(translationsXml(past)));
  await exportLabels({ input: at('past.zip'), output: at('team/old/past.xlsx') });
  writeFileSync(path.join(dir, 'team', 'other.xml'), translationsXml(other));
  writeFileSync(path.join(dir, 'team', 'terms.tmx'), TMX);
  writeFileSync(path.join(dir, 'team', 'notes.txt'), 'not a memory file');
});

describe('loadMemory', () => {
  it('remembers the translations of a zip under its file name', async () => {
    const { memory, files } = await loadMemory([at('past.zip')]);
    expect(files).toEqual([at('past.zip')]);
    expect(memory.lookup(1033, 'Sales Order', 1049)).toEqual({
      text: 'Заказ на продажу',
      source: 'past.zip',
    });
    expect(memory.lookup(1033, 'Quote', 1026)?.text).toBe('Оферта');
    expect(memory.size).toBe(2);
  });

  it('searches a folder recursively for zips, xml, workbooks and TMX, in path order, named under the folder', async () => {
    let rows = 0;
    const { memory, files } = await loadMemory([at('team')], { onRows: (n) => (rows += n) });
    expect(files.map((f) => f.name)).toEqual([
      path.join('team', 'old', 'past.xlsx'),
      path.join('team', 'other.xml'),
      path.join('team', 'terms.tmx'),
    ]);
    // A workbook's rows are remembered under its real base language, with the file name as source.
    expect(memory.lookup(1033, 'Sales Order', 1049)).toEqual({
      text: 'Заказ на продажу',
      source: 'past.xlsx',
    });
    expect(memory.lookup(1033, 'Phone', 1049)?.source).toBe('other.xml');
    expect(memory.lookup(1033, 'Email', 1049)).toEqual({ text: 'Эл. почта', source: 'terms.tmx' });
    expect(rows).toBe(2 + 1 + 1);
  });

  it('skips the excluded files and keeps only the translations asked for', async () => {
    const { memory, files } = await loadMemory([at('team')], {
      exclude: [path.join(dir, 'team', 'other.xml')],
      keep: (_base, text, lcid) => text === 'Sales Order' && lcid === 1049,
    });
    expect(files.map((f) => path.basename(f.path))).toEqual(['past.xlsx', 'terms.tmx']);
    expect(memory.size).toBe(1);
    expect(memory.lookup(1033, 'Phone', 1049)).toBeUndefined();
    expect(memory.lookup(1033, 'Quote', 1026)).toBeUndefined();
  });

  it('says "no such file or folder" for a missing input, naming it as given', async () => {
    await expect(loadMemory([at('gone')])).rejects.toThrow('gone: no such file or folder');
  });
});
