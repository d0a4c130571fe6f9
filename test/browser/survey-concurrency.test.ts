/**
 * The BUILT CollabSurvey bundle on two "forms" (two pages of the project's host page) open on one
 * record, never refreshed, with a Web API that reads the record kept by this test: each user adds a
 * response, each form saves in turn, and both responses are stored. Screenshot:
 * test-output/survey-two-forms.png (the second form after its save).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument } from '../../src/widgets/survey/document';
import { documentOf, response } from '../widgets/survey/fixtures';
import { browserUnavailableReason, serveStatic, testOutputDir } from '../support/browser';
import { browserSession } from '../support/browser-session';
import { ensureControlBuilt } from './host/build-control';

const skipReason = browserUnavailableReason();
if (skipReason !== undefined) console.warn(`survey two-forms browser test ${skipReason}`);

const COLUMN = 'crmkit_surveyresponses';
const RECORD_ID = '7d2f8a10-5b1e-4c11-9a53-0c0ffee0babe';

interface HostWindow {
  crmkitHost: {
    mount: (options: unknown) => Promise<{ renderMs: number }>;
    outputs: { responses?: string };
    notifyCount: number;
  };
}

describe.skipIf(skipReason !== undefined)('CollabSurvey bundle on two forms of one record (Chromium)', () => {
  /** The record's stored column value, as the Web API answers it. */
  let stored: string | null;
  const reads: string[] = [];
  let outDir = '';

  beforeAll(async () => {
    outDir = await ensureControlBuilt('CollabSurvey', ['src/widgets/survey', 'src/widgets/shared']);
    mkdirSync(testOutputDir, { recursive: true });
  });
  const session = browserSession(() => serveStatic([path.join(import.meta.dirname, 'host'), outDir]));

  /** A form opened now (it sees the value stored now), as the given user. */
  async function openForm(userId: string, userName: string, lcid: number): Promise<Page> {
    const page = await session.browser.newPage({ viewport: { width: 700, height: 1100 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.exposeFunction('crmkitTestRetrieve', (entityType: string, id: string, options: string) => {
      reads.push(`${entityType} ${id} ${options}`);
      return JSON.stringify({ [COLUMN]: stored });
    });
    await page.addInitScript(() => {
      const w = window as unknown as {
        crmkitTestRetrieve: (t: string, id: string, o: string) => Promise<string>;
        crmkitHostWebApi: unknown;
      };
      w.crmkitHostWebApi = {
        retrieveRecord: (t: string, id: string, o: string) =>
          w.crmkitTestRetrieve(t, id, o).then((json) => JSON.parse(json) as unknown),
      };
    });
    await page.goto(`${session.server.url}/index.html`);
    await page.evaluate((o) => (window as unknown as HostWindow).crmkitHost.mount(o), {
      lcid,
      userId,
      userName,
      width: 620,
      contextInfo: { entityTypeName: 'account', entityId: `{${RECORD_ID}}` },
      parameters: { responses: { raw: stored, attributes: { MaxLength: 100000, LogicalName: COLUMN } } },
    });
    expect(errors).toEqual([]);
    return page;
  }

  async function addResponse(page: Page, stars: number, comment: string): Promise<void> {
    const before = await page.evaluate(() => (window as unknown as HostWindow).crmkitHost.notifyCount);
    await page.click('[data-action="add"]');
    await page.click(`[data-question="csat"] [role="radio"] >> nth=${stars - 1}`);
    await page.fill('.crmkit-survey__form textarea', comment);
    await page.click('[data-action="save"]');
    await page.waitForFunction((n) => (window as unknown as HostWindow).crmkitHost.notifyCount > n, before);
  }

  /** The form saves: its value of the column (the control's last output) becomes the stored value. */
  async function saveForm(page: Page): Promise<void> {
    stored = await page.evaluate(
      () => (window as unknown as HostWindow).crmkitHost.outputs.responses ?? null,
    );
  }

  it('stores both responses when two users on never-refreshed forms each add one', async () => {
    stored = serializeDocument(documentOf(response('r1', { csat: 5 }, { respondent: 'Ivan Petrov' })));
    const anna = await openForm('{00000000-0000-0000-0000-0000000000a1}', 'Anna Petrova', 1033);
    const olena = await openForm('{00000000-0000-0000-0000-0000000000b2}', 'Олена Коваль', 1058);

    await addResponse(anna, 4, 'After the call');
    await saveForm(anna);
    await addResponse(olena, 2, 'Після візиту');
    await saveForm(olena);

    const respondents = parseDocument(stored ?? '').responses.map((r) => r.respondent);
    expect(respondents).toEqual(['Ivan Petrov', 'Anna Petrova', 'Олена Коваль']);
    expect(reads).toEqual([
      `account ${RECORD_ID} ?$select=${COLUMN}`,
      `account ${RECORD_ID} ?$select=${COLUMN}`,
    ]);
    // Olena's form shows Anna's response too, and says why (in Ukrainian).
    await expect(olena.locator('[data-response-id]').count()).resolves.toBe(3);
    await expect(olena.locator('.crmkit-survey__notice').innerText()).resolves.toContain(
      'Тим часом опитування змінив інший користувач',
    );
    await olena.screenshot({ path: path.join(testOutputDir, 'survey-two-forms.png'), fullPage: true });
    await anna.close();
    await olena.close();
  });
});
