// Builds the dashboard HTML web resources: for each page, its .html (copied), one minified .js
// bundle (IIFE, no CDN, no inline code) and one .css bundle, into dist/webresources/<page>/.
// The page references its files relatively (./<page>.js), so any `<prefix>_/crmkit/` path works.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
/** Each page and the catalogue namespaces its bundle carries (its widget's and the dashboard's). */
const pages = { 'pipeline-funnel': ['dashboard', 'funnel'], 'survey-insights': ['dashboard', 'survey'] };

/** Bundles only the namespaces a page uses out of translations/ui/<lcid>.json. */
const catalogueSubset = (namespaces) => ({
  name: 'catalogue-subset',
  setup(b) {
    b.onLoad({ filter: /translations[\\/]ui[\\/]\d+\.json$/ }, (args) => {
      const all = JSON.parse(readFileSync(args.path, 'utf8'));
      // property.* strings describe a control's manifest properties: the pages never show them.
      const strings = (ns) =>
        Object.fromEntries(Object.entries(all[ns] ?? {}).filter(([k]) => !k.startsWith('property.')));
      const kept = Object.fromEntries(namespaces.map((ns) => [ns, strings(ns)]));
      return { contents: JSON.stringify(kept), loader: 'json' };
    });
  },
});
const outRoot = path.join(root, 'dist', 'webresources');

const sizes = [];
for (const [page, namespaces] of Object.entries(pages)) {
  const src = path.join(root, 'src', 'webresources', page);
  const out = path.join(outRoot, page);
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: { [page]: path.join(src, 'main.ts') },
    outdir: out,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome109', 'edge109', 'firefox115', 'safari16'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    charset: 'utf8',
    plugins: [catalogueSubset(namespaces)],
    logLevel: 'warning',
  });
  await build({
    entryPoints: { [page]: path.join(src, `${page}.css`) },
    outdir: out,
    bundle: true,
    minify: true,
    logLevel: 'warning',
  });
  copyFileSync(path.join(src, `${page}.html`), path.join(out, `${page}.html`));
  for (const ext of ['html', 'js', 'css']) {
    const file = path.join(out, `${page}.${ext}`);
    sizes.push({
      file: path.relative(root, file),
      bytes: statSync(file).size,
      gzip: gzipSync(readFileSync(file)).length,
    });
  }
}
for (const s of sizes) {
  console.log(
    `${s.file.padEnd(52)} ${(s.bytes / 1024).toFixed(1).padStart(6)} KB  (gzip ${(s.gzip / 1024).toFixed(1)} KB)`,
  );
}
