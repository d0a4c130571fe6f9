/**
 * The browser side of the benchmark: the dashboard pages' download sizes (built by
 * `npm run build:webresources`) and the funnel's 50,000-record page, as printed by the browser
 * test test/browser/funnel-host.test.ts (the control's bundle in a host page, in Chromium).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './measure';

export interface PageSize {
  page: string;
  /** The page's own script. */
  scriptKb: number;
  /** Each strings file (one per language), fetched at run time; none when the strings are bundled in. */
  stringsKb: number[];
  /** What a user's first visit downloads: the page's script and one strings file (the largest). */
  firstKb: number;
  firstGzipKb: number;
}

export function pageSizes(): PageSize[] {
  const r = spawnSync('npm', ['run', '--silent', 'build:webresources'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build:webresources failed: ${r.stderr}`);
  const outRoot = path.join(root, 'dist', 'webresources');
  return readdirSync(outRoot)
    .filter((page) => existsSync(path.join(outRoot, page, `${page}.js`)))
    .map((page) => {
      const dir = path.join(outRoot, page);
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
      const kb = (f: string): number => statSync(path.join(dir, f)).size / 1024;
      const gz = (f: string): number => gzipSync(readFileSync(path.join(dir, f))).length / 1024;
      const strings = files.filter((f) => /(^|[\\/.])\d{4}\.js$/.test(f));
      const largest = strings.reduce<string | undefined>(
        (a, f) => (a === undefined || kb(f) > kb(a) ? f : a),
        undefined,
      );
      const first = [`${page}.js`, ...(largest === undefined ? [] : [largest])];
      return {
        page,
        scriptKb: kb(`${page}.js`),
        stringsKb: strings.map(kb),
        firstKb: first.reduce((n, f) => n + kb(f), 0),
        firstGzipKb: first.reduce((n, f) => n + gz(f), 0),
      };
    });
}

/** The funnel's 50,000 records in one page: median ms of the first updateView, or why it was not measured. */
export function funnelPageMs(): number | string {
  const r = spawnSync(
    'npx',
    ['vitest', 'run', 'test/browser/funnel-host.test.ts', '-t', '50,000 records in Bulgarian'],
    { cwd: root, encoding: 'utf8', maxBuffer: 1024 ** 3 },
  );
  const text = `${r.stdout}\n${r.stderr}`;
  const ms = /50,000 records in one page: .*? first updateView ([\d.]+) ms/.exec(text)?.[1];
  if (ms !== undefined) return Number(ms);
  return /funnel-host: (.*)/.exec(text)?.[1] ?? `the browser test failed (exit ${r.status})`;
}
