/**
 * A label file in languages crmkit has no texts of its own in: English base, German (1031) and
 * French (1036) (test/fixtures/crm-xml/german-french.xml, laid out as Dynamics writes it: BOM,
 * CR LF, indentation). Export, translator's edits, import, check, split and memory, through the CLI.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translationsXml, translationsZip, xmlOfZip } from '../fixtures/crm-xml/translations';
import { readAll } from './crm-xml/support';
import { crmkit, editWithSheetJs, files, removeTempDirs, setText, tempDir, XLSX } from './support';

afterAll(removeTempDirs);

const FIXTURE = path.join(import.meta.dirname, '../fixtures/crm-xml/german-french.xml');
const NOTE =
  "note: the workbook's own texts (headers, context, notes) are in English for German (1031), French (1036): crmkit has none in those languages\n";

/** A folder holding the fixture as `de-fr.xml`. */
function folder(): string {
  const dir = tempDir('crmkit-languages-');
  copyFileSync(FIXTURE, path.join(dir, 'de-fr.xml'));
  return dir;
}

/** `crmkit labels import <workbook> --into <input> -o <output> --quiet` in `dir`. */
function importInto(dir: string, workbook: string, input: string, output: string) {
  return crmkit(dir, 'labels', 'import', workbook, '--into', input, '-o', output, '--quiet');
}

