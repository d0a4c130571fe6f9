/**
 * One set of rules, one report: the same planted problem in a translator's workbook is reported by
 * `labels check` and by `labels import` alike — same code, severity, file, sheet, cell, key,
 * language and message — and decides both exit statuses the same way: an error fails both (check
 * exit 1, import refuses with exit 4 and writes nothing), a warning or info fails neither.
 * Import checks the cells it would write; check every cell (a problem the file had already is
 * reported by check alone: `inconsistent` only when one of the texts was edited).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { checkLabels } from '../../src/labels/check-labels';
import type { QaProblem } from '../../src/labels/check/problem';
import { importLabels, ImportRefused } from '../../src/labels/import';
import { translationsXml, translationsZip, type FixtureLabel } from '../fixtures/crm-xml/translations';
import { crmkit, editWithSheetJs, findCell, removeTempDirs, tempDir, XLSX, type CellRef } from './support';

afterAll(removeTempDirs);

/** A clean file: `labels check` finds nothing in it, nor in its Russian workbook. */
const clean: FixtureLabel[] = [
  { entity: 'account', objectId: 'a1', texts: { 1033: 'Account', 1049: 'Организация' } },
  { entity: 'account', objectId: 'a2', column: 'Description', texts: { 1033: 'Phone', 1049: 'Телефон' } },
  { entity: 'account', objectId: 'a3', texts: { 1033: 'Fax', 1049: 'Факс' } },
  { entity: 'contact', objectId: 'c1', texts: { 1033: 'Account', 1049: 'Организация' } },
  {
    sheet: 'Display Strings',
    entity: 'Messages',
    objectId: 'SaveFailed',
    texts: { 1033: 'Could not save {0}: {1}', 1049: 'Не удалось сохранить {0}: {1}' },
  },
];

const a1: CellRef = { sheet: 'Localized Labels', objectId: 'a1', column: 'DisplayName', lcid: 1049 };
const a2: CellRef = { sheet: 'Localized Labels', objectId: 'a2', column: 'Description', lcid: 1049 };
const a3: CellRef = { sheet: 'Localized Labels', objectId: 'a3', column: 'DisplayName', lcid: 1049 };
const c1: CellRef = { sheet: 'Localized Labels', objectId: 'c1', column: 'DisplayName', lcid: 1049 };
const m1: CellRef = { sheet: 'Display Strings', objectId: 'SaveFailed', lcid: 1049 };

/** Types `text` into a cell as a person does ('' deletes the cell). */
function type(ref: CellRef, text: string): (wb: XLSX.WorkBook) => void {
  return (wb) => {
    const address = findCell(wb, ref);
    if (text === '') Reflect.deleteProperty(wb.Sheets[ref.sheet]!, address);
    else wb.Sheets[ref.sheet]![address] = { t: 's', v: text };
  };
}

/** Appends a row below the data, without the hidden token: a row added by hand. */
const addRow = (wb: XLSX.WorkBook): void => {
  const ws = wb.Sheets['Localized Labels']!;
  const last = XLSX.utils.decode_range(ws['!ref']!).e.r;
  XLSX.utils.sheet_add_aoa(ws, [['account', 'a9', 'DisplayName', '', 'Website', 'Веб-сайт']], {
    origin: `A${last + 2}`,
  });
};

const formula = (wb: XLSX.WorkBook): void => {
  wb.Sheets['Localized Labels']![findCell(wb, a1)] = { t: 's', v: 'ab', f: '"a"&"b"' };
};

const changeEntity = (wb: XLSX.WorkBook): void => {
  const address = findCell(wb, a1).replace(/^[A-Z]+/, 'A');
  wb.Sheets['Localized Labels']![address] = { t: 's', v: 'acount' };
};

type Outcome = 'error' | 'warning' | 'info';

/** Planted problem, its edit, the code both report, and its severity (with --strict, if given). */
const cases: [string, (wb: XLSX.WorkBook) => void, string, Outcome, string[]?][] = [
  ['a row added by hand', addRow, 'row-added', 'warning'],
  ['a changed key cell', changeEntity, 'key-changed', 'error'],
  ['a formula in a translation cell', formula, 'formula', 'error'],
  ['a translation over 500 characters', type(a3, 'я'.repeat(501)), 'too-long', 'error'],
  ['a control character', type(a3, 'Ф\u0007кс'), 'illegal-character', 'error'],
  ['a missing placeholder', type(m1, 'Не удалось сохранить {0}'), 'placeholder-missing', 'error'],
  ['an extra placeholder', type(m1, 'Сохранить {0}: {1} {2}'), 'placeholder-extra', 'error'],
  ['renumbered placeholders', type(m1, 'Не удалось сохранить {1}: {2}'), 'placeholder-renumbered', 'error'],
  ['a trailing space', type(a3, 'Факс '), 'whitespace', 'warning'],
  ['a line break the base has not', type(a2, 'Теле\nфон'), 'line-breaks', 'warning'],
  ['a translation identical to the base', type(a3, 'Fax'), 'same-as-base', 'warning'],
  ['a doubled space', type(a2, 'Мобильный  телефон'), 'double-space', 'info'],
  ['a repeated word', type(a2, 'Телефон телефон'), 'repeated-word', 'info'],
  ['a cleared translation', type(a1, ''), 'translation-cleared', 'warning'],
  ['a cleared translation with --strict', type(a1, ''), 'translation-cleared', 'error', ['--strict']],
  ['a translation of only spaces', type(a1, '   '), 'translation-blank', 'warning'],
  ['only spaces with --strict', type(a1, '   '), 'translation-blank', 'error', ['--strict']],
];

