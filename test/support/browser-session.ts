/**
 * The launch/serve/close boilerplate of the browser tests: a static server and Debian's Chromium
 * started in a `beforeAll` of the enclosing suite and both closed in its `afterAll`.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { browserUnavailableReason, launchBrowser, type StaticServer } from './browser';

export interface BrowserSession {
  /** Chromium, launched once the suite's earlier `beforeAll` hooks have run. */
  readonly browser: Browser;
  /** The server `serve` started (e.g. with `serveStatic`). */
  readonly server: StaticServer;
}

/**
 * Registers, in the enclosing suite, a `beforeAll` that calls `serve()` then launches Chromium,
 * and an `afterAll` that closes both. Register it after the hooks that build what `serve` needs:
 * `beforeAll` hooks run in the order they were registered. Does nothing where there is no Chromium
 * (the tests skip and say why through `browserUnavailableReason()`).
 */
export function browserSession(serve: () => Promise<StaticServer>): BrowserSession {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    if (browserUnavailableReason() !== undefined) return;
    server = await serve();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (browser === undefined) throw new Error('no browser: the session has not started');
      return browser;
    },
    get server() {
      if (server === undefined) throw new Error('no server: the session has not started');
      return server;
    },
  };
}
