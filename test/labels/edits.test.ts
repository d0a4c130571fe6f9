import { describe, expect, it } from 'vitest';
import { EditSet, refusal } from '../../src/labels/edits';
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
    expect([...d.problems, ...d.conflicts, ...d.skipped]).toEqual([]);
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

  it('refuses an edit that breaks a rule, with its cell', () => {
    const d = decide(row({ 1026: 'Да' }));
    expect(d.problems).toEqual([
      {
        where: 'book0.xlsx › Display Strings!D7',
        message: 'account / account.Saved (1026): the placeholder {0} of the base text is missing',
      },
    ]);
  });
});

describe('the rules for a new text', () => {
  it.each<[string, string, string | undefined]>([
    ['x'.repeat(500), 'base', undefined],
    ['x'.repeat(501), 'base', '501 characters, Dynamics accepts at most 500'],
    ['a\u0001b', 'base', 'holds the character U+0001, which XML cannot carry'],
    ['tab\there\nline', 'base', undefined],
    ['{1} из {0}', '{0} of {1}', undefined],
    ['{0} из', '{0} of {1}', 'the placeholder {1} of the base text is missing'],
    ['', '{0} of {1}', undefined],
    ['{0} из {1}', '{0} records', 'placeholder {1} is not in the base text'],
    ['без {0}', 'plain text', 'placeholder {0} is not in the base text'],
  ])('%j (base %j) → %j', (text, base, why) => {
    expect(refusal(text, base)).toBe(why);
  });
});