let dir = '';

beforeAll(async () => {
  dir = tempDir('crmkit-one-report-');
  await writeFile(path.join(dir, 'src.zip'), await translationsZip(translationsXml(clean)));
  const exported = await crmkit(dir, 'labels', 'export', 'src.zip', '--lang', '1049', '-o', 'ru.xlsx');
  expect(exported.code).toBe(0);
  const check = await crmkit(dir, 'labels', 'check', 'ru.xlsx');
  expect([check.code, check.out]).toEqual([0, 'No problems found in 5 labels.\n']);
});

/** A folder with the file and the Russian workbook edited by `edit`. */
function planted(edit: (wb: XLSX.WorkBook) => void): string {
  const ws = tempDir('crmkit-one-report-case-');
  copyFileSync(path.join(dir, 'src.zip'), path.join(ws, 'src.zip'));
  copyFileSync(path.join(dir, 'ru.xlsx'), path.join(ws, 'ru.xlsx'));
  editWithSheetJs(path.join(ws, 'ru.xlsx'), edit);
  return ws;
}

/** What import reports through the library: its warnings, or the errors it was refused for. */
async function importProblems(ws: string, strict: boolean): Promise<QaProblem[]> {
  try {
    const summary = await importLabels({
      workbooks: [{ path: path.join(ws, 'ru.xlsx'), name: 'ru.xlsx' }],
      into: { path: path.join(ws, 'src.zip'), name: 'src.zip' },
      output: { path: path.join(ws, 'library.zip'), name: 'library.zip' },
      strict,
    });
    return summary.problems;
  } catch (e) {
    if (e instanceof ImportRefused) return [...e.labelProblems];
    throw e;
  }
}

describe('labels check and labels import report a planted problem the same way', () => {
  it.each(cases)('%s', async (_title, edit, code, severity, flags = []) => {
    const ws = planted(edit);
    const checked = await checkLabels({
      input: { path: path.join(ws, 'ru.xlsx'), name: 'ru.xlsx' },
      strict: flags.includes('--strict'),
    });
    const imported = await importProblems(ws, flags.includes('--strict'));

    expect(checked.problems.map((p) => [p.code, p.severity])).toEqual([[code, severity]]);
    expect(imported).toEqual(checked.problems);
    const [problem] = imported;
    expect(problem).toMatchObject({ file: 'ru.xlsx', lcid: 1049 });
    expect(problem?.cell).toMatch(/^[A-Z]+\d+$/);

    const check = await crmkit(ws, 'labels', 'check', 'ru.xlsx', ...flags);
    const imports = await crmkit(
      ws,
      'labels',
      'import',
      'ru.xlsx',
      '--into',
      'src.zip',
      '-o',
      'out.zip',
      ...flags,
    );
    const fails = severity === 'error';
    expect([check.code, imports.code]).toEqual(fails ? [1, 4] : [0, 0]);
    expect(existsSync(path.join(ws, 'out.zip'))).toBe(!fails);
    // The import names the problem with its code, on stderr.
    if (severity !== 'info') expect(imports.err).toContain(code);
  });

  it('names the columns as the Russian workbook shows them, and says what a changed key was', async () => {
    const ws = planted(changeEntity);
    const check = await crmkit(ws, 'labels', 'check', 'ru.xlsx', '--json');
    const { problems } = JSON.parse(check.out) as { problems: QaProblem[] };
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'key-changed',
        file: 'ru.xlsx',
        sheet: 'Localized Labels',
        cell: 'A2',
        key: 'acount / a1 / DisplayName',
        lcid: 1049,
        message:
          'the key was changed (it was "account / a1 / DisplayName"): "Имя сущности" was "account", now "acount"; ' +
          'the row is ignored: undo the change',
      },
    ]);
    const imported = await crmkit(ws, 'labels', 'import', 'ru.xlsx', '--into', 'src.zip', '-o', 'out.zip');
    expect(imported.err).toBe(
      'crmkit: 1 problem(s) in the workbooks; nothing was written\n' +
        `  ru.xlsx › Localized Labels!A2: acount / a1 / DisplayName, 1049: ${problems[0]!.message} [key-changed]\n`,
    );
  });

  it('refuses a workbook whose label sheet was deleted, naming the sheet (check and import, exit 3)', async () => {
    const ws = planted((wb) => {
      wb.SheetNames = wb.SheetNames.filter((n) => n !== 'Display Strings');
      Reflect.deleteProperty(wb.Sheets, 'Display Strings');
    });
    const expected =
      'crmkit: ru.xlsx: the sheet "Display Strings" is missing (found "Localized Labels"); its rows would be lost: ' +
      'undo the deletion, or export the workbook again\n';
    const check = await crmkit(ws, 'labels', 'check', 'ru.xlsx');
    const imported = await crmkit(ws, 'labels', 'import', 'ru.xlsx', '--into', 'src.zip', '-o', 'out.zip');
    expect([check.code, check.out, check.err]).toEqual([3, '', expected]);
    expect([imported.code, imported.out, imported.err]).toEqual([3, '', expected]);
    expect(existsSync(path.join(ws, 'out.zip'))).toBe(false);
  });

  it('reports a base text translated another way by both, once a translator typed it', async () => {
    const ws = planted(type(c1, 'Учётная запись'));
    const checked = await checkLabels({ input: { path: path.join(ws, 'ru.xlsx'), name: 'ru.xlsx' } });
    expect(checked.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
      ['inconsistent', 'warning', 'F5'],
    ]);
    expect(await importProblems(ws, false)).toEqual(checked.problems);
  });
});
