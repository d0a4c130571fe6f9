import { describe, expect, it } from 'vitest';
import {
  editedVariants,
  lostFinding,
  variantScreen,
  workbookRowProblem,
} from '../../../src/labels/check/rules';
import type { WorkbookRow } from '../../../src/labels/workbook/types';

function row(objectId: string, base: string, text: string, edited: boolean, n: number): WorkbookRow {
  return {
    sheet: 'Localized Labels',
    entity: 'account',
    objectId,
    column: 'DisplayName',
    base,
    texts: new Map([[1049, text]]),
    cells: new Map([[1049, `F${n}`]]),
    rowNumber: n,
    unchangedSinceExport: !edited,
  };
}

/** Both passes of import's `inconsistent` rule over the same rows. */
function inconsistent(rows: readonly WorkbookRow[]) {
  const screen = variantScreen();
  rows.forEach((r) => screen.screen(r));
  const suspects = screen.suspects();
  const variants = editedVariants(suspects);
  rows.forEach((r) => variants.add(r));
  return { suspects: [...suspects], problems: variants.problems('ru.xlsx') };
}

describe('the inconsistent rule as import applies it', () => {
  it('reports a base text translated two ways once one of the texts was edited, at the place check reports', () => {
    const { suspects, problems } = inconsistent([
      row('a1', 'Account', 'Организация', false, 2),
      row('a2', 'Phone', 'Телефон', true, 3),
      row('c1', 'Account', 'Учётная запись', true, 4),
    ]);
    expect(suspects).toEqual(['Account']);
    expect(problems.map((p) => [p.code, p.severity, p.file, p.cell, p.key, p.lcid])).toEqual([
      ['inconsistent', 'warning', 'ru.xlsx', 'F4', 'account / c1 / DisplayName', 1049],
    ]);
  });

  it('leaves an inconsistency the file had already, and edits that agree, to check', () => {
    const { suspects, problems } = inconsistent([
      row('a1', 'Account', 'Организация', false, 2),
      row('c1', 'Account', 'Учётная запись', false, 3),
      row('a2', 'Phone', 'Телефон', true, 4),
      row('c2', 'Phone', 'Телефон', false, 5),
      row('c3', 'Fax', '   ', true, 6),
      row('c4', 'Fax', 'Факс', false, 7),
    ]);
    expect([suspects, problems]).toEqual([[], []]);
  });
});

describe('the classification of workbook problems', () => {
  it.each([
    ['TOKEN_MISSING', 'row-added', 'warning'],
    ['KEY_CHANGED', 'key-changed', 'error'],
    ['FORMULA', 'formula', 'error'],
  ])('a row the reader refused with %s is %s, %s', (readerCode, code, severity) => {
    const p = workbookRowProblem(
      {
        where: 'ru.xlsx › Localized Labels!G9',
        message: 'why',
        code: readerCode,
        sheet: 'Localized Labels',
        cell: 'G9',
        key: 'account / a9 / DisplayName',
        lcid: 1049,
      },
      'ru.xlsx',
    );
    expect(p).toEqual({
      severity,
      code,
      file: 'ru.xlsx',
      sheet: 'Localized Labels',
      cell: 'G9',
      key: 'account / a9 / DisplayName',
      lcid: 1049,
      message: 'why',
    });
  });

  it('makes cleared and blank translations warnings, and errors with --strict', () => {
    expect([lostFinding('cleared', false).severity, lostFinding('blank', true).severity]).toEqual([
      'warning',
      'error',
    ]);
  });
});
