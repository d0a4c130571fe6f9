/**
 * No lost work, as a translator and an administrator would meet it: a workbook edited the way a
 * person does in a spreadsheet program (SheetJS here) — a label sheet renamed, a language column
 * deleted, translations cleared or typed as spaces — and the README's export run again over
 * workbooks translators have returned. Each case asserts the message, the exit status, and that
 * nothing was written or overwritten (bytes compared).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleFile } from '../../src/labels/sample-file';
import { crmkit, editWithSheetJs, removeTempDirs, tempDir, XLSX } from '../labels/support';

afterAll(removeTempDirs);

const RU = 'for-translators/sample.1049.xlsx';
let dir = '';

beforeAll(async () => {
  dir = tempDir('crmkit-lost-');
  await writeSampleFile(path.join(dir, 'sample.zip'), { labels: 60 });
  const res = await crmkit(dir, 'labels', 'export', 'sample.zip', '--split', '-o', 'for-translators');
  expect(res.code).toBe(0);
});

/** A fresh folder with the sample zip and the Russian workbook as handed out. */
function russian(): { ws: string; file: string } {
  const ws = tempDir('crmkit-lost-ws-');
  copyFileSync(path.join(dir, 'sample.zip'), path.join(ws, 'sample.zip'));
  copyFileSync(path.join(dir, RU), path.join(ws, 'sample.1049.xlsx'));
  return { ws, file: path.join(ws, 'sample.1049.xlsx') };
}

/** Rows of a sheet as texts (row 0 is the header). */
function rowsOf(ws: XLSX.WorkSheet): string[][] {
  return XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
}

/** The addresses of the first `n` non-empty cells of the column captioned `… (lcid)`, with their keys. */
function translatedCells(wb: XLSX.WorkBook, lcid: number, n: number): { address: string; key: string }[] {
  const rows = rowsOf(wb.Sheets['Localized Labels']!);
  const col = rows[0]!.findIndex((h) => h.endsWith(`(${lcid})`));
  const out: { address: string; key: string }[] = [];
  rows.forEach((cells, r) => {
    if (r === 0 || out.length >= n || (cells[col] ?? '') === '') return;
    out.push({
      address: XLSX.utils.encode_cell({ r, c: col }),
      key: `${cells[0]} / ${cells[1]} / ${cells[2]}`,
    });
  });
  if (out.length < n) throw new Error(`only ${out.length} translated cells for ${lcid}`);
  return out;
}

/** Sets a cell the way typing does (a plain text cell); '' deletes it, as the Delete key does. */
function type(wb: XLSX.WorkBook, address: string, text: string): void {
  const ws = wb.Sheets['Localized Labels']!;
  if (text === '') Reflect.deleteProperty(ws, address);
  else ws[address] = { t: 's', v: text };
}

/** Deletes a column as a spreadsheet program does: the cells to its right move one to the left. */
function deleteColumn(ws: XLSX.WorkSheet, col: number): void {
  const range = XLSX.utils.decode_range(ws['!ref']!);
  for (let r = range.s.r; r <= range.e.r; r++) {
    for (let c = col; c <= range.e.c; c++) {
      const from = ws[XLSX.utils.encode_cell({ r, c: c + 1 })] as XLSX.CellObject | undefined;
      const to = XLSX.utils.encode_cell({ r, c });
      if (from === undefined) Reflect.deleteProperty(ws, to);
      else ws[to] = from;
    }
  }
  range.e.c -= 1;
  ws['!ref'] = XLSX.utils.encode_range(range);
}

/** `labels import sample.1049.xlsx --into sample.zip -o out.zip` in `ws`. */
function importRu(ws: string, ...more: string[]) {
  return crmkit(ws, 'labels', 'import', 'sample.1049.xlsx', '--into', 'sample.zip', '-o', 'out.zip', ...more);
}

function renameSheet(wb: XLSX.WorkBook, from: string, to: string): void {
  wb.SheetNames = wb.SheetNames.map((n) => (n === from ? to : n));
  wb.Sheets[to] = wb.Sheets[from]!;
  Reflect.deleteProperty(wb.Sheets, from);
}

