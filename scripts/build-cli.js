// Bundles the CLI (src/cli/main.ts and everything it imports) into dist/crmkit.js.
// Dependencies stay external: they are resolved from node_modules at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/crmkit.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The label reader's worker thread (src/labels/read-labels.ts loads it from beside the bundle).
await build({
  entryPoints: ['src/labels/read-worker.ts'],
  outfile: 'dist/labels-read-worker.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
