// Builds the dashboard HTML web resources: for each page, its .html (copied), its minified .js
// (an ES module, no CDN, no inline code) and the chunks it loads later, one .css bundle and per
// language three strings files, named as src/webresources/page/catalogue.ts says: the page's own
// (`dashboard`) strings of the first paint in <page>.<lcid>.js (pipeline_funnel.1049.js), the rest
// of them in <page>.more.<lcid>.js (fetched only when shown: see `later` below) and the widget
// view's in <page>.<namespace>.<lcid>.js (pipeline_funnel.funnel.1049.js, fetched with the view's code);
// JSON, shipped as JScript web resources since Dataverse has no JSON type; into
// dist/webresources/<page>/. The bundle carries no strings: it fetches the user's language's
// files only (src/webresources/page/catalogue.ts). The page
// references its files relatively (./<page>.js), so any `<prefix>_/crmkit/` path works.
//
// Code splitting: every `import()` in a page's code becomes a chunk of its own, fetched only when
// the page runs that import (the download code, the drill-down list, the failure texts…); code
// shared by several of them goes into shared chunks. esbuild names chunks by content hash; here
// each is renamed to a stable, valid web resource name (chunkFileNames), so a solution ships the
// same names build after build and the page's relative imports need no rewriting.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chunkFileNames, staticallyImported } from './chunk-names.js';

const root = path.resolve(import.meta.dirname, '..');
/**
 * Each page, the catalogue namespaces its strings files carry (its widget's and the dashboard's),
 * and the `dashboard` keys only the other page shows (left out of its files). A key ending in `.`
 * stands for every key it begins.
 */
const pages = {
  'pipeline-funnel': {
    namespaces: ['dashboard', 'funnel'],
    othersKeys: ['survey.', 'survey-insights.', 'note.capped', 'note.unreadable', 'note.splitRanges'],
  },
  'survey-insights': {
    namespaces: ['dashboard', 'survey'],
    othersKeys: [
      ...['drill.', 'pipeline-funnel.', 'campaign.', 'compare.', 'segment.'],
      ...['note.split', 'note.productOverlap'],
    ],
  },
};
/**
 * The `dashboard` keys a page shows only on demand, in its `more` strings file: a settings problem
 * or failure (but `error.load`, said when the failure's code or strings cannot load), the help
 * outside Dynamics, and what only a campaign funnel, a comparison, a product segment or the
 * drill-down shows. Each page fetches that file before it shows one of them (catalogue.ts).
 */
const later = [
  ...['param.', 'error.', 'note.details', 'outside.', 'campaign.', 'compare.', 'drill.'],
  ...['segment.noProducts', 'note.productOverlap'],
];
const firstPaint = ['error.load'];
const matches = (key, list) => list.some((p) => (p.endsWith('.') ? key.startsWith(p) : key === p));

const catalogueDir = path.join(root, 'translations', 'ui');

/**
 * A page's strings files out of translations/ui/<lcid>.json: file part ('' for the first paint's,
 * `more.`, `<namespace>.`) → its JSON.
 */
function catalogueSubset(file, { namespaces, othersKeys }) {
  const all = JSON.parse(readFileSync(file, 'utf8'));
  // property.* strings describe a control's manifest properties: the pages never show them.
  const shown = (ns, k) => !k.startsWith('property.') && !(ns === 'dashboard' && matches(k, othersKeys));
  const strings = (ns, keep = () => true) =>
    Object.fromEntries(Object.entries(all[ns] ?? {}).filter(([k]) => shown(ns, k) && keep(k)));
  const isLater = (k) => matches(k, later) && !matches(k, firstPaint);
  return [
    ['', { dashboard: strings('dashboard', (k) => !isLater(k)) }],
    ['more.', { dashboard: strings('dashboard', isLater) }],
    ...namespaces.filter((ns) => ns !== 'dashboard').map((ns) => [`${ns}.`, { [ns]: strings(ns) }]),
  ];
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
for (const [page, strings] of Object.entries(pages)) {
  const src = path.join(root, 'src', 'webresources', page);
  const out = path.join(outRoot, page);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const js = await build({
    entryPoints: { [page]: path.join(src, 'main.ts') },
    outdir: out,
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunk-[name]-[hash]',
    metafile: true,
    write: false,
    platform: 'browser',
    target: ['chrome109', 'edge109', 'firefox115', 'safari16'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    charset: 'utf8',
    plugins: [stringsLeftOut],
    logLevel: 'warning',
  });
  const renames = chunkFileNames(page, js.metafile);
  const chunkFiles = [];
  for (const file of js.outputFiles) {
    const name = renames.get(path.basename(file.path)) ?? path.basename(file.path);
    let text = file.text;
    for (const [from, to] of renames) text = text.split(`"./${from}"`).join(`"./${to}"`);
    writeFileSync(path.join(out, name), text);
    if (name !== `${page}.js`) chunkFiles.push(name);
  }
  await build({
    entryPoints: { [page]: path.join(src, `${page}.css`) },
    outdir: out,
    bundle: true,
    minify: true,
    logLevel: 'warning',
  });
  // The chunks the page's script imports statically are announced in the page, so the browser
  // fetches them alongside the script rather than after it (<link rel="modulepreload">).
  const mainOutput = Object.keys(js.metafile.outputs).find((f) => path.basename(f) === `${page}.js`);
  const preloads = [...staticallyImported(js.metafile, mainOutput)]
    .map((f) => renames.get(path.basename(f)) ?? path.basename(f))
    .filter((f) => f !== `${page}.js`)
    .sort()
    .map((f) => `    <link rel="modulepreload" href="./${f}" />\n`)
    .join('');
  const html = readFileSync(path.join(src, `${page}.html`), 'utf8');
  const script = `    <script type="module" src="./${page}.js"></script>`;
  if (!html.includes(script)) throw new Error(`${page}.html does not load ./${page}.js as a module`);
  writeFileSync(path.join(out, `${page}.html`), html.replace(script, `${preloads}${script}`));
  const stringsFiles = [];
  for (const name of readdirSync(catalogueDir)
    .filter((f) => /^\d+\.json$/.test(f))
    .sort()) {
    for (const [part, texts] of catalogueSubset(path.join(catalogueDir, name), strings)) {
      const file = `${page.replace(/[^A-Za-z0-9_]/g, '_')}.${part}${name.replace('.json', '')}.js`;
      writeFileSync(path.join(out, file), JSON.stringify(texts));
      stringsFiles.push(file);
    }
  }
  for (const name of [`${page}.html`, `${page}.js`, ...chunkFiles.sort(), `${page}.css`, ...stringsFiles]) {
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
