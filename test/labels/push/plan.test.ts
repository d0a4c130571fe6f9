/**
 * planPush with workbooks: the fresh pull is the base, only the cells the workbooks changed are
 * written onto it, rows the environment changed since the export are conflicts, and the result
 * passes the rules of `labels check` before anything could be sent.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { isCrmKitError } from '../../../src/errors';
import { removeTempDirs } from '../support';
import { changed, editedRussian, ll, pushFixture, resultTexts, resultXml } from './support';

afterAll(removeTempDirs);

describe('planPush with workbooks', () => {
  it('an unedited workbook changes nothing, whatever the environment did since', async () => {
    const f = pushFixture();
    await f.translations('exported.zip');
    await f.workbook('all.xlsx', 'exported.zip');
    await f.translations('fresh.zip', changed({ a1: { 1049: 'Клиент' }, c1: { 1026: 'Контакт' } }));
    const plan = await f.plan('fresh.zip', f.books('all.xlsx'));
    expect(plan).toMatchObject({ blocked: 'nothing', changes: [], conflicts: [], refused: [] });
    expect(plan.result).toBeUndefined();
    expect(plan.changed.size).toBe(0);
  });

  it('writes exactly the edited cells onto the fresh file and keeps what others changed since', async () => {
    const f = pushFixture();
    await f.translations('exported.zip');
    await f.workbook('ru.xlsx', 'exported.zip', [[ll('a2', 1049), 'Телефон {0}']], [1049]);
    // Since the export, someone translated c1 into Bulgarian in the environment.
    const fresh = await f.translations('fresh.zip', changed({ c1: { 1026: 'Контакт' } }));
    const plan = await f.plan('fresh.zip', f.books('ru.xlsx'));
    expect(plan.blocked).toBeUndefined();
    expect(plan.changes).toEqual([
      {
        sheet: 'Localized Labels',
        key: 'account / a2 / DisplayName',
        lcid: 1049,
        before: '',
        after: 'Телефон {0}',
        where: expect.stringMatching(/^ru\.xlsx › Localized Labels!\w+3$/) as string,
      },
    ]);
    expect(plan.changed).toEqual(new Map([[1049, 1]]));
    // Byte for byte the fresh file, but for the one cell.
    const cell = '<Cell ss:StyleID="s24"><Data ss:Type="String">';
    const before = `${cell}Phone {0}</Data></Cell>${cell}</Data></Cell>`;
    expect(fresh).toContain(before);
    expect(await resultXml(plan)).toBe(
      fresh.replace(before, `${cell}Phone {0}</Data></Cell>${cell}Телефон {0}</Data></Cell>`),
    );
    expect((await resultTexts(plan)).c1).toEqual({ 1033: 'Contact', 1049: 'Контакт', 1026: 'Контакт' });
  });

  it('lists a row the environment changed since the export as a conflict, with both texts', async () => {
    const f = await editedRussian();
    await f.translations('fresh.zip', changed({ a1: { 1049: 'Клиент' } }));
    const plan = await f.plan('fresh.zip', f.books('ru.xlsx'));
    expect(plan.blocked).toBe('conflicts');
    expect(plan.conflicts).toEqual([
      {
        sheet: 'Localized Labels',
        key: 'account / a1 / DisplayName',
        lcid: 1049,
        environment: 'Клиент',
        pushed: 'Организация',
        changedBy: 'unknown',
        where: expect.stringMatching(/^ru\.xlsx › Localized Labels!\w+2$/) as string,
      },
    ]);
    // The other row is still planned, but the plan as a whole is blocked.
    expect(plan.changes.map((c) => c.key)).toEqual(['account / a2 / DisplayName']);

    const forced = await f.plan('fresh.zip', f.books('ru.xlsx'), true);
    expect(forced.blocked).toBeUndefined();
    expect(forced.conflicts).toHaveLength(1);
    expect((await resultTexts(forced)).a1).toEqual({ 1033: 'Account', 1049: 'Организация', 1026: 'Сметка' });
  });

  it('with --force writes the cells the translator changed and keeps the ones only the environment changed', async () => {
    const f = pushFixture();
    await f.translations('exported.zip');
    await f.workbook('all.xlsx', 'exported.zip', [[ll('a1', 1049), 'Организация']]);
    await f.translations('fresh.zip', changed({ a1: { 1026: 'Клиент' } }));
    const plan = await f.plan('fresh.zip', f.books('all.xlsx'));
    expect(plan.conflicts.map((c) => [c.lcid, c.changedBy, c.environment, c.pushed])).toEqual([
      [1049, 'push', 'Счёт', 'Организация'],
      [1026, 'environment', 'Клиент', 'Сметка'],
    ]);
    const forced = await f.plan('fresh.zip', f.books('all.xlsx'), true);
    expect((await resultTexts(forced)).a1).toEqual({ 1033: 'Account', 1049: 'Организация', 1026: 'Клиент' });
    expect(forced.kept).toEqual(new Map([[1026, 1]]));
  });

  it('a base text changed in the environment makes the row a conflict (the translation is of the old text)', async () => {
    const f = pushFixture();
    await f.translations('exported.zip');
    await f.workbook('ru.xlsx', 'exported.zip', [[ll('a2', 1049), 'Телефон {0}']], [1049]);
    await f.translations('fresh.zip', changed({ a2: { 1033: 'Mobile phone {0}' } }));
    const plan = await f.plan('fresh.zip', f.books('ru.xlsx'));
    expect(plan.conflicts.map((c) => [c.lcid, c.changedBy, c.environment, c.pushed])).toEqual([
      [1049, 'push', '', 'Телефон {0}'],
      [1033, 'environment', 'Mobile phone {0}', 'Phone {0}'],
    ]);
  });

  it('merges one workbook per language and refuses two that disagree on a cell', async () => {
    const f = pushFixture();
    await f.translations('exported.zip');
    await f.workbook('ru.xlsx', 'exported.zip', [[ll('a2', 1049), 'Телефон {0}']], [1049]);
    await f.workbook('bg.xlsx', 'exported.zip', [[ll('a2', 1026), 'Телефон {0}']], [1026]);
    await f.workbook('ru2.xlsx', 'exported.zip', [[ll('a2', 1049), 'Тел. {0}']], [1049]);
    const both = await f.plan('exported.zip', f.books('ru.xlsx', 'bg.xlsx'));
    expect(both.changed).toEqual(
      new Map([
        [1049, 1],
        [1026, 1],
      ]),
    );
    const disagree = await f.plan('exported.zip', f.books('ru.xlsx', 'ru2.xlsx'));
    expect(disagree.blocked).toBe('refused');
    expect(disagree.refused[0]?.message).toMatch(/1049 changed differently in ru\.xlsx .* and ru2\.xlsx/);
  });

  it.each([
    ['a label over 500 characters', 'x'.repeat(501), /501 characters, Dynamics accepts at most 500/],
    ['a lost placeholder', 'Телефон', /placeholder \{0\} of the base text is missing/],
    ['an extra placeholder', 'Телефон {0} {1}', /\{1\}/],
  ])('refuses %s before anything is sent', async (_name, text, message) => {
    const f = pushFixture();
    await f.translations('exported.zip');
    await f.workbook('ru.xlsx', 'exported.zip', [[ll('a2', 1049), text]], [1049]);
    const plan = await f.plan('exported.zip', f.books('ru.xlsx'));
    expect(plan.blocked).toBe('refused');
    expect(plan.refused.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('runs the rules of labels check on the labels it changes', async () => {
    const f = pushFixture();
    await f.translations('exported.zip');
    await f.workbook('ru.xlsx', 'exported.zip', [[ll('c1', 1049), 'Contact']], [1049]);
    const plan = await f.plan('exported.zip', f.books('ru.xlsx'));
    expect(plan.problems.map((p) => [p.severity, p.code, p.key, p.lcid])).toEqual([
      ['warning', 'same-as-base', 'contact / c1 / DisplayName', 1049],
    ]);
    expect(plan.blocked).toBeUndefined();
  });

  it('reports only the findings of the cells it changes, not what the environment had already', async () => {
    const f = pushFixture();
    await f.translations('exported.zip', changed({ a1: { 1026: 'Account' } }));
    await f.workbook('ru.xlsx', 'exported.zip', [[ll('a1', 1049), 'Организация']], [1049]);
    const plan = await f.plan('exported.zip', f.books('ru.xlsx'));
    expect(plan.changes).toHaveLength(1);
    expect(plan.problems).toEqual([]);
  });

  it('warns about a cleared translation and still pushes it', async () => {
    const f = pushFixture();
    await f.translations('exported.zip');
    await f.workbook('ru.xlsx', 'exported.zip', [[ll('a1', 1049), '']], [1049]);
    const plan = await f.plan('exported.zip', f.books('ru.xlsx'));
    expect(plan.changes.map((c) => [c.key, c.before, c.after])).toEqual([
      ['account / a1 / DisplayName', 'Счёт', ''],
    ]);
    expect(plan.warnings).toEqual([
      {
        where: '1 translation(s) cleared (the cell had text and is now empty)',
        message: expect.stringMatching(
          /^ru\.xlsx › Localized Labels!\w+2 \(account \/ a1 \/ DisplayName, 1049\); the file sent has them as the workbook has them$/,
        ) as string,
      },
    ]);
  });

  it('warns about an edited row whose label is gone from the environment', async () => {
    const f = pushFixture();
    await f.translations('exported.zip');
    await f.workbook('ru.xlsx', 'exported.zip', [[ll('a2', 1049), 'Телефон {0}']], [1049]);
    const env = changed({});
    await f.translations('fresh.zip', { ...env, labels: env.labels.filter((l) => l.objectId !== 'a2') });
    const plan = await f.plan('fresh.zip', f.books('ru.xlsx'));
    expect(plan.blocked).toBe('nothing');
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'account / a2 / DisplayName is no longer in the environment; not pushed',
    ]);
  });

  it('refuses a workbook of another solution, naming it', async () => {
    const f = pushFixture();
    await f.translations('other.zip', changed({}, undefined, 'Fabrikam'));
    await f.workbook('ru.xlsx', 'other.zip', [[ll('a2', 1049), 'Телефон {0}']], [1049]);
    await f.translations('fresh.zip');
    const error: unknown = await f.plan('fresh.zip', f.books('ru.xlsx')).catch((e: unknown) => e);
    expect(isCrmKitError(error) && [error.code, error.exitCode, error.message]).toEqual([
      'WORKBOOK_MISMATCH',
      4,
      'ru.xlsx: exported from the solution Fabrikam, not Contoso; nothing was pushed',
    ]);
  });

  it('works on a bare CrmTranslations.xml too, giving XML back', async () => {
    const f = pushFixture();
    await f.translations('exported.xml');
    await f.workbook(
      'ru.xlsx',
      'exported.xml',
      [[{ sheet: 'Display Strings', objectId: 'ds1', lcid: 1049 }, 'Сохранить']],
      [1049],
    );
    const plan = await f.plan('exported.xml', f.books('ru.xlsx'));
    expect((await resultTexts(plan)).ds1).toEqual({ 1033: 'Save', 1049: 'Сохранить', 1026: '' });
  });
});
