/**
 * The dashboard web resources' browser host: builds the web resources and the stand-in Xrm
 * (test/fixtures/webresources/stand-in-xrm.ts), serves them on localhost under a strict
 * Content-Security-Policy, and opens a page in the host's iframe; plus readers of what the
 * stand-in logged and what the funnel shows.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Frame, Page } from 'playwright-core';
import { beforeAll } from 'vitest';
import { browserUnavailableReason, repoRoot, serveStatic, testOutputDir } from './browser';
import { browserSession, type BrowserSession } from './browser-session';

export const skipReason = browserUnavailableReason();

export const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const hostDir = path.join(testOutputDir, 'webresources-host');
const fixtures = path.join(repoRoot, 'test/fixtures/webresources');

/**
 * Registers the build in a `beforeAll` and the browser session of the enclosing file; `openInHost`
 * opens a page in the host with the stand-in's parameters (`lang`, `opps`, `scenario`…).
 */
export function webresourceHost(label: string): {
  session: BrowserSession;
  openInHost: (
    pageName: string,
    data: string,
    host: Record<string, string>,
    viewport?: { width: number; height: number },
    timeout?: number,
  ) => Promise<Opened>;
} {
  if (skipReason !== undefined) console.warn(`${label} ${skipReason}`);
  beforeAll(async () => {
    if (skipReason !== undefined) return;
    execFileSync(process.execPath, ['scripts/build-webresources.js'], { cwd: repoRoot, stdio: 'inherit' });
    mkdirSync(hostDir, { recursive: true });
    await build({
      entryPoints: [path.join(fixtures, 'stand-in-xrm.ts')],
      outfile: path.join(hostDir, 'stand-in-xrm.js'),
      bundle: true,
      format: 'iife',
      logLevel: 'warning',
    });
    copyFileSync(path.join(fixtures, 'host.html'), path.join(hostDir, 'host.html'));
    copyFileSync(path.join(fixtures, 'host.css'), path.join(hostDir, 'host.css'));
  });
  const session = browserSession(() =>
    serveStatic([hostDir, path.join(repoRoot, 'dist')], { 'Content-Security-Policy': csp }),
  );
  return { session, openInHost: (...args) => openInHost(session, ...args) };
}

export interface Opened {
  page: Page;
  frame: Frame;
  cspViolations: string[];
  errors: string[];
}

async function openInHost(
  session: BrowserSession,
  pageName: string,
  data: string,
  host: Record<string, string>,
  viewport = { width: 1100, height: 800 },
  timeout = 60_000,
): Promise<Opened> {
  const page = await session.browser.newPage({ viewport });
  const cspViolations: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // The page reads metadata with fetch from <clientUrl>/api/data/v9.2/: the stand-in answers it.
  await page.route(`${session.server.url}/api/data/v9.2/**`, async (route) => {
    const url = route.request().url();
    const answer = await page.evaluate(
      (u) => (window as unknown as { standIn: { webApi: (u: string) => unknown } }).standIn.webApi(u),
      url,
    );
    const { status, body } = answer as { status: number; body: unknown };
    await route.fulfill({ status, json: body, headers: { 'OData-Version': '4.0' } });
  });
  const src = `/webresources/${pageName}/${pageName}.html?data=${encodeURIComponent(data)}`;
  const query = new URLSearchParams({ ...host, src });
  const started = Date.now();
  await page.goto(`${session.server.url}/host.html?${query.toString()}`);
  const frameHandle = await page.waitForSelector('#webresource');
  const frame = (await frameHandle.contentFrame())!;
  await frame.waitForSelector('#crmkit-root[data-state="done"]', { timeout });
  console.log(
    `${pageName} ${JSON.stringify(host)}: loaded and drawn in ${Date.now() - started} ms (stand-in Xrm, localhost)`,
  );
  return { page, frame, cspViolations, errors };
}

export type { Call as StandInCall } from '../fixtures/webresources/stand-in-xrm';
import type { Call as StandInCall } from '../fixtures/webresources/stand-in-xrm';

/** The documented Xrm.WebApi error codes: unsigned decimals of the HRESULTs. */
export const xrmCode = { aggregateLimit: 2147803171, throttledRequests: 2147951394 } as const;

export async function callsOf(page: Page): Promise<StandInCall[]> {
  return page.evaluate(() => (window as unknown as { standIn: { calls: StandInCall[] } }).standIn.calls);
}

export async function statusSeenOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { standIn: { statusSeen: string[] } }).standIn.statusSeen);
}

/** The funnel's stages as shown; `within` narrows to one funnel of several (`[data-period="previous"]`). */
export async function stageFigures(frame: Frame, within = ''): Promise<{ label: string; count: string }[]> {
  return frame.$$eval(`${within} .crmkit-funnel__row`, (rows) =>
    rows.map((r) => ({
      label: r.querySelector('.crmkit-funnel__label')?.firstChild?.textContent?.trim() ?? '',
      count: r.querySelector('.crmkit-funnel__count')?.textContent?.trim() ?? '',
    })),
  );
}
