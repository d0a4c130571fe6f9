import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleFile } from '../../src/labels/sample-file';
import { labelKey } from '../../src/labels/crm-xml/model';
import { readAll } from '../labels/crm-xml/support';
import {
  crmkit,
  editWithSheetJs,
  setText,
  tempDir,
  XLSX,
  zipEntries,
  removeTempDirs,
} from '../labels/support';

afterAll(removeTempDirs);

const ORDER = 'contact';
let dir = '';
let sampleXml: Buffer;

beforeAll(async () => {
  dir = tempDir();
  await writeSampleFile(path.join(dir, 'sample.zip'), { labels: 150 });
  await writeSampleFile(path.join(dir, 'other.zip'), { labels: 150, seed: 2 });
  sampleXml = (await zipEntries(path.join(dir, 'sample.zip'))).get('CrmTranslations.xml')!;
  expect((await crmkit(dir, 'labels', 'export', 'sample.zip', '-o', 'sample.xlsx')).code).toBe(0);
});

/** A fresh sub-folder holding a copy of the sample zip and its exported workbook. */
function workspace(): string {
  const ws = tempDir('crmkit-ws-');
  copyFileSync(path.join(dir, 'sample.zip'), path.join(ws, 'sample.zip'));
  copyFileSync(path.join(dir, 'sample.xlsx'), path.join(ws, 'sample.xlsx'));
  return ws;
}

async function firstLabel(predicate: (l: Awaited<ReturnType<typeof readAll>>['labels'][number]) => boolean) {
  const { labels } = await readAll(sampleXml);
  const label = labels.find(predicate);
  if (label === undefined) throw new Error('no such label in the sample');
  return label;
}

describe('crmkit labels export', () => {
  it('writes a workbook whose every text sits in its language column (read with SheetJS)', async () => {
    const res = await crmkit(dir, 'labels', 'export', 'sample.zip', '-o', 'check.xlsx');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(
      /^Exported 154 labels \(Localized Labels 150, Display Strings 4\) of ContosoSales, base 1033, languages 1049, 1026, 1058 → check.xlsx\n$/,
    );
    const wb = XLSX.read(readFileSync(path.join(dir, 'check.xlsx')), { type: 'buffer' });
    const { labels } = await readAll(sampleXml);
    for (const sheet of ['Localized Labels', 'Display Strings'] as const) {
      const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[sheet]!, {
        header: 1,
        raw: false,
        defval: '',
      });
      const header = rows[0]!;
      const keyCount = sheet === 'Localized Labels' ? 3 : 2;
      const colOf = (lcid: number) => header.findIndex((h) => h.endsWith(`(${lcid})`));
      const expected = labels.filter((l) => l.sheet === sheet);
      expect(rows.length - 1).toBe(expected.length);
      for (const label of expected) {
        const r = rows.find(
          (cells) =>
            cells[0] === label.entity &&
            cells[1] === label.objectId &&
            (keyCount === 2 || cells[2] === label.column),
        );
        expect(r, labelKey(label)).toBeDefined();
        for (const [lcid, text] of label.texts)
          expect(r![colOf(lcid)], `${label.objectId} ${lcid}`).toBe(text);
      }
    }
  });

  it('gives only the requested languages with --lang', async () => {
    const res = await crmkit(dir, 'labels', 'export', 'sample.zip', '-o', 'ru.xlsx', '--lang', '1049');
    expect(res.code).toBe(0);
    const wb = XLSX.read(readFileSync(path.join(dir, 'ru.xlsx')), { type: 'buffer' });
    const header = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Localized Labels']!, { header: 1 })[0]!;
    expect(header.filter((h) => /\(\d+\)$/.test(h)).map((h) => /\((\d+)\)$/.exec(h)![1])).toEqual([
      '1033',
      '1049',
    ]);
  });

  it('reads a bare CrmTranslations.xml too', async () => {
    writeFileSync(path.join(dir, 'CrmTranslations.xml'), sampleXml);
    const res = await crmkit(dir, 'labels', 'export', 'CrmTranslations.xml', '-o', 'bare.xlsx');
    expect(res.code).toBe(0);
    expect(res.out).toContain('Exported 154 labels');
  });
});

describe('crmkit labels import', () => {
  it('gives a byte-identical CrmTranslations.xml and [Content_Types].xml when nothing was edited', async () => {
    const ws = workspace();
    const res = await crmkit(ws, 'labels', 'import', 'sample.xlsx', '--into', 'sample.zip', '-o', 'out.zip');
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toBe('Imported 1 workbook(s) into out.zip: 0 label text(s) changed\n');
    const before = await zipEntries(path.join(ws, 'sample.zip'));
    const after = await zipEntries(path.join(ws, 'out.zip'));
    expect([...after.keys()]).toEqual(['CrmTranslations.xml', '[Content_Types].xml']);
    expect(after.get('CrmTranslations.xml')!.equals(before.get('CrmTranslations.xml')!)).toBe(true);
    expect(after.get('[Content_Types].xml')!.equals(before.get('[Content_Types].xml')!)).toBe(true);
  });

  it('lands an edit made by another spreadsheet program in exactly that label', async () => {
    const ws = workspace();
    const label = await firstLabel((l) => l.entity === ORDER && l.column === 'LocalizedName');
    editWithSheetJs(path.join(ws, 'sample.xlsx'), (wb) =>
      setText(
        wb,
        { sheet: 'Localized Labels', objectId: label.objectId, column: 'LocalizedName', lcid: 1026 },
        'Поръчка (нова)',
      ),
    );
    const res = await crmkit(ws, 'labels', 'import', 'sample.xlsx', '--into', 'sample.zip', '-o', 'out.zip');
    expect(res.err).toBe('');
    expect(res.out).toBe('Imported 1 workbook(s) into out.zip: 1 label text(s) changed (1026: 1)\n');
    const before = await readAll(sampleXml);
    const after = await readAll((await zipEntries(path.join(ws, 'out.zip'))).get('CrmTranslations.xml')!);
    const changed = after.labels.flatMap((l, i) =>
      [...l.texts]
        .filter(([lcid, text]) => before.labels[i]!.texts.get(lcid) !== text)
        .map(([lcid, text]) => [l.objectId, lcid, text]),
    );
    expect(changed).toEqual([[label.objectId, 1026, 'Поръчка (нова)']]);
  });
});
