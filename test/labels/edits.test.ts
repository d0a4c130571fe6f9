import { describe, expect, it } from 'vitest';
import { EditSet } from '../../src/labels/edits';
import { editFindings } from '../../src/labels/check/rules';
import type { Label, Lcid } from '../../src/labels/crm-xml/model';
import type { WorkbookRow } from '../../src/labels/workbook/types';

const label: Label = {
  sheet: 'Display Strings',
  entity: 'account',
  objectId: 'account.Saved',
  column: '',
  texts: new Map<Lcid, string>([
    [1033, 'Saved {0}.\nDone'],
    [1049, 'Сохранено {0}.\r\nГотово'],
    [1026, ''],
  ]),
};

function row(texts: Record<number, string>, base = 'Saved {0}.\nDone'): WorkbookRow {
  const lcids = Object.keys(texts).map(Number);
  return {
    sheet: label.sheet,
    entity: label.entity,
    objectId: label.objectId,
    column: label.column,
    base,
    texts: new Map(lcids.map((l) => [l, texts[l]!])),
    cells: new Map(lcids.map((l, i) => [l, `${'DEF'[i]}7`])),
    rowNumber: 7,
    unchangedSinceExport: false,
  };
}

function decide(...books: WorkbookRow[]) {
  const set = new EditSet();
  books.forEach((r, i) => set.add(r, i, `book${i}.xlsx`));
  return set.take(label, 1033)!;
}

describe('deciding what a label gets from the workbooks', () => {
  it.each<[string, WorkbookRow[], Record<number, string>]>([
    ['nothing when the texts equal the file', [row({ 1049: 'Сохранено {0}.\r\nГотово', 1026: '' })], {}],
    [
      'nothing when only the line-break style differs (LibreOffice)',
      [row({ 1049: 'Сохранено {0}.\nГотово' })],
      {},
    ],
    ['the new text of one workbook', [row({ 1026: 'Записано {0}.' })], { 1026: 'Записано {0}.' }],
    ['an emptied translation (back to the base language)', [row({ 1049: '' })], { 1049: '' }],
    [
      'the edits of two one-language workbooks',
      [row({ 1049: 'Ок {0}' }), row({ 1026: 'Да {0}' })],
      { 1049: 'Ок {0}', 1026: 'Да {0}' },
    ],
    [
      'one text when two workbooks made the same edit',
      [row({ 1026: 'Да {0}' }), row({ 1026: 'Да {0}' })],
      { 1026: 'Да {0}' },
    ],
    [
      'the edit when the other workbook left the text as it was',
      [row({ 1026: 'Да {0}' }), row({ 1026: '' })],
      { 1026: 'Да {0}' },
    ],
  ])('gives %s', (_title, books, edits) => {
    const d = decide(...books);
    expect(Object.fromEntries(d.edits)).toEqual(edits);
    expect([...d.problems.filter((p) => p.severity === 'error'), ...d.conflicts, ...d.skipped]).toEqual([]);
  });

  it('reports two different edits of the same language as a conflict naming both places', () => {
    const d = decide(row({ 1026: 'Да {0}' }), row({ 1026: 'Не {0}' }));
    expect(d.edits.size).toBe(0);
    expect(d.conflicts).toEqual([
      {
        where: 'account / account.Saved',
        message:
          '1026 changed differently in book0.xlsx › Display Strings!D7 ("Да {0}") and book1.xlsx › Display Strings!D7 ("Не {0}")',
      },
    ]);
  });

  it('skips a row whose base text is not the file’s', () => {
    const d = decide(row({ 1026: 'Да {0}' }, 'Old text {0}'));
    expect(d.edits.size).toBe(0);
    expect(d.skipped[0]?.message).toBe(
      "account / account.Saved (1026): the workbook's base text differs from the file's; not imported",
    );
  });

  it('skips a language the file has no column for', () => {
    const d = decide(row({ 1058: 'Так {0}' }));
    expect(d.skipped[0]?.message).toBe('account / account.Saved: the file has no 1058 column; not imported');
  });

  it('refuses an edit that breaks a rule, reported as check reports it, with its file, sheet and cell', () => {
    const d = decide(row({ 1026: 'Да' }));
    expect(d.edits.size).toBe(0);
    expect(d.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        severity: 'error',
        code: 'placeholder-missing',
        file: 'book0.xlsx',
        sheet: 'Display Strings',
        cell: 'D7',
        key: 'account / account.Saved',
        lcid: 1026,
        message: 'placeholder {0} of the base text is missing from the translation',
      },
    ]);
  });

  it('applies an edit with only warnings, and reports them', () => {
    const d = decide(row({ 1026: 'Записано {0}. ' }));
    expect(Object.fromEntries(d.edits)).toEqual({ 1026: 'Записано {0}. ' });
    expect(d.problems.map((p) => [p.severity, p.code, p.cell])).toEqual([
      ['warning', 'whitespace', 'D7'],
      ['warning', 'line-breaks', 'D7'],
    ]);
    expect(d.problems[0]?.message).toBe('trailing whitespace " " differs from the base (none)');
  });
});

