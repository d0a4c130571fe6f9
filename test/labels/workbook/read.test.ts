/**
 * Reading workbooks that another program touched (SheetJS stands in for Excel: it rewrites the
 * package with shared strings and its own part order) and workbooks that are not ours.
 */
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { CrmKitError } from '../../../src/errors';
import { readWorkbook } from '../../../src/labels/workbook/read';
import { excelShapedWorkbook, exported } from '../../fixtures/workbook/excel-shaped';
import { asSheetJsReadsIt, BASE, label, options, partText, readBack, writeWorkbook } from './helpers';

const targets = [1049, 1026];
const labels = [
  label('Localized Labels', 'account', 'a1', 'LocalizedName', {
    [BASE]: 'Account',
    1049: 'Организация',
    1026: '',
  }),
  label('Localized Labels', 'account', 'a2', 'DisplayName', {
    [BASE]: 'Phone',
    1049: 'Телефон',
    1026: 'Телефон',
  }),
  label('Localized Labels', 'account', 'a3', 'DisplayName', { [BASE]: 'Fax', 1049: '', 1026: '' }),
  label('Localized Labels', 'account', 'a4', 'Description', {
    [BASE]: 'Two\r\nlines',
    1049: 'Две\r\nстроки',
  }),
  label('Display Strings', 'account', 'Msg.1', '', { [BASE]: 'Save {0}?', 1049: 'Сохранить {0}?' }),
];

/** Opens the workbook with SheetJS, lets `edit` change it, writes it back with shared strings. */
function editWithSheetJs(xlsx: Buffer, edit: (book: XLSX.WorkBook) => void): Buffer {
  const book = XLSX.read(xlsx, { type: 'buffer', cellStyles: true });
  edit(book);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer;
}

async function rejection(promise: Promise<unknown>): Promise<CrmKitError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof CrmKitError) return e;
    throw e;
  }
  throw new Error('expected a CrmKitError');
}

