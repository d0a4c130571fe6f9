/**
 * The harness of the dashboard pages' browser tests: builds the web resources and the host page
 * whose stand-in `Xrm` (test/fixtures/webresources/stand-in-xrm.ts) answers like Dataverse, serves
 * them on localhost under a strict Content-Security-Policy, and opens a page in the host's iframe.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Frame, Page } from 'playwright-core';
import { beforeAll } from 'vitest';
import { browserUnavailableReason, repoRoot, serveStatic, testOutputDir } from './browser';
import { browserSession, type BrowserSession } from './browser-session';
import type { Call } from '../fixtures/webresources/stand-in-xrm';

export const webresourceCsp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const hostDir = path.join(testOutputDir, 'webresources-host');
const fixtures = path.join(repoRoot, 'test/fixtures/webresources');

/**
 * Registers, in the enclosing suite, the build of the pages and of the host page, then the browser
 * session serving them (nothing where there is no Chromium).
 */
export function webresourceHostSession(): BrowserSession {
  beforeAll(async () => {
    if (browserUnavailableReason() !== undefined) return;
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
  return browserSession(() =>
    serveStatic([hostDir, path.join(repoRoot, 'dist')], { 'Content-Security-Policy': webresourceCsp }),
  );
}

export interface Opened {
  page: Page;
  frame: Frame;
  cspViolations: string[];
  errors: string[];
}

/** Opens a built page in the host with its `data` parameter and the stand-in's settings (`host`). */
export async function openInHost(
  session: BrowserSession,
  pageName: string,
  data: string,
  host: Record<string, string>,
  viewport = { width: 1100, height: 800 },
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
  await frame.waitForSelector('#crmkit-root[data-state="done"]', { timeout: 60_000 });
  console.log(
    `${pageName} ${JSON.stringify(host)}: loaded and drawn in ${Date.now() - started} ms (stand-in Xrm, localhost)`,
  );
  return { page, frame, cspViolations, errors };
}

/** A request the stand-in answered (test/fixtures/webresources/stand-in-xrm.ts logs them). */
export type StandInCall = Call;

/** Every request the stand-in answered, in order. */
export async function callsOf(page: Page): Promise<StandInCall[]> {
  return page.evaluate(() => (window as unknown as { standIn: { calls: StandInCall[] } }).standIn.calls);
}
