import { describe, expect, it } from 'vitest';
import { createChecker } from '../../../src/labels/check/checker';
import type { CheckEntry } from '../../../src/labels/check/problem';
import { keptNames } from '../../../src/labels/check/kept-names';
import { problemsJson, problemsTable } from '../../../src/labels/check/report';

function entry(
  key: string,
  base: string,
  targets: Record<number, string>,
  sheet: CheckEntry['sheet'] = 'Localized Labels',
): CheckEntry {
  const [entity = '', objectId = '', column = ''] = key.split(' / ');
  return {
    sheet,
    entity,
    objectId,
    column,
    baseLcid: 1033,
    base,
    targets: new Map(Object.entries(targets).map(([l, t]) => [Number(l), t])),
  };
}

function check(
  entries: CheckEntry[],
  keep?: string[],
): ReturnType<ReturnType<typeof createChecker>['finish']> {
  const checker = createChecker(keep === undefined ? {} : { isKeptName: keptNames(keep) });
  for (const e of entries) checker.add(e);
  return checker.finish();
}

describe('labels check rules over a file', () => {
  it('finds nothing in clean translations and ignores untranslated cells', () => {
    expect(check([entry('account / 1 / DisplayName', 'Account', { 1049: 'Организация', 1026: '' })])).toEqual(
      [],
    );
  });

  it('reports an empty base text as an error of the base language', () => {
    expect(check([entry('account / 1 / Description', '  ', { 1049: 'Описание' })])).toEqual([
      {
        severity: 'error',
        code: 'empty-base',
        sheet: 'Localized Labels',
        key: 'account / 1 / Description',
        lcid: 1033,
        message: 'the base-language text is empty',
      },
    ]);
  });

  it('warns when a translation equals the base, except for names usually kept', () => {
    const problems = check(
      [
        entry('a / 1 / DisplayName', 'Account', { 1049: 'Account' }),
        entry('a / 2 / DisplayName', 'Teams', { 1049: 'Teams' }),
        entry('a / 3 / DisplayName', 'Contoso Portal', { 1049: 'Contoso Portal' }),
      ],
      ['Contoso Portal'],
    );
    expect(problems.map((p) => [p.code, p.key])).toEqual([['same-as-base', 'a / 1 / DisplayName']]);
  });

  it('lists the variants and their places when one base text is translated two ways', () => {
    const problems = check([
      entry('a / 1 / DisplayName', 'Save', { 1049: 'Сохранить', 1026: 'Запази' }),
      entry('b / 2 / DisplayName', 'Save', { 1049: 'Сохранить', 1026: 'Запази' }),
      entry('c / 3 / DisplayName', 'Save', { 1049: 'Записать', 1026: 'Запази' }),
    ]);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({
      severity: 'warning',
      code: 'inconsistent',
      lcid: 1049,
      key: 'c / 3 / DisplayName',
    });
    expect(p?.message).toBe(
      'base text "Save" is translated 2 ways: "Сохранить" (Localized Labels: a / 1 / DisplayName; 1 more) vs "Записать" (Localized Labels: c / 3 / DisplayName)',
    );
  });

  it('does not count a line-break style difference as another variant', () => {
    expect(
      check([
        entry('a / 1 / Description', 'One\nTwo', { 1049: 'Один\r\nДва' }),
        entry('a / 2 / Description', 'One\r\nTwo', { 1049: 'Один\nДва' }),
      ]),
    ).toEqual([]);
  });

  it('puts errors first, then warnings, then info, keeping file order within each', () => {
    const problems = check([
      entry('a / 1 / Description', 'Note  here', { 1049: 'Заметка  здесь ' }),
      entry('a / 2 / Description', 'x'.repeat(10), { 1049: 'я'.repeat(501) }),
      entry('Messages / Err', 'Failed: {0}', { 1049: 'Ошибка' }, 'Display Strings'),
    ]);
    expect(problems.map((p) => `${p.severity}:${p.code}:${p.lcid}`)).toEqual([
      'error:too-long:1049',
      'error:placeholder-missing:1049',
      'warning:whitespace:1049',
      'info:double-space:1033',
    ]);
  });

  it('gives the workbook cell as a field of its own when the entry knows it, not in the message', () => {
    const e: CheckEntry = {
      ...entry('a / 1 / DisplayName', 'Name', { 1049: 'Имя\u0007' }),
      cells: new Map([[1049, 'E7']]),
    };
    expect(check([e])[0]).toMatchObject({
      cell: 'E7',
      lcid: 1049,
      message: 'character U+0007 at position 4 cannot be carried by XML',
    });
  });

  it('prints exactly the documented JSON shape', () => {
    const json = JSON.parse(problemsJson(check([entry('a / 1 / x', '', {})]))) as unknown;
    expect(json).toEqual({
      problems: [
        {
          severity: 'error',
          code: 'empty-base',
          file: null,
          sheet: 'Localized Labels',
          cell: null,
          key: 'a / 1 / x',
          lcid: 1033,
          message: 'the base-language text is empty',
        },
      ],
    });
  });

  it('prints a table with a summary line, or says the file is clean', () => {
    const problems = check([entry('a / 1 / x', 'Save', { 1049: 'Save' })]);
    const text = problemsTable(problems, 1);
    expect(text).toMatch(/^severity\s+code\s+sheet\s+key\s+lcid\s+message$/m);
    expect(text).toMatch(
      /^warning\s+same-as-base\s+Localized Labels\s+a \/ 1 \/ x\s+1049\s+translation is identical/m,
    );
    expect(text).toContain('0 errors, 1 warning, 0 info in 1 label');
    expect(problemsTable([], 3)).toBe('No problems found in 3 labels.\n');
  });
});