/** Rewrites one part of the package. */
async function withPart(xlsx: Buffer, name: string, change: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const xml = await zip.file(name)!.async('string');
  zip.file(name, change(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('readWorkbook', () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await writeWorkbook(labels, options(targets));
  });

  it('sees an edit made by another program as exactly that change', async () => {
    const edited = editWithSheetJs(xlsx, (book) => {
      XLSX.utils.sheet_add_aoa(book.Sheets['Localized Labels']!, [['Факс']], { origin: 'F4' });
    });
    const { rows, result } = await readBack(edited);
    expect(result.problems).toEqual([]);
    expect(rows).toHaveLength(labels.length);
    const changed = rows.filter((r) => !r.unchangedSinceExport);
    expect(changed.map((r) => [r.objectId, r.texts.get(1049), r.cells.get(1049)])).toEqual([
      ['a3', 'Факс', 'F4'],
    ]);
    for (const input of labels) {
      const row = rows.find((r) => r.objectId === input.objectId)!;
      if (input.objectId === 'a3') continue;
      // SheetJS saved a4's CR LF as LF: a difference of line-break style only, so still unchanged.
      for (const lcid of targets)
        expect(row.texts.get(lcid)).toBe(asSheetJsReadsIt(input.texts.get(lcid) ?? ''));
    }
  });

  it('reads rows wherever sorting or deleting left them', async () => {
    const edited = editWithSheetJs(xlsx, (book) => {
      const sheet = book.Sheets['Localized Labels']!;
      const data = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
      const [header, ...body] = data;
      const reordered = [header!, ...body.reverse().filter((row) => row[1] !== 'a2')];
      book.Sheets['Localized Labels'] = XLSX.utils.aoa_to_sheet(reordered);
    });
    const { rows, result } = await readBack(edited);
    expect(result.problems).toEqual([]);
    const local = rows.filter((r) => r.sheet === 'Localized Labels');
    expect(local.map((r) => [r.objectId, r.rowNumber])).toEqual([
      ['a4', 2],
      ['a3', 3],
      ['a1', 4],
    ]);
    expect(local.every((r) => r.unchangedSinceExport)).toBe(true);
    expect(local[0]!.texts.get(1049)).toBe(asSheetJsReadsIt('Две\r\nстроки'));
  });

  it('reads rows that a filter or the translator hid', async () => {
    const edited = editWithSheetJs(xlsx, (book) => {
      const sheet = book.Sheets['Localized Labels']!;
      sheet['!rows'] = [{}, { hidden: true }, { hidden: true }];
      sheet['!autofilter'] = { ref: 'A1:G5' };
    });
    expect(await partText(edited, 'xl/worksheets/sheet2.xml')).toMatch(/<row r="2"[^>]*hidden="1"/);
    const { rows } = await readBack(edited);
    expect(rows.filter((r) => r.sheet === 'Localized Labels').map((r) => r.objectId)).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
    ]);
  });

  it('reports a formula in a translation cell with its place and passes the row by', async () => {
    const edited = editWithSheetJs(xlsx, (book) => {
      book.Sheets['Localized Labels']!.F2 = { t: 's', v: 'x', f: 'UPPER("x")' };
    });
    const { rows, result } = await readBack(edited);
    expect(result.problems).toEqual([
      {
        code: 'FORMULA',
        where: 'ru.xlsx › Localized Labels!F2',
        message:
          'a formula in the column "Русский (1049)"; type the text itself (start it with an apostrophe to keep a leading =)',
        sheet: 'Localized Labels',
        cell: 'F2',
        key: 'account / a1 / LocalizedName',
        lcid: 1049,
      },
    ]);
    expect(rows.map((r) => r.objectId)).not.toContain('a1');
  });

  it('reports a changed key cell, saying what it was, and never matches the row by its new key', async () => {
    const edited = editWithSheetJs(xlsx, (book) => {
      XLSX.utils.sheet_add_aoa(book.Sheets['Localized Labels']!, [['acount']], { origin: 'A3' });
    });
    const { rows, result } = await readBack(edited);
    expect(result.problems.map((p) => [p.code, p.where, p.key, p.lcid, p.message])).toEqual([
      [
        'KEY_CHANGED',
        'ru.xlsx › Localized Labels!A3',
        'acount / a2 / DisplayName',
        1049,
        'the key was changed (it was "account / a2 / DisplayName"): "Entity name" was "account", now "acount"; ' +
          'the row is ignored: undo the change',
      ],
    ]);
    expect(rows.map((r) => r.objectId).sort()).toEqual(['Msg.1', 'a1', 'a3', 'a4']);
  });

  it('tells the original keys of rows sorted without their hidden token column', async () => {
    const edited = editWithSheetJs(xlsx, (book) => {
      const sheet = book.Sheets['Localized Labels']!;
      const a = sheet.B3 as XLSX.CellObject;
      sheet.B3 = sheet.B4 as XLSX.CellObject;
      sheet.B4 = a;
    });
    const { result } = await readBack(edited);
    expect(result.problems.map((p) => [p.cell, p.message])).toEqual([
      [
        'A3',
        'the key was changed (it was "account / a2 / DisplayName"): "Object ID" was "a2", now "a3"; the row is ignored: undo the change',
      ],
      [
        'A4',
        'the key was changed (it was "account / a3 / DisplayName"): "Object ID" was "a3", now "a2"; the row is ignored: undo the change',
      ],
    ]);
  });

  it('names the key columns when the original key is nowhere in the sheet', async () => {
    const edited = editWithSheetJs(xlsx, (book) => {
      XLSX.utils.sheet_add_aoa(book.Sheets['Display Strings']!, [['Msg.9']], { origin: 'B2' });
    });
    const { result } = await readBack(edited);
    expect(result.problems.map((p) => [p.code, p.cell, p.message])).toEqual([
      [
        'KEY_CHANGED',
        'A2',
        'a key cell ("Entity name", "Display String Key") was changed; the row is ignored',
      ],
    ]);
  });

  it('refuses a workbook whose label sheet was deleted, naming it from the meta sheet', async () => {
    const edited = editWithSheetJs(xlsx, (book) => {
      book.SheetNames = book.SheetNames.filter((n) => n !== 'Display Strings');
      Reflect.deleteProperty(book.Sheets, 'Display Strings');
    });
    const e = await rejection(readBack(edited));
    expect([e.code, e.message]).toEqual([
      'WORKBOOK_LAYOUT',
      'ru.xlsx: the sheet "Display Strings" is missing (found "Localized Labels"); its rows would be lost: ' +
        'undo the deletion, or export the workbook again',
    ]);
  });

  it('still reads a workbook of an older crmkit, whose meta sheet does not record the label sheets', async () => {
    const older = await withPart(xlsx, 'xl/worksheets/sheet3.xml', (xml) =>
      xml.replace(/<row r="7".*?<\/row>/, ''),
    );
    const { rows } = await readBack(older);
    expect(rows).toHaveLength(5);
  });

  it('reports a row that has no token', async () => {
    const edited = editWithSheetJs(xlsx, (book) => {
      XLSX.utils.sheet_add_aoa(
        book.Sheets['Localized Labels']!,
        [['account', 'new', 'DisplayName', '', 'New', 'Новый']],
        {
          origin: 'A7',
        },
      );
    });
    const { result } = await readBack(edited);
    expect(result.problems.map((p) => [p.code, p.where])).toEqual([
      ['TOKEN_MISSING', 'ru.xlsx › Localized Labels!H7'],
    ]);
  });

  it('joins the runs of a rich text cell into plain text', async () => {
    const edited = await withPart(xlsx, 'xl/worksheets/sheet2.xml', (xml) =>
      xml.replace(
        /<c r="F4"[^>]*\/>|<c r="F4"[^>]*>.*?<\/c>|(?=<c r="H4")/,
        '<c r="F4" t="inlineStr"><is><r><t>Фа</t></r><r><rPr><b/></rPr><t xml:space="preserve">кс </t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c>',
      ),
    );
    const { rows } = await readBack(edited);
    expect(rows.find((r) => r.objectId === 'a3')!.texts.get(1049)).toBe('Факс ');
  });

  it('keeps the hidden meta sheet readable after another program re-saved the file', async () => {
    const { result } = await readBack(editWithSheetJs(xlsx, () => undefined));
    expect(result.meta.languages).toEqual(targets);
    expect(result.meta.solutionName).toBe('ContosoSales');
  });
});

