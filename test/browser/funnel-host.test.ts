/**
 * The BUILT SalesFunnel bundle in the project's own host page (test/browser/host/), which — unlike
 * pcf-start's harness — gives the control a user language; the dataset is a multi-page stand-in
 * (test/widgets/funnel/host-dataset.ts). Numbers on screen are checked against numbers counted here,
 * in Russian and Bulgarian; timings of 50,000 records are printed. Screenshots: test-output/funnel-host-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { pngSize, readPng } from '../support/png';
import { browserUnavailableReason, repoRoot, serveStatic, testOutputDir } from '../support/browser';
import { browserSession } from '../support/browser-session';
import { controlOutDir, ensureBuiltControl } from '../widgets/funnel/built-control';
import {
  SAMPLE_STAGES,
  SAMPLE_SEGMENTS,
  sampleOpportunities,
  type SampleLcid,
} from '../widgets/funnel/sample-data';

const skip = browserUnavailableReason();
if (skip !== undefined) console.warn(`funnel-host: ${skip}`);

const hostDir = path.join(testOutputDir, 'funnel-host');
const locales: Record<SampleLcid, string> = { 1033: 'en-US', 1049: 'ru-RU', 1026: 'bg-BG', 1058: 'uk-UA' };

/** The numbers the test expects, counted here in plain loops (not by the funnel model). */
function expected(records: number, lcid: SampleLcid, max = 50_000) {
  const rows = sampleOpportunities(records).slice(0, max);
  const nf = new Intl.NumberFormat(locales[lcid], { maximumFractionDigits: 0 });
  const counts = SAMPLE_STAGES.map((_, s) => rows.filter((r) => r.stage === s).length);
  const reached = SAMPLE_STAGES.map((_, s) => rows.filter((r) => r.stage >= s).length);
  const total = rows.reduce((n, r) => n + (r.amount ?? 0), 0);
  return {
    labels: SAMPLE_STAGES.map((s) => s.label[lcid]),
    segments: SAMPLE_SEGMENTS.map((s) => s.label[lcid]).sort((a, b) => a.localeCompare(b)),
    counts: counts.map((n) => nf.format(n)),
    reached,
    records: nf.format(rows.length),
    // ru-RU and bg-BG put the currency symbol after the number, separated by a no-break space.
    amount: `${nf.format(total)}\u00a0€`,
    idsOfStage: (s: number) => rows.filter((r) => r.stage === s).map((r) => r.id),
    nf,
  };
}

