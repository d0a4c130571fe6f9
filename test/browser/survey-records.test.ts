/**
 * The BUILT CollabSurvey bundle in records mode, in Chromium, in the project's host page whose
 * `context.webAPI` answers from an in-browser Dataverse activity table (test/support/pcf/
 * activity-store.ts, bundled here with esbuild): it sets createdby itself and refuses writes to
 * another user's rows. Russian and Ukrainian, plus the unsaved-record text in all four languages.
 * Screenshots: test-output/survey-records-<lcid>.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../scripts/generate-resx';
import { browserUnavailableReason, repoRoot, serveStatic, testOutputDir } from '../support/browser';
import { browserSession } from '../support/browser-session';
import { ensureControlBuilt } from './host/build-control';

const skipReason = browserUnavailableReason();
if (skipReason !== undefined) console.warn(`survey records-mode browser tests ${skipReason}`);

const ACCOUNT = '5a1c2a4e-0000-4000-8000-00000000c0de';
const OLGA = { id: '{00000000-0000-0000-0000-0000000000A1}', name: 'Ольга Смирнова' };
const BORIS = { id: '00000000-0000-0000-0000-0000000000b2', name: 'Борис Иванов', lcid: 1049 };

/** What the page offers the test: the store (as the bundle defines it) and the host. */
interface StoreWindow {
  crmkitHostStore: {
    rows: Record<string, unknown>[];
    requests: string[];
    remove: (id: string) => void;
    webApiFor: (user: unknown) => {
      createRecord: (table: string, data: unknown) => Promise<{ id: string }>;
    };
  };
  crmkitHost: {
    mount: (options: unknown) => Promise<unknown>;
    setContextInfo: (info: unknown) => void;
    outputs: Record<string, unknown>;
  };
}

