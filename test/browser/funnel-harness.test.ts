import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserUnavailableReason,
  launchBrowser,
  repoRoot,
  routeUnpkgReact,
  servePcfHarness,
  testOutputDir,
  type StaticServer,
} from '../support/browser';
import { naturalCompare } from '../../src/widgets/funnel/order';
import { controlOutDir, ensureBuiltControl } from '../widgets/funnel/built-control';

const skip = browserUnavailableReason();
if (skip !== undefined) console.warn(`funnel-harness: ${skip}`);

const csvPath = path.join(repoRoot, 'test/fixtures/funnel/opportunities.csv');

/** What the test expects, computed from the CSV itself: stages in natural order with counts. */
function expectedFromCsv(): { stages: [string, number][]; records: number; amount: number } {
  const [, ...lines] = readFileSync(csvPath, 'utf8').trim().split('\n');
  const counts = new Map<string, number>();
  let amount = 0;
  for (const line of lines) {
    const [, stage, value] = line.split(',');
    counts.set(stage!, (counts.get(stage!) ?? 0) + 1);
    amount += value === '' ? 0 : Number(value);
  }
  const stages = [...counts].sort((a, b) => naturalCompare(a[0], b[0]));
  return { stages, records: lines.length, amount };
}

describe.skipIf(skip !== undefined)('SalesFunnel in the pcf-start harness', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    const took = ensureBuiltControl();
    if (took > 0) console.log(`funnel-harness: built the control in ${took} ms`);
    mkdirSync(testOutputDir, { recursive: true });
    server = await servePcfHarness(controlOutDir);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await routeUnpkgReact(page);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.crmkit-funnel__stage');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the stages of an uploaded CSV mapped to the property-sets, in natural order', async () => {
    await page.setInputFiles('#recordsInput', csvPath);
    const selects = page.locator('#accordion__panel-records select');
    await selects.nth(0).selectOption('stage');
    await selects.nth(1).selectOption('SingleLine.Text');
    await selects.nth(2).selectOption('amount');
    await selects.nth(3).selectOption('Decimal');
    await selects.nth(4).selectOption('segment');
    await selects.nth(5).selectOption('SingleLine.Text');
    // The harness's own default stageOrder ("val") names no stage (a "Stage not found" warning); clear it.
    const stageOrder = page.locator('#accordion__panel-data_inputs input[type="text"]').first();
    await stageOrder.fill('');
    await page.locator('input[value="Apply"]').click();
    const expected = expectedFromCsv();
    await expect
      .poll(() => page.locator('.crmkit-funnel__label').allTextContents())
      .toEqual(expected.stages.map(([label]) => label));
    const counts = await page.locator('.crmkit-funnel__count').allTextContents();
    expect(counts).toEqual(expected.stages.map(([, n]) => String(n)));
    const records = await page.locator('[data-stat="records"] .crmkit-funnel__stat-value').textContent();
    expect(records).toBe(String(expected.records));
    const chips = await page.locator('.crmkit-funnel__chip').allTextContents();
    expect(chips.slice(1, -1).sort()).toEqual(['Enterprise', 'Public sector', 'SMB']);
    await page
      .locator('.crmkit-funnel')
      .screenshot({ path: path.join(testOutputDir, 'funnel-harness-csv.png') });
  });
});