describe.skipIf(skip !== undefined)('SalesFunnel bundle in a host page with a chosen language', () => {
  beforeAll(async () => {
    const took = ensureBuiltControl();
    if (took > 0) console.log(`funnel-host: built the control in ${took} ms`);
    mkdirSync(hostDir, { recursive: true });
    await build({
      entryPoints: [path.join(repoRoot, 'test/widgets/funnel/host-dataset.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome109',
      outfile: path.join(hostDir, 'funnel-dataset.js'),
      logLevel: 'silent',
    });
  });
  const session = browserSession(() =>
    serveStatic([path.join(repoRoot, 'test/browser/host'), controlOutDir]),
  );

  interface Mount {
    lcid: SampleLcid;
    records: number;
    pageSize?: number;
    max?: number;
    width?: number;
    stageOrder?: string;
    /** userSettings.numberFormattingInfo.numberDecimalSeparator (none when absent). */
    decimalSeparator?: string;
  }

  /** The page, and init + first updateView as the host timed it (ms). */
  async function open(m: Mount): Promise<Page & { firstRenderMs: number }> {
    const width = m.width ?? 1000;
    const page = await session.browser.newPage({ viewport: { width: width + 80, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ path: path.join(hostDir, 'funnel-dataset.js') });
    await page.goto(`${session.server.url}/index.html`);
    const mounted = await page.evaluate(
      (o) =>
        (
          window as unknown as { crmkitHost: { mount: (options: unknown) => Promise<{ renderMs: number }> } }
        ).crmkitHost.mount({
          lcid: o.lcid,
          width: o.width,
          decimalSeparator: o.decimalSeparator,
          parameters: {
            records: { records: o.records, pageSize: o.pageSize },
            mode: { raw: 'snapshot' },
            metric: { raw: 'count' },
            stageOrder: { raw: o.stageOrder ?? '' },
            maxRecords: { raw: o.max ?? null },
          },
        }),
      { ...m, width },
    );
    await page.waitForFunction(() => window.funnelHost?.settled() === true, undefined, { timeout: 60_000 });
    expect(errors).toEqual([]);
    return Object.assign(page, { firstRenderMs: mounted.renderMs });
  }
  const texts = (page: Page, selector: string): Promise<string[]> => page.locator(selector).allTextContents();
  const stat = (page: Page, key: string): Promise<string | null> =>
    page.locator(`[data-stat="${key}"] .crmkit-funnel__stat-value`).textContent();

  it('shows in Russian the numbers of all pages of a 12,000-record view', async () => {
    const page = await open({ lcid: 1049, records: 12_000 });
    const want = expected(12_000, 1049);
    expect(await page.evaluate(() => window.funnelHost!.loadNextPageCalls())).toBe(2);
    expect(await texts(page, '.crmkit-funnel__label')).toEqual(want.labels);
    expect(await texts(page, '.crmkit-funnel__count')).toEqual(want.counts);
    expect(await stat(page, 'records')).toBe(want.records);
    expect(await stat(page, 'amount')).toBe(want.amount);
    expect(await page.locator('[data-stat="records"] .crmkit-funnel__stat-label').textContent()).toBe(
      'Записи',
    );
    expect((await texts(page, '.crmkit-funnel__chip')).slice(1, -1)).toEqual(want.segments);
    await page.locator('.crmkit-funnel').screenshot({ path: path.join(testOutputDir, 'funnel-host-ru.png') });
    await page.close();
  });

  it('draws a listed stage with no records as a zero stage once getEntityMetadata gives the choice options, and names only the typo, in Ukrainian', async () => {
    const rows = sampleOpportunities(8);
    // The premise: no record of these 8 is in Propose (2).
    expect(rows.filter((r) => r.stage === 2)).toEqual([]);
    const page = await open({
      lcid: 1058,
      records: 8,
      stageOrder: 'Кваліфікація, Розробка, Пропозиція, Закриття, Кваліфікацыя',
    });
    await page.waitForFunction(() => document.querySelectorAll('.crmkit-funnel__label').length === 4);
    const want = expected(8, 1058);
    expect(await texts(page, '.crmkit-funnel__count')).toEqual(want.counts);
    expect(
      await page
        .locator('.crmkit-funnel__label')
        .evaluateAll((ls) => ls.map((l) => l.firstChild?.textContent)),
    ).toEqual(want.labels);
    expect(await texts(page, '[data-notice="warnings"] li')).toEqual([
      'Етап не знайдено: Кваліфікацыя (зазначений у порядку етапів)',
    ]);
    await page.close();
  });

  it('aggregates and draws 50,000 records in Bulgarian, and selects a stage with the keyboard', async () => {
    const page = await open({ lcid: 1026, records: 50_000 });
    const want = expected(50_000, 1026);
    expect(await texts(page, '.crmkit-funnel__count')).toEqual(want.counts);
    expect(await stat(page, 'records')).toBe(want.records);
    expect(await stat(page, 'amount')).toBe(want.amount);
    const updates = [
      page.firstRenderMs,
      ...(await page.evaluate(() => window.funnelHost!.updates.map((u) => u.ms))),
    ];
    // Median of five recomputes (mode changes) of all 50,000 records: the machine is shared, so one run is noisy.
    const recomputes = await page.evaluate(() =>
      ['snapshot', 'reached', 'snapshot', 'reached', 'snapshot', 'reached'].map((m) =>
        window.funnelHost!.setProperty('mode', m),
      ),
    );
    const recompute = recomputes.slice(1).sort((a, b) => a - b)[2]!;
    expect(await texts(page, '.crmkit-funnel__count')).toEqual(want.reached.map((n) => want.nf.format(n)));
    const resize = await page.evaluate(() => window.funnelHost!.update(['layout']));
    console.log(
      `funnel-host: 50,000 records in ${updates.length} pages; time in updateView ${updates
        .reduce((a, b) => a + b, 0)
        .toFixed(1)} ms in all (largest page ${Math.max(...updates).toFixed(1)} ms); ` +
        `recompute + draw of all 50,000 after a mode change ${recompute.toFixed(1)} ms (median of 5; budget 100 ms); ` +
        `resize-only update ${resize.toFixed(2)} ms`,
    );
    // The same 50,000 records arriving as one page: reading, aggregating and drawing in one updateView.
    // Three fresh pages (cold code each time), median printed: the machine is shared.
    const firsts: number[] = [];
    for (let run = 0; run < 3; run++) {
      const onePage = await open({ lcid: 1026, records: 50_000, pageSize: 50_000 });
      firsts.push(onePage.firstRenderMs);
      expect(await onePage.locator('.crmkit-funnel__count').allTextContents()).toEqual(want.counts);
      await onePage.close();
    }
    const first = [...firsts].sort((a, b) => a - b)[1]!;
    // For context: what a fresh page pays for its first Intl.NumberFormat (loading the locale's ICU
    // data), part of the figure above; inside Dynamics the app has already formatted numbers.
    const fresh = await session.browser.newPage();
    const intlMs = await fresh.evaluate(() => {
      const started = performance.now();
      new Intl.NumberFormat('bg-BG').format(1);
      return performance.now() - started;
    });
    await fresh.close();
    console.log(
      `funnel-host: 50,000 records in one page: init + read + aggregate + draw in the first updateView ${first.toFixed(1)} ms ` +
        `(median of 3 fresh pages: ${firsts.map((ms) => ms.toFixed(1)).join(', ')}; budget 100 ms; ` +
        `a fresh page's first Intl.NumberFormat alone takes ${intlMs.toFixed(1)} ms; ` +
        'the stand-in dataset builds its record objects before the timing starts)',
    );
    await page.evaluate(() => window.funnelHost!.setProperty('mode', 'snapshot'));
    await page.locator('button.crmkit-funnel__stage').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.funnelHost!.selected)).toEqual(want.idsOfStage(1));
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toContain('Маркирани записи');
    await page.keyboard.press('Shift+Enter');
    expect(await page.evaluate(() => window.funnelHost!.opened)).toEqual([want.idsOfStage(1)[0]]);
    await page
      .locator('.crmkit-funnel')
      .screenshot({ path: path.join(testOutputDir, 'funnel-host-bg-50000.png') });
    await page.close();
  });

  it('says in Bulgarian that the record cap cuts the view', async () => {
    const page = await open({ lcid: 1026, records: 12_000, max: 7_000 });
    const want = expected(12_000, 1026, 7_000);
    expect(await texts(page, '.crmkit-funnel__count')).toEqual(want.counts);
    expect(await page.locator('[data-notice="capped"]').textContent()).toBe(
      `Показани са първите ${want.nf.format(7000)} от ${want.nf.format(12000)} записа: ограничението от ${want.nf.format(7000)} записа отрязва изгледа.`,
    );
    await page
      .locator('.crmkit-funnel')
      .screenshot({ path: path.join(testOutputDir, 'funnel-host-bg-capped.png') });
    await page.close();
  });

  it('fits 300 px without horizontal scrolling and compares segments side by side', async () => {
    const page = await open({ lcid: 1049, records: 3_000, width: 300 });
    const overflow = await page.evaluate(() => {
      const root = document.querySelector('.crmkit-funnel')!;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page
      .locator('.crmkit-funnel')
      .screenshot({ path: path.join(testOutputDir, 'funnel-host-ru-300px.png') });
    await page.locator('.crmkit-funnel__chip.is-compare').click();
    expect(await page.locator('.crmkit-funnel__panel').count()).toBe(2);
    await page.setViewportSize({ width: 980, height: 900 });
    await page.evaluate(() =>
      (window as unknown as { crmkitHost: { setWidth: (px: number) => void } }).crmkitHost.setWidth(900),
    );
    await page
      .locator('.crmkit-funnel')
      .screenshot({ path: path.join(testOutputDir, 'funnel-host-ru-compare.png') });
    await page.locator('[data-table]').click();
    expect(await page.locator('table.crmkit-funnel__table').count()).toBe(2);
    await page
      .locator('.crmkit-funnel')
      .screenshot({ path: path.join(testOutputDir, 'funnel-host-ru-table.png') });
    await page.close();
  });

  it.each([
    [1049, ',', ';', 'воронка-продаж'],
    [1026, '.', ',', 'фуния-на-продажбите'],
  ] as const)(
    "saves in %i the figures as CSV with the user's decimal separator %s (cells split by %s) and the funnel as PNG",
    async (lcid, decimal, sep, base) => {
      const page = await open({ lcid, records: 2000, decimalSeparator: decimal });
      const rows = sampleOpportunities(2000);
      const [csvFile] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-download="csv"]'),
      ]);
      expect(csvFile.suggestedFilename()).toMatch(new RegExp(`^${base}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const text = readFileSync(await csvFile.path()).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const all = text
        .slice(1)
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(sep))
        .filter((r) => r[0] === (lcid === 1049 ? 'Все' : 'Всички'));
      expect(all.map((r) => r.slice(1, 4))).toEqual(
        SAMPLE_STAGES.map((s, i) => {
          const inStage = rows.filter((r) => r.stage === i);
          const amount = Math.round(inStage.reduce((n, r) => n + (r.amount ?? 0), 0) * 100) / 100;
          return [s.label[lcid], String(inStage.length), String(amount).replace('.', decimal)];
        }),
      );
      const [pngFile] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-download="png"]'),
      ]);
      const png = readFileSync(await pngFile.path());
      writeFileSync(path.join(testOutputDir, `funnel-host-download-${lcid}.png`), png);
      expect(pngSize(png)).toEqual({ width: 1760, height: 2 * (84 + 4 * 56 + 40) });
      const read = await readPng(
        page,
        png,
        [
          [4, 4],
          [800, 2 * (84 + 19)],
        ],
        { x: 48, y: 40, width: 700, height: 40 },
      );
      expect(read.pixels).toEqual([
        [255, 255, 255, 255],
        [15, 108, 189, 255],
      ]);
      expect(read.dark).toBeGreaterThan(200);
      await page.close();
    },
  );
});
