// Builds the dashboard HTML web resources: for each page, its .html (copied), one minified .js
// bundle (IIFE, no CDN, no inline code), one .css bundle and one strings file per language
// (<page>.<lcid>.js, e.g. pipeline_funnel.1049.js, named as src/webresources/page/catalogue.ts
// says: the JSON of the catalogue namespaces the page uses; a JScript web resource,
// since Dataverse has no JSON type), into dist/webresources/<page>/. The bundle carries no strings:
// it fetches the user's language's file only (src/webresources/page/catalogue.ts). The page
// references its files relatively (./<page>.js), so any `<prefix>_/crmkit/` path works.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
/** Each page and the catalogue namespaces its bundle carries (its widget's and the dashboard's). */
const pages = { 'pipeline-funnel': ['dashboard', 'funnel'], 'survey-insights': ['dashboard', 'survey'] };

const catalogueDir = path.join(root, 'translations', 'ui');

/** The namespaces a page uses out of translations/ui/<lcid>.json. */
function catalogueSubset(file, namespaces) {
  const all = JSON.parse(readFileSync(file, 'utf8'));
  // property.* strings describe a control's manifest properties: the pages never show them.
  const strings = (ns) =>
    Object.fromEntries(Object.entries(all[ns] ?? {}).filter(([k]) => !k.startsWith('property.')));
  return Object.fromEntries(namespaces.map((ns) => [ns, strings(ns)]));
}

/** The bundle carries no strings: the catalogue's imports become empty (see the strings files). */
const stringsLeftOut = {
  name: 'strings-left-out',
  setup(b) {
    b.onLoad({ filter: /translations[\\/]ui[\\/]\d+\.json$/ }, () => ({ contents: '{}', loader: 'json' }));
  },
};
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
    plugins: [stringsLeftOut],
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
  const stringsFiles = [];
  for (const name of readdirSync(catalogueDir)
    .filter((f) => /^\d+\.json$/.test(f))
    .sort()) {
    const file = `${page.replace(/[^A-Za-z0-9_]/g, '_')}.${name.replace('.json', '')}.js`;
    writeFileSync(
      path.join(out, file),
      JSON.stringify(catalogueSubset(path.join(catalogueDir, name), namespaces)),
    );
    stringsFiles.push(file);
  }
  for (const name of [`${page}.html`, `${page}.js`, `${page}.css`, ...stringsFiles]) {
    const file = path.join(out, name);
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
