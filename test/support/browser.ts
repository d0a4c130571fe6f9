/**
 * Shared browser-test support: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), a tiny static server on 127.0.0.1 with a random port, and the pcf-start harness
 * served from node_modules with its unpkg React requests answered locally.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** Screenshots and other artefacts of a test run land here (ignored by git). */
export const testOutputDir = path.join(repoRoot, 'test-output');

/** Why browser tests cannot run here, or undefined when they can. Tests print it when they skip. */
export function browserUnavailableReason(): string | undefined {
  if (!existsSync(CHROMIUM_PATH)) {
    return `skipped: no Chromium at ${CHROMIUM_PATH} (install Debian's chromium package; .ci/run does)`;
  }
  return undefined;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'text/xml; charset=utf-8',
  '.resx': 'text/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves files from the given folders on 127.0.0.1 (first folder that has the path wins).
 * `headers` are added to every response (e.g. a Content-Security-Policy).
 */
export async function serveStatic(
  roots: readonly string[],
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const rel = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
    for (const root of roots) {
      const file = path.join(root, path.normalize(rel));
      if (!file.startsWith(path.resolve(root))) continue;
      if (existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, {
          'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
          ...headers,
        });
        res.end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Serves a built control the way `pcf-start` does (the harness's own files from
 * node_modules/pcf-start at "/", the control's build output beside them), on a free port so that
 * several harnesses can run at once.
 */
export function servePcfHarness(controlOutDir: string): Promise<StaticServer> {
  return serveStatic([controlOutDir, path.join(repoRoot, 'node_modules/pcf-start')]);
}

/** Answers the harness's unpkg.com React requests from node_modules (there is no internet here). */
export async function routeUnpkgReact(page: Page): Promise<void> {
  await page.route('https://unpkg.com/**', async (route) => {
    const url = new URL(route.request().url());
    const match = /^\/(react|react-dom)@[^/]+\/(.+)$/.exec(url.pathname);
    if (match === null) {
      await route.abort();
      return;
    }
    const file = path.join(repoRoot, 'node_modules', match[1]!, match[2]!);
    if (!existsSync(file)) {
      await route.abort();
      return;
    }
    await route.fulfill({ body: readFileSync(file), contentType: 'text/javascript; charset=utf-8' });
  });
}
