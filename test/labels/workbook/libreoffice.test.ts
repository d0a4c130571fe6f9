/**
 * A workbook re-saved by LibreOffice Calc (`soffice --headless --convert-to xlsx`) reads back
 * with every text, key and the meta intact. Skips, saying why, only where soffice is missing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { convertWithLibreOffice, libreOfficeSkipReason } from '../../support/libreoffice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelKey, sameText } from '../../../src/labels/crm-xml/model';
import type { WorkbookReadResult, WorkbookRow } from '../../../src/labels/workbook/types';
import { BASE, FINGERPRINT, label, options, partText, readBack, writeWorkbook } from './helpers';

const skipReason = libreOfficeSkipReason('LibreOffice round trip');
if (skipReason !== undefined) console.warn(skipReason);

const targets = [1049, 1026, 1058];
const texts = [
  'Sales Order',
  'Two\r\nlines',
  'one\nbreak',
  '  spaces around  ',
  '=SUM(A1:A2)',
  '00123',
  '1,5',
  'TRUE',
  '{0} of {1}',
  'A & B <c> "d"',
  'literal _x000D_ text',
  'tab\there',
  '🚀 emoji, עברית, 中文',
];
const labels = [
  ...texts.map((text, i) =>
    label(
      'Localized Labels',
      'pl_salesorder',
      `00000000-0000-0000-0000-00000000000${i.toString(16)}`,
      'DisplayName',
      {
        [BASE]: `Base ${i}: ${text}`,
        1049: text,
        1026: i % 2 === 0 ? `bg ${text}` : '',
        1058: i % 3 === 0 ? '' : text,
      },
    ),
  ),
  label('Display Strings', 'pl_salesorder', 'Message.Confirm', '', {
    [BASE]: 'Submit {0}?',
    1049: 'Отправить {0}?',
  }),
];

describe.skipIf(skipReason !== undefined)('a workbook re-saved by LibreOffice Calc', () => {
  let dir: string;
  let resaved: Buffer;
  let rows: WorkbookRow[];
  let result: WorkbookReadResult;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'crmkit-lo-'));
    mkdirSync(path.join(dir, 'in'));
    mkdirSync(path.join(dir, 'out'));
    const input = path.join(dir, 'in', 'all.xlsx');
    writeFileSync(input, await writeWorkbook(labels, options(targets)));
    const russianOnly = path.join(dir, 'in', 'ru.xlsx');
    writeFileSync(russianOnly, await writeWorkbook(labels, options([1049])));
    await convertWithLibreOffice(dir, 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'out'), [
      input,
      russianOnly,
    ]);
    resaved = readFileSync(path.join(dir, 'out', 'all.xlsx'));
    ({ rows, result } = await readBack(resaved));
  }, 90_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the meta', () => {
    expect(result.meta).toMatchObject({ fingerprint: FINGERPRINT, baseLcid: BASE, languages: targets });
    expect(result.problems).toEqual([]);
  });

  it('keeps every key and text (CR LF may become LF) and every row reads as unchanged', () => {
    expect(rows).toHaveLength(labels.length);
    for (const input of labels) {
      const row = rows.find((r) => labelKey(r) === labelKey(input));
      expect(row, labelKey(input)).toBeDefined();
      expect(sameText(row!.base, input.texts.get(BASE)!)).toBe(true);
      for (const lcid of targets) {
        const expected = input.texts.get(lcid) ?? '';
        expect(
          sameText(row!.texts.get(lcid)!, expected),
          `${input.objectId} ${lcid}: ${row!.texts.get(lcid)}`,
        ).toBe(true);
      }
      expect(row!.unchangedSinceExport).toBe(true);
    }
  });

  it('keeps the protection, the length validation and the autofilter', async () => {
    const sheetNames = [
      ...(await partText(resaved, 'xl/workbook.xml')).matchAll(/<sheet [^>]*name="([^"]+)"/g),
    ];
    const index = sheetNames.findIndex((m) => m[1] === 'Localized Labels') + 1;
    const xml = await partText(resaved, `xl/worksheets/sheet${index}.xml`);
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="(true|1)"/);
    expect(xml).toMatch(/<dataValidation [^>]*type="textLength"/);
    expect(xml).toMatch(/<autoFilter ref="A1:I\d+"/);
  });

  it('opens on the larger label sheet, as the workbook asks (LibreOffice saves the tab it opened on)', async () => {
    const workbookXml = await partText(resaved, 'xl/workbook.xml');
    const names = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const active = Number(/<workbookView [^>]*activeTab="(\d+)"/.exec(workbookXml)?.[1] ?? '0');
    expect(names[active]).toBe('Localized Labels');
    const xml = await partText(resaved, `xl/worksheets/sheet${active + 1}.xml`);
    expect(xml).toMatch(/<sheetView [^>]*tabSelected="(true|1)"/);
  });

  it('keeps a one-language workbook, headed in Russian, readable', async () => {
    const { rows: ruRows, result: ruResult } = await readBack(readFileSync(path.join(dir, 'out', 'ru.xlsx')));
    expect(ruResult.problems).toEqual([]);
    expect(ruResult.meta.languages).toEqual([1049]);
    expect(ruRows).toHaveLength(labels.length);
    for (const row of ruRows) {
      const input = labels.find((l) => labelKey(l) === labelKey(row))!;
      expect(sameText(row.texts.get(1049)!, input.texts.get(1049) ?? '')).toBe(true);
      expect(row.unchangedSinceExport).toBe(true);
    }
  });
});
