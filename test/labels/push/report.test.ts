import { describe, expect, it } from 'vitest';
import { conflictProblems, perLanguageText, pushReport, type PushPlan } from '../../../src/labels';

const plan = (over: Partial<PushPlan>): PushPlan => ({
  kind: 'workbooks',
  header: {
    organizationId: '',
    exportedOn: '',
    baseLanguageName: 'English',
    baseLcid: 1033,
    solutionName: 'Contoso',
    languages: { 'Display Strings': [1033, 1049], 'Localized Labels': [1033, 1049] },
  },
  changed: new Map(),
  changes: [],
  conflicts: [],
  kept: new Map(),
  refused: [],
  problems: [],
  warnings: [],
  ...over,
});

const change = (i: number) => ({
  sheet: 'Localized Labels' as const,
  key: `account / a${i} / DisplayName`,
  lcid: 1049,
  before: i === 1 ? 'Две\nстроки' : '',
  after: `Текст ${i}`,
  where: `ru.xlsx › Localized Labels!D${i + 1}`,
});

describe('push report', () => {
  it('lists the changes per language, at most `limit` of them, then what the environment keeps', () => {
    const report = pushReport(
      plan({
        changed: new Map([[1049, 3]]),
        changes: [1, 2, 3].map(change),
        kept: new Map([[1026, 2]]),
      }),
      2,
    );
    expect(report).toBe(
      [
        'Contoso: 3 label text(s) would change',
        '  1049 Russian: 3',
        '    account / a1 / DisplayName: "Две⏎строки" → "Текст 1" (ru.xlsx › Localized Labels!D2)',
        '    account / a2 / DisplayName: "" → "Текст 2" (ru.xlsx › Localized Labels!D3)',
        '    … and 1 more',
        'Kept as the environment has them (changed there since the export): 1026 Bulgarian 2',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['push', 'edited in the push'],
    ['environment', 'changed in the environment'],
    ['unknown', 'changed on both sides'],
  ] as const)('names a %s cell of a conflict as %s', (changedBy, words) => {
    const [problem] = conflictProblems([
      {
        sheet: 'Localized Labels',
        key: 'account / a1 / DisplayName',
        lcid: 1049,
        environment: 'Клиент',
        pushed: 'Организация',
        changedBy,
        where: 'ru.xlsx › Localized Labels!D2',
      },
    ]);
    expect(problem).toEqual({
      where: 'ru.xlsx › Localized Labels!D2',
      message: `account / a1 / DisplayName (1049 Russian, ${words}): environment now "Клиент", pushed "Организация"`,
    });
  });

  it('counts per language in one line', () => {
    expect(perLanguageText(new Map())).toBe('none');
    expect(
      perLanguageText(
        new Map([
          [1049, 1200],
          [1026, 1],
        ]),
      ),
    ).toBe('1049 Russian 1,200, 1026 Bulgarian 1');
  });
});