describe('a workbook whose label sheet or columns were changed is refused, not read as empty', () => {
  it('check and import refuse a renamed "Localized Labels" (exit 3), naming it and the sheets found; nothing is written', async () => {
    const { ws, file } = russian();
    editWithSheetJs(file, (wb) => {
      for (const { address } of translatedCells(wb, 1049, 3)) type(wb, address, 'Перевод');
      renameSheet(wb, 'Localized Labels', 'Лист1');
    });
    const expected =
      'crmkit: sample.1049.xlsx: the sheet "Localized Labels" is missing (found "Display Strings", "Лист1"); ' +
      'the sheet "Лист1" holds its rows: rename it back to "Localized Labels"\n';

    const check = await crmkit(ws, 'labels', 'check', 'sample.1049.xlsx');
    expect([check.code, check.out, check.err]).toEqual([3, '', expected]);

    const imported = await importRu(ws);
    expect([imported.code, imported.out, imported.err]).toEqual([3, '', expected]);
    expect(existsSync(path.join(ws, 'out.zip'))).toBe(false);
  });

  it('refuses a deleted language column (exit 3), naming the column expected and what stands there', async () => {
    const { ws, file } = russian();
    editWithSheetJs(file, (wb) => deleteColumn(wb.Sheets['Localized Labels']!, 5));
    const expected =
      'crmkit: sample.1049.xlsx › Localized Labels!F1: expected the column "Русский (1049)", found "Метка строки crmkit (не изменять)" ' +
      '(a column was deleted, moved or renamed); undo the change, or export the workbook again (it has the languages 1049)\n';
    for (const args of [
      ['check', 'sample.1049.xlsx'],
      ['import', 'sample.1049.xlsx', '--into', 'sample.zip', '-o', 'out.zip'],
    ]) {
      const res = await crmkit(ws, 'labels', ...args);
      expect([res.code, res.err], args[0]).toEqual([3, expected]);
    }
    expect(existsSync(path.join(ws, 'out.zip'))).toBe(false);
  });

  it('refuses a deleted key column the same way', async () => {
    const { ws, file } = russian();
    editWithSheetJs(file, (wb) => deleteColumn(wb.Sheets['Localized Labels']!, 1));
    const res = await crmkit(ws, 'labels', 'check', 'sample.1049.xlsx');
    expect(res.code).toBe(3);
    expect(res.err).toBe(
      'crmkit: sample.1049.xlsx › Localized Labels!B1: expected the column "Идентификатор объекта", found "Свойство объекта" ' +
        '(a column was deleted, moved or renamed); undo the change, or export the workbook again (it has the languages 1049)\n',
    );
  });
});

describe('export does not overwrite a workbook a translator has returned', () => {
  /** A copy of the handed-out folder, the Russian workbook edited in `cells` places. */
  function returned(cells: number): { ws: string; bytes: () => Map<string, Buffer> } {
    const ws = tempDir('crmkit-lost-ret-');
    copyFileSync(path.join(dir, 'sample.zip'), path.join(ws, 'sample.zip'));
    const split = path.join(ws, 'for-translators');
    const names = ['sample.1026.xlsx', 'sample.1049.xlsx', 'sample.1058.xlsx'];
    mkdirSync(split);
    for (const name of names) copyFileSync(path.join(dir, 'for-translators', name), path.join(split, name));
    editWithSheetJs(path.join(ws, RU), (wb) => {
      for (const { address } of translatedCells(wb, 1049, cells)) type(wb, address, 'Новый перевод');
    });
    return {
      ws,
      bytes: () => new Map(names.map((n) => [n, readFileSync(path.join(split, n))])),
    };
  }

  it('refuses the README export --split over a returned workbook (exit 4), naming it and its edited cells; every file stays as it was', async () => {
    const { ws, bytes } = returned(3);
    const before = bytes();
    const res = await crmkit(ws, 'labels', 'export', 'sample.zip', '--split', '-o', 'for-translators');
    expect(res.code).toBe(4);
    expect(res.out).toBe('');
    expect(res.err).toBe(
      `crmkit: ${path.join('for-translators', 'sample.1049.xlsx')} (3 edited cell(s)): exists and holds a translator's edits ` +
        `that this export would not write; nothing was written: import it first, write elsewhere, or use --force to overwrite\n`,
    );
    expect(bytes()).toEqual(before);
    expect(readdirSync(path.join(ws, 'for-translators')).sort()).toEqual([...before.keys()]);
  });

  it('refuses a plain export over a returned workbook the same way', async () => {
    const { ws, bytes } = returned(2);
    const before = bytes().get('sample.1049.xlsx');
    const res = await crmkit(ws, 'labels', 'export', 'sample.zip', '--lang', '1049', '-o', RU);
    expect(res.code).toBe(4);
    expect(res.err).toMatch(
      /^crmkit: for-translators\/sample\.1049\.xlsx \(2 edited cell\(s\)\): exists and holds/,
    );
    expect(bytes().get('sample.1049.xlsx')).toEqual(before);
  });

  it('overwrites it with --force', async () => {
    const { ws, bytes } = returned(2);
    const before = bytes().get('sample.1049.xlsx');
    const res = await crmkit(
      ws,
      'labels',
      'export',
      'sample.zip',
      '--split',
      '-o',
      'for-translators',
      '--force',
    );
    expect(res.code).toBe(0);
    expect(bytes().get('sample.1049.xlsx')).not.toEqual(before);
  });

  it('replaces workbooks without edits, and a returned one once its edits are in the file it is exported from', async () => {
    const { ws } = returned(2);
    const imported = await crmkit(ws, 'labels', 'import', RU, '--into', 'sample.zip', '-o', 'translated.zip');
    expect(imported.code).toBe(0);
    const res = await crmkit(ws, 'labels', 'export', 'translated.zip', '--split', '-o', 'for-translators');
    expect(res.code).toBe(0);
  });

  it('replaces any other existing file as before', async () => {
    const { ws } = returned(0);
    writeFileSync(path.join(ws, 'notes.xlsx'), 'not a workbook');
    const res = await crmkit(ws, 'labels', 'export', 'sample.zip', '-o', 'notes.xlsx');
    expect(res.code).toBe(0);
  });
});

