// Bundles the CLI (src/cli/main.ts and everything it imports) into dist/crmkit.js, and the label
// reader's worker threads into dist/labels-read-worker.js and dist/labels-sheet-worker.js, and the
// suggestion layers' into dist/suggestion-layer-worker.js
// (src/labels/read-labels.ts and src/labels/workbook/read-sheet-thread.ts load them from beside the bundle). Code splitting: what a command loads with `import()` (src/cli/features.ts)
// lives in chunks of its own (dist/crmkit-<name>-<hash>.js), so `crmkit --help` parses none of it.
// Dependencies stay external: they are resolved from node_modules at run time.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const out = path.resolve(import.meta.dirname, '..', 'dist');
// Chunks of an earlier build (crmkit-<name>-<content hash>.js: shared ones and the features') would pile up.
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out, { withFileTypes: true }).filter((e) => e.isFile())) {
  if (/^crmkit-[\w-]+-[A-Z0-9]{8}\.js(\.map)?$/.test(f.name)) rmSync(path.join(out, f.name));
}

await build({
  entryPoints: {
    crmkit: 'src/cli/main.ts',
    'labels-read-worker': 'src/labels/read-worker.ts',
    'labels-sheet-worker': 'src/labels/workbook/read-sheet-worker.ts',
    'suggestion-layer-worker': 'src/labels/suggestion-layer-worker.ts',
  },
  outdir: out,
  // Beside the entries (not in a subfolder): src/labels/read-labels.ts finds the worker by its
  // own module's URL, whichever chunk that module ends up in.
  chunkNames: 'crmkit-[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