describe.skipIf(skipReason !== undefined)('CollabSurvey bundle in records mode (Chromium)', () => {
  let outDir = '';
  let storeScript = '';

  beforeAll(async () => {
    outDir = await ensureControlBuilt('CollabSurvey', ['src/widgets/survey', 'src/widgets/shared']);
    const bundled = await build({
      entryPoints: [path.join(repoRoot, 'test/support/pcf/activity-store.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'crmkitActivityStore',
      target: 'es2022',
      write: false,
      logLevel: 'error',
    });
    storeScript = `${bundled.outputFiles[0]!.text}\nwindow.crmkitHostStore = crmkitActivityStore.surveyResponseStore();`;
    mkdirSync(testOutputDir, { recursive: true });
  });
  const session = browserSession(() => serveStatic([path.join(import.meta.dirname, 'host'), outDir]));

  /** A form of the account (null: a new one, not saved yet), as Olga, with `seeded` responses by Boris stored before it opens. */
  async function open(lcid: number, seeded = 0, entityId: string | null = ACCOUNT): Promise<Page> {
    const page = await session.browser.newPage({ viewport: { width: 760, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ content: storeScript });
    await page.goto(`${session.server.url}/index.html`);
    await page.evaluate(
      async ({ n, boris, account }) => {
        const store = (window as unknown as StoreWindow).crmkitHostStore;
        const api = store.webApiFor(boris);
        for (let i = 0; i < n; i++) {
          await api.createRecord('crmkit_surveyresponse', {
            crmkit_nps: i % 11,
            crmkit_channel: 275680001,
            crmkit_respondent: `Респондент ${i}`,
            description: i === n - 1 ? '<b>не разметка</b>' : '',
            'regardingobjectid_account_crmkit_surveyresponse@odata.bind': `/accounts(${account})`,
          });
        }
      },
      { n: seeded, boris: BORIS, account: ACCOUNT },
    );
    await page.evaluate((o) => (window as unknown as StoreWindow).crmkitHost.mount(o), {
      lcid,
      userId: OLGA.id,
      userName: OLGA.name,
      width: 680,
      contextInfo: { entityTypeName: 'account', ...(entityId === null ? {} : { entityId }) },
      parameters: {
        responses: { raw: null, type: 'Whole.None' },
        responseTable: { raw: 'crmkit_surveyresponse' },
      },
    });
    expect(errors).toEqual([]);
    return page;
  }

  const rows = (page: Page): Promise<Record<string, unknown>[]> =>
    page.evaluate(() => (window as unknown as StoreWindow).crmkitHostStore.rows);

  async function add(page: Page, nps: number, comment: string): Promise<void> {
    const before = (await rows(page)).length;
    await page.click('[data-action="add"]');
    await page.locator('[data-question="nps"] [role="radio"]').nth(nps).click();
    await page.fill('.crmkit-survey__form textarea', comment);
    await page.click('[data-action="save"]');
    await page.waitForFunction(
      (n) => (window as unknown as StoreWindow).crmkitHostStore.rows.length > n,
      before,
    );
    await page.waitForSelector('.crmkit-survey__form', { state: 'detached' });
  }

  it('lists, pages 120 responses, adds and edits its own, and is refused another user’s, in Russian', async () => {
    const ru = readCatalogue(1049).survey!;
    const page = await open(1049, 120);
    await page.waitForSelector('.crmkit-survey__item');
    await expect(page.locator('.crmkit-survey__item').count()).resolves.toBe(50);
    await expect(page.locator('.crmkit-survey__who').first().textContent()).resolves.toBe('Респондент 119');
    await expect(page.locator('.crmkit-survey__comment').first().innerText()).resolves.toContain(
      '<b>не разметка</b>',
    );
    await expect(page.locator('.crmkit-survey__meta').first().textContent()).resolves.toContain('Визит');
    await expect(page.locator('[data-action="show-more"]').textContent()).resolves.toBe(
      'Показать ещё 50 из 120',
    );
    // Boris's responses: no Edit or Delete for Olga.
    await expect(page.locator('[data-action="edit"], [data-action="delete"]').count()).resolves.toBe(0);
    await page.click('[data-action="show-more"]');
    await page.waitForFunction(() => document.querySelectorAll('.crmkit-survey__item').length === 100);
    await page.click('[data-action="show-more"]');
    await page.waitForFunction(() => document.querySelectorAll('.crmkit-survey__item').length === 120);
    await expect(page.locator('[data-action="show-more"]').count()).resolves.toBe(0);

    await add(page, 9, 'Продление вероятно');
    const created = (await rows(page)).at(-1)!;
    expect(created).toMatchObject({
      _createdby_value: '00000000-0000-0000-0000-0000000000a1',
      _regardingobjectid_value: ACCOUNT,
      subject: 'NPS 9 · Телефон · Ольга Смирнова',
    });
    // As many responses stay listed as were shown (the oldest moves behind Show more); the summary
    // column got the NPS of all 121.
    await expect(page.locator('.crmkit-survey__item').count()).resolves.toBe(120);
    await expect(page.locator('[data-action="show-more"]').textContent()).resolves.toBe(
      'Показать ещё 1 из 121',
    );
    const outputs = await page.evaluate(() => (window as unknown as StoreWindow).crmkitHost.outputs);
    expect(outputs).toMatchObject({ responseCount: 121 });
    expect(typeof outputs.responses).toBe('number');

    // Her own response: edit it.
    const own = page.locator('.crmkit-survey__item', { hasText: 'Продление вероятно' });
    await own.locator('[data-action="edit"]').click();
    await page.locator('[data-question="nps"] [role="radio"]').nth(10).click();
    await page.click('[data-action="save"]');
    await page.waitForSelector('.crmkit-survey__form', { state: 'detached' });
    expect((await rows(page)).at(-1)).toMatchObject({ crmkit_nps: 10, activityid: created.activityid });

    // The row was reassigned to Boris meanwhile: the server refuses Olga's edit, the message names the privilege.
    await page.evaluate(() => {
      const store = (window as unknown as StoreWindow).crmkitHostStore;
      store.rows[store.rows.length - 1]!._ownerid_value = '00000000-0000-0000-0000-0000000000b2';
    });
    await own.locator('[data-action="edit"]').click();
    await page.click('[data-action="save"]');
    await expect(page.locator('.crmkit-survey__form [role="alert"]').textContent()).resolves.toBe(
      ru['records.no.write']!.replace('{privilege}', 'prvWriteActivity'),
    );
    await page.screenshot({ path: path.join(testOutputDir, 'survey-records-1049.png'), fullPage: true });
    await page.close();
  });

  it('keeps both responses when two users add at the same time, and reports one deleted meanwhile, in Ukrainian', async () => {
    const uk = readCatalogue(1058).survey!;
    const page = await open(1058, 1);
    await page.waitForSelector('.crmkit-survey__item');
    // Boris adds a response while Olga's form is open; then Olga adds hers.
    await page.evaluate(
      ({ boris, account }) =>
        (window as unknown as StoreWindow).crmkitHostStore
          .webApiFor(boris)
          .createRecord('crmkit_surveyresponse', {
            crmkit_nps: 3,
            crmkit_respondent: 'Борис одночасно',
            'regardingobjectid_account_crmkit_surveyresponse@odata.bind': `/accounts(${account})`,
          }),
      { boris: BORIS, account: ACCOUNT },
    );
    await add(page, 8, 'Після дзвінка');
    await expect(page.locator('.crmkit-survey__who').allTextContents()).resolves.toEqual([
      'Ольга Смирнова',
      'Борис одночасно',
      'Респондент 0',
    ]);
    expect((await rows(page)).map((r) => r.crmkit_respondent)).toEqual([
      'Респондент 0',
      'Борис одночасно',
      'Ольга Смирнова',
    ]);

    // Olga opens her response to edit it; someone deletes it meanwhile; saving reports it, nothing is created.
    await page.locator('.crmkit-survey__item').first().locator('[data-action="edit"]').click();
    await page.evaluate(() => {
      const store = (window as unknown as StoreWindow).crmkitHostStore;
      store.remove(String(store.rows[store.rows.length - 1]!.activityid));
    });
    await page.click('[data-action="save"]');
    await expect(page.locator('.crmkit-survey__notice').textContent()).resolves.toBe(uk['records.gone']);
    expect(await rows(page)).toHaveLength(2);
    await expect(page.locator('.crmkit-survey__item').count()).resolves.toBe(2);
    await page.screenshot({ path: path.join(testOutputDir, 'survey-records-1058.png'), fullPage: true });
    await page.close();
  });

  it.each([1033, 1049, 1026, 1058])(
    'says in language %i that responses can be added once the new record is saved, then offers Add',
    async (lcid) => {
      const strings = readCatalogue(lcid).survey!;
      const page = await open(lcid, 0, null);
      await expect(page.locator('.crmkit-survey__body').textContent()).resolves.toBe(
        strings['records.unsaved'],
      );
      await page.evaluate(
        (account) =>
          (window as unknown as StoreWindow).crmkitHost.setContextInfo({
            entityTypeName: 'account',
            entityId: account,
          }),
        ACCOUNT,
      );
      await expect(page.locator('[data-action="add"]').textContent()).resolves.toBe(strings['form.add']);
      await expect(page.locator('.crmkit-survey__list').innerText()).resolves.toContain(
        strings['list.empty'],
      );
      await page.close();
    },
  );
});