describe('cleared translations and texts of only spaces are reported, and refused with --strict', () => {
  /** The Russian workbook with `cleared` translations deleted and `blank` ones typed as spaces. */
  function edited(
    cleared: number,
    blank: number,
  ): { ws: string; places: { address: string; key: string }[] } {
    const { ws, file } = russian();
    let places: { address: string; key: string }[] = [];
    editWithSheetJs(file, (wb) => {
      places = translatedCells(wb, 1049, cleared + blank);
      places.forEach(({ address }, i) => type(wb, address, i < cleared ? '' : '   '));
    });
    return { ws, places };
  }

  it('import warns, listing the cells and keys, and writes them as the workbook has them', async () => {
    const { ws, places } = edited(1, 1);
    const [gone, spaces] = places as [(typeof places)[number], (typeof places)[number]];
    const res = await importRu(ws);
    expect(res.code).toBe(0);
    expect(res.err).toBe(
      `warning: 1 translation(s) cleared (the cell had text and is now empty): sample.1049.xlsx › Localized Labels!${gone.address} ` +
        `(${gone.key}, 1049); the output has them empty, as the workbook does (--strict refuses them) [translation-cleared]\n` +
        `warning: 1 translation(s) of only spaces: sample.1049.xlsx › Localized Labels!${spaces.address} ` +
        `(${spaces.key}, 1049); the output has them as typed (--strict refuses them) [translation-blank]\n`,
    );
    expect(res.out).toMatch(/: 2 label text\(s\) changed \(1049: 2\); 2 warning\(s\) above\n$/);
  });

  it('import names the first ten and counts the rest', async () => {
    const { ws, places } = edited(12, 0);
    const res = await importRu(ws);
    expect(res.code).toBe(0);
    expect(res.err).toContain(
      `Localized Labels!${places[9]!.address} (${places[9]!.key}, 1049), and 2 more;`,
    );
    expect(res.err).not.toContain(`!${places[10]!.address} `);
  });

  it('import --strict refuses them (exit 4) and writes nothing', async () => {
    const { ws, places } = edited(1, 1);
    const res = await importRu(ws, '--strict');
    expect(res.code).toBe(4);
    expect(res.err).toBe(
      'crmkit: 2 problem(s) in the workbooks; nothing was written\n' +
        `  sample.1049.xlsx › Localized Labels!${places[0]!.address}: ${places[0]!.key}, 1049: the translation was cleared ` +
        `(the cell had text when exported); the label loses its translation [translation-cleared]\n` +
        `  sample.1049.xlsx › Localized Labels!${places[1]!.address}: ${places[1]!.key}, 1049: the translation is only spaces [translation-blank]\n`,
    );
    expect(existsSync(path.join(ws, 'out.zip'))).toBe(false);
  });

  it('check warns about both (exit 0), and --strict makes them errors (exit 1)', async () => {
    const { ws, places } = edited(1, 1);
    const plain = await crmkit(ws, 'labels', 'check', 'sample.1049.xlsx', '--json');
    expect(plain.code).toBe(0);
    const found = (
      JSON.parse(plain.out) as {
        problems: { severity: string; code: string; key: string; message: string }[];
      }
    ).problems.filter((p) => p.code.startsWith('translation-'));
    expect(found).toEqual([
      {
        severity: 'warning',
        code: 'translation-cleared',
        file: 'sample.1049.xlsx',
        sheet: 'Localized Labels',
        cell: places[0]!.address,
        key: places[0]!.key,
        lcid: 1049,
        message:
          'the translation was cleared (the cell had text when exported); the label loses its translation (--strict refuses it)',
      },
      {
        severity: 'warning',
        code: 'translation-blank',
        file: 'sample.1049.xlsx',
        sheet: 'Localized Labels',
        cell: places[1]!.address,
        key: places[1]!.key,
        lcid: 1049,
        message: 'the translation is only spaces (--strict refuses it)',
      },
    ]);
    const strict = await crmkit(ws, 'labels', 'check', 'sample.1049.xlsx', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/^error\s+translation-cleared\s/m);
    expect(strict.out).toMatch(/^error\s+translation-blank\s/m);
  });
});

describe('suggestions are not mistaken for returned work', () => {
  it('replaces an untouched workbook whose empty cells were filled again with the same suggestions', async () => {
    const ws = tempDir('crmkit-lost-sugg-');
    copyFileSync(path.join(dir, 'sample.zip'), path.join(ws, 'sample.zip'));
    const args = ['labels', 'export', 'sample.zip', '--consistency', '-o', 'suggested.xlsx'];
    const first = await crmkit(ws, ...args);
    expect(first.out).toMatch(/Filled [1-9]\d* empty cell/);
    const again = await crmkit(ws, ...args);
    expect([again.code, again.err]).toEqual([0, '']);
  });
});
