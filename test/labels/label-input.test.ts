import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLabels } from '../../src/labels';
import { readLabelInput, type InputRow, type InputStart } from '../../src/labels/label-input';
import { removeTempDirs, tempFiles } from './support';
import { translationsXml, translationsZip, type FixtureLabel } from '../fixtures/crm-xml/translations';

const { dir, at } = tempFiles('crmkit-input-');
afterAll(removeTempDirs);

const labels: FixtureLabel[] = [
  { entity: 'account', objectId: 'a1', texts: { 1033: 'Account', 1049: 'Организация' } },
  { entity: 'account', objectId: 'a2', texts: { 1033: 'Phone', 1026: 'Телефон' } },
  { sheet: 'Display Strings', entity: '', objectId: 'Save', texts: { 1033: 'Save', 1049: 'Сохранить' } },
];

beforeAll(async () => {
  const xml = translationsXml(labels, { languages: [1033, 1049, 1026], solution: 'Contoso' });
  writeFileSync(path.join(dir, 'Contoso.xml'), xml);
  writeFileSync(path.join(dir, 'Contoso.zip'), await translationsZip(xml));
  await exportLabels({ input: at('Contoso.zip'), output: at('Contoso.xlsx'), languages: [1026, 1049] });
});

/** Reads a file, recording the start call and every row (with how many rows came before start). */
async function read(name: string) {
  const events: string[] = [];
  const starts: InputStart[] = [];
  const rows: InputRow[] = [];
  const result = await readLabelInput(at(name), (info) => {
    events.push(`start after ${rows.length} rows`);
    starts.push(info);
    return (row) => rows.push(row);
  });
  return { events, starts, rows, result };
}

const texts = (row: InputRow | undefined) => Object.fromEntries(row?.targets ?? []);

describe('readLabelInput', () => {
  it('reads a CrmTranslations.xml: base language and targets before the first row, then every label', async () => {
    const { events, starts, rows, result } = await read('Contoso.xml');
    expect(events).toEqual(['start after 0 rows']);
    expect(starts[0]).toEqual({ kind: 'CrmTranslations.xml', baseLcid: 1033, targets: [1049, 1026] });
    expect(rows.map((r) => [r.sheet, r.objectId, r.base])).toEqual([
      ['Display Strings', 'Save', 'Save'],
      ['Localized Labels', 'a1', 'Account'],
      ['Localized Labels', 'a2', 'Phone'],
    ]);
    expect(texts(rows[1])).toMatchObject({ 1049: 'Организация' });
    expect(result).toMatchObject({
      kind: 'CrmTranslations.xml',
      baseLcid: 1033,
      rows: 3,
      solutionName: 'Contoso',
    });
  });

  it('reads a translations zip the same way, told by content', async () => {
    const { starts, rows, result } = await read('Contoso.zip');
    expect(starts[0]?.kind).toBe('translations zip');
    expect(rows).toHaveLength(3);
    expect(result.problems).toEqual([]);
  });

  it("reads a workbook with its real base language up front (from the hidden meta sheet), and each target's cell", async () => {
    const { events, starts, rows, result } = await read('Contoso.xlsx');
    expect(events).toEqual(['start after 0 rows']);
    expect(starts[0]).toEqual({ kind: 'workbook', baseLcid: 1033, targets: [1026, 1049] });
    const a1 = rows.find((r) => r.objectId === 'a1');
    expect(a1?.base).toBe('Account');
    expect(texts(a1)).toEqual({ 1026: '', 1049: 'Организация' });
    expect(a1?.cells?.get(1049)).toMatch(/^[A-Z]+\d+$/);
    expect(result).toMatchObject({ kind: 'workbook', baseLcid: 1033, rows: 3, solutionName: 'Contoso' });
  });

  it('calls start once even for a file without labels', async () => {
    writeFileSync(path.join(dir, 'empty.xml'), translationsXml([], { languages: [1033, 1049] }));
    const { starts, rows, result } = await read('empty.xml');
    expect(starts).toEqual([{ kind: 'CrmTranslations.xml', baseLcid: 1033, targets: [1049] }]);
    expect(rows).toEqual([]);
    expect(result.rows).toBe(0);
  });

  it('refuses a missing file or a folder, naming it as given', async () => {
    mkdirSync(path.join(dir, 'folder.zip'));
    await expect(read('nope.zip')).rejects.toThrow('nope.zip: no such file');
    await expect(read('folder.zip')).rejects.toThrow('folder.zip: is a folder, not a file');
  });

  it('refuses a zip that is neither a translations zip nor a workbook', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    writeFileSync(path.join(dir, 'other.zip'), await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(read('other.zip')).rejects.toThrow(/other\.zip: no CrmTranslations\.xml at the root/);
  });
});
