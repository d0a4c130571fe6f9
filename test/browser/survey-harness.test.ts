/**
 * The BUILT CollabSurvey bundle in Microsoft's pcf-start harness (served on a free port): the
 * harness's own placeholder value is shown as unreadable and left alone (once the placeholder table
 * name, which turns on records mode, is cleared); after clearing it, a response
 * answered in the control reaches the harness's "Data Outputs" with `responses`, `csat` and `nps`.
 * (The harness merges every resx, the last one wins, so its UI language is not asserted here —
 * test/browser/survey-host.test.ts covers languages.) Screenshot: test-output/survey-harness.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/widgets/survey/document';
import {
  browserUnavailableReason,
  launchBrowser,
  routeUnpkgReact,
  servePcfHarness,
  testOutputDir,
  type StaticServer,
} from '../support/browser';
import { ensureControlBuilt } from './host/build-control';

const skipReason = browserUnavailableReason();
if (skipReason !== undefined) console.warn(`survey harness tests ${skipReason}`);

/** The harness's "Data Outputs" panel as name → value. */
async function dataOutputs(page: Page): Promise<Record<string, string>> {
  const text = await page.evaluate(() => document.body.innerText);
  const start = text.indexOf('Data Outputs');
  if (start < 0) return {};
  const lines = text
    .slice(start + 'Data Outputs'.length)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const outputs: Record<string, string> = {};
  for (let i = 0; i + 1 < lines.length; i += 2) outputs[lines[i]!] = lines[i + 1]!;
  return outputs;
}

describe.skipIf(skipReason !== undefined)('CollabSurvey bundle in the pcf-start harness (Chromium)', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const outDir = await ensureControlBuilt('CollabSurvey', ['src/widgets/survey', 'src/widgets/shared']);
    server = await servePcfHarness(outDir);
    browser = await launchBrowser();
    mkdirSync(testOutputDir, { recursive: true });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await routeUnpkgReact(page);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.crmkit-survey');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the harness's placeholder value as unreadable text and does not overwrite it", async () => {
    // The harness fills every input with "val", responseTable too: records mode says that is no
    // table name (the harness shows the last resx's language); cleared, the control is in column mode.
    await expect(page.locator('.crmkit-survey__body .crmkit-message--error').innerText()).resolves.toContain(
      'val',
    );
    const table = page.locator('xpath=//*[normalize-space(text())="responseTable"]/following::input[1]');
    await table.fill('');
    await table.press('Tab');
    await expect(page.locator('.crmkit-survey__raw').inputValue()).resolves.toBe('val');
    await expect(page.locator('[data-action="start-over"]').count()).resolves.toBe(1);
    expect(await dataOutputs(page)).toEqual({});
  });

  it('records a response and hands responses, csat and nps to the outputs', async () => {
    const valueInputs = page.locator('input[type="text"]');
    for (const n of [0, 1]) {
      await valueInputs.nth(n).fill(''); // responses, then definition
      await valueInputs.nth(n).press('Tab');
    }
    await page.click('[data-action="add"]');
    await page.fill('.crmkit-survey__form input[type="text"]', 'Harness User');
    await page.locator('[data-question="csat"] [role="radio"]').nth(3).click();
    await page.locator('[data-question="nps"] [role="radio"]').first().focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.fill('.crmkit-survey__form textarea', 'Recorded in the harness');
    await page.click('[data-action="save"]');
    await page.waitForFunction(() => document.body.innerText.includes('Data Outputs'));

    const outputs = await dataOutputs(page);
    expect(outputs.csat).toBe('4');
    expect(outputs.nps).toBe('100');
    expect(outputs.responseCount).toBe('1');
    const doc = parseDocument(outputs.responses ?? '');
    expect(doc.responses).toHaveLength(1);
    expect(doc.responses[0]).toMatchObject({
      respondent: 'Harness User',
      answers: { csat: 4, nps: 9 },
      comment: 'Recorded in the harness',
    });
    // The harness hands the value back as the bound input: the list shows the saved response.
    await expect(page.locator('.crmkit-survey__item .crmkit-survey__who').textContent()).resolves.toBe(
      'Harness User',
    );
    await page.screenshot({ path: path.join(testOutputDir, 'survey-harness.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