describe('readWorkbook refuses what is not a crmkit workbook', () => {
  it('refuses a file that is not a zip', async () => {
    const e = await rejection(readBack(Buffer.from('Entity name;Object ID\n'), 'labels.xlsx'));
    expect(e.code).toBe('NOT_A_WORKBOOK');
    expect(e.message).toBe('labels.xlsx: not an .xlsx workbook (not a zip file)');
  });

  it('refuses a workbook without label sheets', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['hello']]), 'Sheet1');
    const e = await rejection(
      readBack(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, 'other.xlsx'),
    );
    expect(e.code).toBe('NOT_A_WORKBOOK');
    expect(e.message).toContain('other.xlsx: no "Localized Labels" or "Display Strings" sheet');
  });

  it('refuses a workbook whose meta sheet was deleted', async () => {
    const xlsx = await writeWorkbook(labels, options(targets));
    const edited = editWithSheetJs(xlsx, (book) => {
      book.SheetNames = book.SheetNames.filter((n) => n !== '_crmkit');
      if (book.Workbook?.Sheets)
        book.Workbook.Sheets = book.Workbook.Sheets.filter((s) => s.name !== '_crmkit');
    });
    const e = await rejection(readBack(edited));
    expect(e.code).toBe('NOT_A_WORKBOOK');
    expect(e.message).toContain('the hidden sheet "_crmkit" is missing');
  });

  it('refuses a workbook whose language columns were changed', async () => {
    const xlsx = await writeWorkbook(labels, options(targets));
    const edited = editWithSheetJs(xlsx, (book) => {
      XLSX.utils.sheet_add_aoa(book.Sheets['Localized Labels']!, [['Deutsch (1031)']], { origin: 'G1' });
    });
    const e = await rejection(readBack(edited));
    expect(e.code).toBe('WORKBOOK_LAYOUT');
    expect(e.message).toBe(
      'ru.xlsx › Localized Labels!G1: expected the column "Български (1026)", found "Deutsch (1031)" ' +
        '(a column was deleted, moved or renamed); undo the change, or export the workbook again (it has the languages 1049, 1026)',
    );
  });

  it('refuses a workbook whose label sheet was renamed, naming the sheet expected and those found', async () => {
    const xlsx = await writeWorkbook(labels, options(targets));
    const edited = editWithSheetJs(xlsx, (book) => {
      book.SheetNames = book.SheetNames.map((n) => (n === 'Localized Labels' ? 'Лист1' : n));
      book.Sheets['Лист1'] = book.Sheets['Localized Labels']!;
      delete book.Sheets['Localized Labels'];
    });
    const e = await rejection(readBack(edited));
    expect(e.code).toBe('WORKBOOK_LAYOUT');
    expect(e.message).toBe(
      'ru.xlsx: the sheet "Localized Labels" is missing (found "Display Strings", "Лист1"); ' +
        'the sheet "Лист1" holds its rows: rename it back to "Localized Labels"',
    );
  });

  it('refuses a DOCTYPE in a part', async () => {
    const xlsx = await writeWorkbook(labels, options(targets));
    const hostile = await withPart(xlsx, 'xl/worksheets/sheet2.xml', (xml) =>
      xml.replace('?>', '?><!DOCTYPE worksheet [<!ENTITY x "boom">]>'),
    );
    const e = await rejection(readBack(hostile));
    expect(e.code).toBe('XML_DOCTYPE');
  });

  it('refuses a part that inflates past the limit, before and while inflating', async () => {
    const xlsx = await writeWorkbook(labels, options(targets));
    const e = await rejection(
      readWorkbook(Readable.from([xlsx]), 'big.xlsx', () => undefined, { limits: { maxEntryBytes: 1000 } }),
    );
    expect(e.code).toBe('ZIP_TOO_LARGE');
    expect(e.message).toMatch(/^big\.xlsx: the part \S+ inflates past the limit of 1000 bytes$/);
  });

  it('refuses a part whose zip directory lies about its size, while inflating it', async () => {
    const xlsx = await writeWorkbook(labels, options(targets));
    const lying = Buffer.from(xlsx);
    // Every central directory entry now claims 10 bytes inflated.
    for (
      let i = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      i >= 0;
      i = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)
    ) {
      lying.writeUInt32LE(10, i + 24);
    }
    const e = await rejection(
      readWorkbook(Readable.from([lying]), 'bomb.xlsx', () => undefined, { limits: { maxEntryBytes: 1000 } }),
    );
    expect(e.code).toBe('ZIP_TOO_LARGE');
  });
});