describe('rows whose label is not in the file', () => {
  it('are listed as lines and as problems with their place', () => {
    const set = new EditSet();
    set.add(row({ 1026: 'Да {0}' }), 0, 'bg.xlsx');
    expect(set.leftovers()).toEqual([
      {
        where: 'bg.xlsx › Display Strings!D7',
        message: 'account / account.Saved is no longer in the file; the row was not imported',
      },
    ]);
    expect(set.leftoverProblems()).toEqual([
      {
        severity: 'warning',
        code: 'not-in-file',
        file: 'bg.xlsx',
        sheet: 'Display Strings',
        cell: 'D7',
        key: 'account / account.Saved',
        lcid: 1026,
        message: 'is no longer in the file; the row was not imported',
      },
    ]);
  });
});

describe('the rules for a new text (those of labels check)', () => {
  it.each<[string, string, string, string[]]>([
    ['x'.repeat(500), 'base', '', []],
    ['x'.repeat(501), 'base', '', ['error too-long']],
    ['a\u0001b', 'base', '', ['error illegal-character']],
    ['{1} из {0}', '{0} of {1}', '', []],
    ['{0} из', '{0} of {1}', '', ['error placeholder-missing']],
    ['{1} из {2}', '{0} of {1}', '', ['error placeholder-renumbered']],
    ['', '{0} of {1}', 'было', ['warning translation-cleared']],
    ['  ', 'base', '', ['warning translation-blank']],
    ['{0} из {1}', '{0} records', '', ['error placeholder-extra']],
    ['без {0}', 'plain text', '', ['error placeholder-extra']],
    ['Текст', '', '', ['error empty-base']],
    ['base', 'base', '', ['warning same-as-base']],
  ])('%j (base %j, before %j) → %j', (text, base, before, found) => {
    expect(editFindings(base, text, before, false).map((f) => `${f.severity} ${f.code}`)).toEqual(found);
  });

  it('makes cleared and blank translations errors with --strict', () => {
    expect(editFindings('base', '', 'было', true).map((f) => f.severity)).toEqual(['error']);
  });
});

describe('taking a pass over the file again', () => {
  it('gives the same decision after restore, with a proposal added since the first take counted too', () => {
    const set = new EditSet();
    set.add(row({ 1049: 'Ок {0}' }), 0, 'book0.xlsx');
    const first = set.take(label, 1033)!;
    expect(set.has(label)).toBe(false);
    expect(set.take(label, 1033)).toBeUndefined();
    expect(set.leftovers()).toEqual([]);

    set.restore();
    expect(set.has(label)).toBe(true);
    expect(set.take(label, 1033)).toEqual(first);

    set.add(row({ 1049: 'Другое {0}' }), 1, 'book1.xlsx');
    set.restore();
    // The proposal that came late now meets the first one: a conflict, as if both were there at once.
    expect(set.take(label, 1033)!.conflicts).toHaveLength(1);
  });

  it('tells a label of another object apart without an edit of its own', () => {
    const set = new EditSet();
    set.add(row({ 1049: 'Ок {0}' }), 0, 'book0.xlsx');
    expect(set.has({ ...label, objectId: 'account.Other' })).toBe(false);
    expect(set.has({ ...label, entity: 'contact' })).toBe(false);
    expect(set.size).toBe(1);
  });
});
