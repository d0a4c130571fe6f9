/**
 * `crmkit labels push --from <zip>`: the plan made against a pulled file and printed or written,
 * nothing sent. Conflicts and refusals exit 4 with every place listed and write nothing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xmlOfZip } from '../../fixtures/crm-xml/translations';
import { readFileSync } from 'node:fs';
import { crmkit, removeTempDirs } from '../support';
import { changed, editedRussian, ll, pushFixture } from './support';

afterAll(removeTempDirs);

const fixture = () => editedRussian('crmkit-push-cli-');

describe('crmkit labels push --from', () => {
  it('--dry-run prints what would change per language and writes nothing', async () => {
    const f = await fixture();
    const r = await crmkit(f.dir, 'labels', 'push', 'ru.xlsx', '--from', 'exported.zip', '--dry-run');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^Contoso: 2 label text\(s\) would change\n {2}1049 Russian: 2\n/);
    expect(r.out).toContain(
      '    account / a1 / DisplayName: "Счёт" → "Организация" (ru.xlsx › Localized Labels!',
    );
  });

  it('refuses conflicts with exit 4, listing every one, and writes nothing', async () => {
    const f = await fixture();
    await f.translations('fresh.zip', changed({ a1: { 1049: 'Клиент' } }));
    const r = await crmkit(f.dir, 'labels', 'push', 'ru.xlsx', '--from', 'fresh.zip', '-o', 'out.zip');
    expect(r.code).toBe(4);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^crmkit: 1 label\(s\) the push changes were changed in the environment since the export; nothing was pushed/,
    );
    expect(r.err).toMatch(
      /\n {2}ru\.xlsx › Localized Labels!\w+2: account \/ a1 \/ DisplayName \(1049 Russian, changed on both sides\): environment now "Клиент", pushed "Организация"\n$/,
    );
    expect(existsSync(path.join(f.dir, 'out.zip'))).toBe(false);

    const forced = await crmkit(
      f.dir,
      'labels',
      'push',
      'ru.xlsx',
      '--from',
      'fresh.zip',
      '-o',
      'out.zip',
      '--force',
    );
    expect(forced.code).toBe(0);
    expect(forced.err).toMatch(/^forced: ru\.xlsx › Localized Labels!\w+2: account \/ a1/);
    expect(forced.out).toBe('out.zip: 2 label text(s) changed (1049 Russian 2)\n');
    expect(await xmlOfZip(readFileSync(path.join(f.dir, 'out.zip')))).toContain('Организация');
  });

  it('--json prints the plan for scripts on stdout, conflicts included, and still exits 4', async () => {
    const f = await fixture();
    await f.translations('fresh.zip', changed({ a1: { 1049: 'Клиент' } }));
    const r = await crmkit(f.dir, 'labels', 'push', 'ru.xlsx', '--from', 'fresh.zip', '--dry-run', '--json');
    expect(r.code).toBe(4);
    const plan = JSON.parse(r.out) as Record<string, unknown>;
    expect(plan).toMatchObject({
      solution: 'Contoso',
      kind: 'workbooks',
      blocked: 'conflicts',
      changed: { 1049: 1 },
      kept: {},
      conflicts: [
        { key: 'account / a1 / DisplayName', lcid: 1049, environment: 'Клиент', pushed: 'Организация' },
      ],
      changes: [{ key: 'account / a2 / DisplayName', lcid: 1049, before: '', after: 'Телефон {0}' }],
    });
    expect(r.err).toMatch(/^crmkit: 1 label\(s\) the push changes were changed/);
  });

  it('refuses edits that fail an import, before anything else', async () => {
    const f = pushFixture('crmkit-push-cli-');
    await f.translations('exported.zip');
    await f.workbook('ru.xlsx', 'exported.zip', [[ll('a2', 1049), 'x'.repeat(501)]], [1049]);
    const r = await crmkit(f.dir, 'labels', 'push', 'ru.xlsx', '--from', 'exported.zip', '--dry-run');
    expect(r.code).toBe(4);
    expect(r.err).toMatch(
      /^crmkit: 2 problem\(s\) in the edits stop the push; nothing was pushed\n {2}ru\.xlsx › Localized Labels!\w+3: account \/ a2 \/ DisplayName, 1049: 501 characters/,
    );
  });

  it.each([
    [['ru.xlsx', 'exported.zip'], /push either workbooks \(\.xlsx\) or one translations zip/],
    [['ru.xlsx', '--lang', '1049'], /--lang is for a translations zip/],
    [['ru.xlsx'], /give --dry-run, or -o <zip>/],
  ])('refuses %j with a usage error', async (args, message) => {
    const f = await fixture();
    const r = await crmkit(f.dir, 'labels', 'push', ...args, '--from', 'exported.zip');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('says when there is nothing to push', async () => {
    const f = pushFixture('crmkit-push-cli-');
    await f.translations('exported.zip');
    await f.workbook('ru.xlsx', 'exported.zip', [], [1049]);
    const r = await crmkit(f.dir, 'labels', 'push', 'ru.xlsx', '--from', 'exported.zip', '-o', 'out.zip');
    expect(r).toMatchObject({ code: 0, out: 'Contoso: nothing to push, no label text would change\n' });
    expect(existsSync(path.join(f.dir, 'out.zip'))).toBe(false);
  });
});