function headerRow(file: string, sheet: 'Localized Labels' | 'Display Strings'): string[] {
  const wb = XLSX.read(readFileSync(file), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<string[]>(wb.Sheets[sheet]!, { header: 1, raw: false })[0] ?? [];
}

describe('a label file with English, German and French', () => {
  it('holds the three languages in the fixture, every text as Dynamics wrote it', async () => {
    const read = await readAll(readFileSync(FIXTURE));
    expect(read.header.baseLcid).toBe(1033);
    expect(read.header.languages['Localized Labels']).toEqual([1033, 1031, 1036]);
    expect(read.labels.find((l) => l.column === 'LocalizedName')?.texts).toEqual(
      new Map([
        [1033, 'Account'],
        [1031, 'Firma'],
        [1036, 'Compte'],
      ]),
    );
  });

  it('exports German and French columns under their own names with English captions, saying so once', async () => {
    const dir = folder();
    const r = await crmkit(dir, 'labels', 'export', 'de-fr.xml', '-o', 'w.xlsx', '--quiet');
    expect(r.code).toBe(0);
    expect(r.err).toBe(NOTE);
    expect(headerRow(path.join(dir, 'w.xlsx'), 'Localized Labels')).toEqual([
      'Entity name',
      'Object ID',
      'Object Column Name',
      'Context',
      'English (1033)',
      'Deutsch (1031)',
      'Français (1036)',
      'crmkit row token (do not edit)',
    ]);
  });

  it('says so once for --split too, one workbook per language', async () => {
    const dir = folder();
    const r = await crmkit(dir, 'labels', 'export', 'de-fr.xml', '--split', '-o', 'split', '--quiet');
    expect(r.code).toBe(0);
    expect(r.err).toBe(NOTE);
    expect(files(path.join(dir, 'split'))).toEqual(['de-fr.1031.xlsx', 'de-fr.1036.xlsx']);
    expect(headerRow(path.join(dir, 'split/de-fr.1031.xlsx'), 'Display Strings')).toEqual([
      'Entity name',
      'Display String Key',
      'Context',
      'English (1033)',
      'Deutsch (1031)',
      'crmkit row token (do not edit)',
    ]);
  });

  it('says nothing for a workbook in a language crmkit speaks', async () => {
    const dir = tempDir('crmkit-languages-');
    const labels = [{ entity: 'account', objectId: 'x', texts: { 1033: 'Account', 1049: 'Организация' } }];
    writeFileSync(path.join(dir, 'ru.xml'), translationsXml(labels, { languages: [1033, 1049] }));
    const r = await crmkit(dir, 'labels', 'export', 'ru.xml', '-o', 'w.xlsx', '--quiet');
    expect([r.code, r.err]).toEqual([0, '']);
  });

  it('imports the unedited workbook back byte-identically, bare and inside the zip', async () => {
    const dir = folder();
    const original = readFileSync(path.join(dir, 'de-fr.xml'));
    await crmkit(dir, 'labels', 'export', 'de-fr.xml', '-o', 'w.xlsx', '--quiet');
    const check = await crmkit(dir, 'labels', 'check', 'w.xlsx');
    expect(check.code).toBe(0);
    const r = await importInto(dir, 'w.xlsx', 'de-fr.xml', 'out.xml');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'out.xml')).equals(original)).toBe(true);

    writeFileSync(path.join(dir, 'de-fr.zip'), await translationsZip(original.toString('utf8')));
    await crmkit(dir, 'labels', 'export', 'de-fr.zip', '-o', 'z.xlsx', '--quiet');
    await importInto(dir, 'z.xlsx', 'de-fr.zip', 'out.zip');
    expect(await xmlOfZip(readFileSync(path.join(dir, 'out.zip')))).toBe(original.toString('utf8'));
  });

  it('lands German and French texts a translator typed, and changes nothing else', async () => {
    const dir = folder();
    await crmkit(dir, 'labels', 'export', 'de-fr.xml', '-o', 'w.xlsx', '--quiet');
    const survey = 'c5d3e9f4-6071-4c8d-aebf-2a3b4c5d6e7f';
    const revenue = 'a3b1c7d2-4e5f-4a6b-8c9d-0e1f2a3b4c5d';
    editWithSheetJs(path.join(dir, 'w.xlsx'), (wb) => {
      const at = { sheet: 'Localized Labels', column: 'DisplayName' } as const;
      setText(wb, { ...at, objectId: survey, lcid: 1031 }, 'Notizen für den nächsten Besuch');
      setText(wb, { ...at, objectId: survey, lcid: 1036 }, 'Notes pour la prochaine visite');
      setText(
        wb,
        { ...at, objectId: revenue, column: 'Description', lcid: 1036 },
        'Saisissez le chiffre d’affaires.',
      );
    });
    const r = await importInto(dir, 'w.xlsx', 'de-fr.xml', 'out.xml');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: 3 label text\(s\) changed/);
    const before = await readAll(readFileSync(path.join(dir, 'de-fr.xml')));
    const after = await readAll(readFileSync(path.join(dir, 'out.xml')));
    const expected = before.labels.map((l) => {
      const texts = new Map(l.texts);
      if (l.objectId === survey)
        texts.set(1031, 'Notizen für den nächsten Besuch').set(1036, 'Notes pour la prochaine visite');
      if (l.objectId === revenue && l.column === 'Description')
        texts.set(1036, 'Saisissez le chiffre d’affaires.');
      return { ...l, texts };
    });
    expect(after.labels).toEqual(expected);
  });

  it('keeps a translation memory under the BCP 47 tags de-DE and fr-FR, and fills French cells from it', async () => {
    const dir = folder();
    const built = await crmkit(dir, 'labels', 'memory', 'build', 'de-fr.xml', '-o', 'm.tmx', '--quiet');
    expect(built.code).toBe(0);
    const tmx = readFileSync(path.join(dir, 'm.tmx'), 'utf8');
    expect(tmx).toContain('srclang="en-US"');
    expect(tmx).toContain(
      '<tuv xml:lang="de-DE"><prop type="x-crmkit-source">de-fr.xml</prop><seg>Firma</seg></tuv>',
    );
    expect(tmx).toContain(
      '<tuv xml:lang="fr-FR"><prop type="x-crmkit-source">de-fr.xml</prop><seg>Compte</seg></tuv>',
    );
    expect(tmx).not.toMatch(/xml:lang="(x-|1031|1036)/);

    const read = await readAll(readFileSync(FIXTURE));
    const untranslated = read.labels.map((l) => ({
      sheet: l.sheet,
      entity: l.entity,
      objectId: l.objectId,
      column: l.column,
      texts: { 1033: l.texts.get(1033) ?? '' },
    }));
    writeFileSync(
      path.join(dir, 'new.xml'),
      translationsXml(untranslated, { languages: [1033, 1031, 1036] }),
    );
    const r = await crmkit(
      dir,
      'labels',
      'export',
      'new.xml',
      '--memory',
      'm.tmx',
      '-o',
      'new.xlsx',
      '--quiet',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\(1031: 9, 1036: 8\)/);
  });
});