describe('a workbook in the shape Excel and the Open XML SDK save it', () => {
  it('reads shared and rich text, escapes, cells without references, numbers and booleans', async () => {
    const { rows, result } = await readBack(await excelShapedWorkbook(), 'excel.xlsx');
    expect(result.problems).toEqual([]);
    expect(result.meta.languages).toEqual([1049, 1026]);
    const byId = new Map(rows.map((r) => [r.objectId, r]));
    expect(rows.map((r) => r.objectId)).toEqual(['a2', 'a1', 'a3', 'a4']);
    expect(byId.get('a2')).toMatchObject({ base: 'Two\r\nlines', rowNumber: 2, unchangedSinceExport: false });
    expect(byId.get('a2')!.texts.get(1049)).toBe('Две\r\nстроки!');
    expect(byId.get('a2')!.texts.get(1026)).toBe(exported[1].bg);
    expect(byId.get('a1')).toMatchObject({ unchangedSinceExport: true, column: 'LocalizedName' });
    expect([...byId.get('a3')!.texts]).toEqual([
      [1049, '42'],
      [1026, 'TRUE'],
    ]);
    expect(byId.get('a4')!.texts.get(1049)).toBe('');
    expect(byId.get('a4')!.unchangedSinceExport).toBe(false);
  });
});
