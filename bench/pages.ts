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
  /** The page's own script and the chunks it imports statically: the code of the first paint. */
  scriptKb: number;
  /** Each strings file (three per language: the page's, its `more`, the view's), fetched at run time. */
  stringsKb: number[];
  /** The page's strings of the first paint (`<page>.<lcid>.js`), the largest language's. */
  firstStringsKb: number;
  /** The page's strings shown only on demand (`<page>.more.<lcid>.js`: failures, help…), the largest language's. */
  moreStringsKb: number;
  /** What a user's first visit downloads: the first paint's code and the page's strings file (the largest language's). */
  firstKb: number;
  firstGzipKb: number;
  /** With the result's view too (the `*_later` chunks and the view's strings, fetched while the queries run). */
  drawnKb: number;
  /** The chunks fetched only on demand (downloads, drill-down, failure texts, outside help), in all (code only). */
  onDemandKb: number;
}

/** The files an ES module imports statically (`import…from"./x.js"`, `import"./x.js"`), not `import()`. */
export function staticImportsOf(js: string): string[] {
  const found = new Set<string>();
  for (const m of js.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g))
    if (m[1]) found.add(m[1]);
  return [...found];
}

/** The files an ES module imports with `import("./x.js")`. */
function dynamicImportsOf(js: string): string[] {
  return [...js.matchAll(/\bimport\(\s*["']\.\/([^"']+\.js)["']\s*\)/g)].flatMap((m) => (m[1] ? [m[1]] : []));
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
      // The page's own strings (`<page>.<lcid>.js`) come first; a widget view's
      // (`<page>.<namespace>.<lcid>.js`) with the view's code.
      const firstStrings = strings.filter((f) => /^[A-Za-z0-9_]+\.\d{4}\.js$/.test(f));
      const largest = firstStrings.reduce<string | undefined>(
        (a, f) => (a === undefined || kb(f) > kb(a) ? f : a),
        undefined,
      );
      /** A script and everything it imports statically, as the browser fetches them. */
      const closure = (starts: readonly string[]): Set<string> => {
        const seen = new Set<string>();
        const queue = [...starts];
        for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
          if (seen.has(f) || !files.includes(f)) continue;
          seen.add(f);
          queue.push(...staticImportsOf(readFileSync(path.join(dir, f), 'utf8')));
        }
        return seen;
      };
      const code = closure([`${page}.js`]);
      const later = [...code].flatMap((f) =>
        dynamicImportsOf(readFileSync(path.join(dir, f), 'utf8')).filter((d) => /_later\.js$/.test(d)),
      );
      const drawn = closure([...code, ...later]);
      const lcid = /\.(\d{4})\.js$/.exec(largest ?? '')?.[1];
      const more = strings.filter((f) => /\.more\.\d{4}\.js$/.test(f));
      const viewStrings = strings.filter(
        (f) => !firstStrings.includes(f) && !more.includes(f) && f.endsWith(`.${lcid}.js`),
      );
      const scripts = files.filter((f) => f.endsWith('.js') && !strings.includes(f));
      const first = [...code, ...(largest === undefined ? [] : [largest])];
      const sum = (list: Iterable<string>, size = kb): number => [...list].reduce((n, f) => n + size(f), 0);
      return {
        page,
        scriptKb: sum(code),
        stringsKb: strings.map(kb),
        firstStringsKb: largest === undefined ? 0 : kb(largest),
        moreStringsKb: Math.max(0, ...more.map(kb)),
        firstKb: sum(first),
        firstGzipKb: sum(first, gz),
        drawnKb: sum(first) + sum([...drawn].filter((f) => !code.has(f))) + sum(viewStrings),
        onDemandKb: sum(scripts.filter((f) => !drawn.has(f))),
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

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'pages.ts')
) {
  for (const p of pageSizes()) {
    console.log(
      `${p.page}: first download ${p.firstKb.toFixed(1)} KB (gzip ${p.firstGzipKb.toFixed(1)} KB) = code of the first paint ${p.scriptKb.toFixed(1)} KB + strings ${p.firstStringsKb.toFixed(1)} KB; with the result's view ${p.drawnKb.toFixed(1)} KB; on demand ${p.onDemandKb.toFixed(1)} KB of code, strings ≤ ${p.moreStringsKb.toFixed(1)} KB`,
    );
  }
}
