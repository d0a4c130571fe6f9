/**
 * planPush with a translations zip: only the languages the zip translates are pushed; a label whose
 * other texts differ from the environment was changed there since the zip was exported.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { isCrmKitError } from '../../../src/errors';
import { importLabels } from '../../../src/labels';
import type { Lcid } from '../../../src/labels/crm-xml/model';
import { removeTempDirs } from '../support';
import { changed, ll, pushFixture, resultTexts } from './support';

afterAll(removeTempDirs);

/** A zip translated with crmkit from the export: the workbook edits imported into it. */
async function translatedZip(f: ReturnType<typeof pushFixture>, edits: Parameters<typeof f.workbook>[2]) {
  await f.translations('exported.zip');
  await f.workbook('w.xlsx', 'exported.zip', edits);
  await importLabels({
    workbooks: [f.file('w.xlsx')],
    into: f.file('exported.zip'),
    output: f.file('translated.zip'),
  });
}

const zip = (f: ReturnType<typeof pushFixture>, languages?: Lcid[]) => ({
  zip: f.file('translated.zip'),
  ...(languages === undefined ? {} : { languages }),
});

describe('planPush with a translations zip', () => {
  it('pushes the languages it fills and counts the changes per language', async () => {
    const f = pushFixture();
    await translatedZip(f, [
      [ll('a2', 1049), 'Телефон {0}'],
      [{ sheet: 'Display Strings', objectId: 'ds1', lcid: 1049 }, 'Сохранить'],
    ]);
    await f.translations('fresh.zip');
    const plan = await f.plan('fresh.zip', zip(f));
    expect(plan).toMatchObject({ kind: 'zip', translated: [1049], conflicts: [] });
    expect(plan.blocked).toBeUndefined();
    expect(plan.changed).toEqual(new Map([[1049, 2]]));
  });

  it('keeps what the environment changed since in other languages, and a translation added there since', async () => {
    const f = pushFixture();
    await translatedZip(f, [[ll('a2', 1049), 'Телефон {0}']]);
    // Since the export: c1 got a Bulgarian text, and ds1 a Russian one.
    await f.translations('fresh.zip', changed({ c1: { 1026: 'Контакт' }, ds1: { 1049: 'Сохранить' } }));
    const plan = await f.plan('fresh.zip', zip(f));
    expect(plan.blocked).toBeUndefined();
    expect(plan.changed).toEqual(new Map([[1049, 1]]));
    expect(plan.kept).toEqual(
      new Map([
        [1049, 1],
        [1026, 1],
      ]),
    );
    const texts = await resultTexts(plan);
    expect(texts.c1).toEqual({ 1033: 'Contact', 1049: 'Контакт', 1026: 'Контакт' });
    expect(texts.ds1).toEqual({ 1033: 'Save', 1049: 'Сохранить', 1026: '' });
  });

  it('within a language it translates, the zip’s text wins (a zip cannot tell an edit there from the environment’s)', async () => {
    const f = pushFixture();
    await translatedZip(f, [[ll('a2', 1049), 'Телефон {0}']]);
    await f.translations('fresh.zip', changed({ c1: { 1049: 'Контакт!' } }));
    const plan = await f.plan('fresh.zip', zip(f));
    expect(plan.changes.map((c) => [c.key, c.before, c.after])).toEqual([
      ['account / a2 / DisplayName', '', 'Телефон {0}'],
      ['contact / c1 / DisplayName', 'Контакт!', 'Контакт'],
    ]);
  });

  it('needs --force for a label it changes that the environment changed since, and then keeps the environment’s other texts', async () => {
    const f = pushFixture();
    await translatedZip(f, [
      [ll('a1', 1049), 'Организация'],
      [ll('a2', 1049), 'Телефон {0}'],
    ]);
    await f.translations('fresh.zip', changed({ a1: { 1026: 'Клиент' }, a2: { 1033: 'Mobile {0}' } }));
    const plan = await f.plan('fresh.zip', zip(f, [1049]));
    expect(plan.blocked).toBe('conflicts');
    expect(plan.conflicts.map((c) => [c.key, c.lcid, c.changedBy, c.environment, c.pushed])).toEqual([
      ['account / a1 / DisplayName', 1049, 'push', 'Счёт', 'Организация'],
      ['account / a1 / DisplayName', 1026, 'environment', 'Клиент', 'Сметка'],
      ['account / a2 / DisplayName', 1049, 'push', '', 'Телефон {0}'],
      ['account / a2 / DisplayName', 1033, 'environment', 'Mobile {0}', 'Phone {0}'],
    ]);
    const forced = await f.plan('fresh.zip', zip(f, [1049]), true);
    expect(forced.blocked).toBeUndefined();
    const texts = await resultTexts(forced);
    expect(texts.a1).toEqual({ 1033: 'Account', 1049: 'Организация', 1026: 'Клиент' });
    expect(texts.a2).toEqual({ 1033: 'Mobile {0}', 1049: 'Телефон {0}', 1026: '' });
  });

  it('takes a language in which it only corrects existing texts as changed in the environment, unless --lang names it', async () => {
    const f = pushFixture();
    await translatedZip(f, [[ll('a1', 1049), 'Организация']]);
    await f.translations('fresh.zip');
    const inferred = await f.plan('fresh.zip', zip(f));
    expect(inferred).toMatchObject({ translated: [], blocked: 'nothing', kept: new Map([[1049, 1]]) });
    const named = await f.plan('fresh.zip', zip(f, [1049]));
    expect(named.blocked).toBeUndefined();
    expect((await resultTexts(named)).a1?.[1049]).toBe('Организация');
  });

  it('runs the rules of labels check on what it would change: an error blocks the push', async () => {
    const f = pushFixture();
    // A zip edited by hand: a2's Russian text drops the {0} placeholder.
    await f.translations('translated.zip', changed({ a2: { 1049: 'Телефон' } }));
    await f.translations('fresh.zip');
    const plan = await f.plan('fresh.zip', zip(f, [1049]));
    expect(plan.blocked).toBe('errors');
    expect(plan.problems.map((p) => [p.severity, p.code, p.key, p.lcid])).toEqual([
      ['error', 'placeholder-missing', 'account / a2 / DisplayName', 1049],
    ]);
  });

  it('refuses a zip of another solution, and --lang of a language the zip does not have', async () => {
    const f = pushFixture();
    await f.translations('translated.zip', changed({}, undefined, 'Fabrikam'));
    await f.translations('fresh.zip');
    const foreign: unknown = await f.plan('fresh.zip', zip(f)).catch((e: unknown) => e);
    expect(isCrmKitError(foreign) && foreign.message).toBe(
      'translated.zip: translations of the solution Fabrikam, not Contoso; nothing was pushed',
    );
    const lang: unknown = await f.plan('fresh.zip', zip(f, [1036])).catch((e: unknown) => e);
    expect(isCrmKitError(lang) && [lang.code, lang.message]).toEqual([
      'USAGE',
      '--lang 1036: translated.zip has no translation column for it',
    ]);
  });
});
