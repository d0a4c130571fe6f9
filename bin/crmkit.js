#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ by `npm ci` (prepare) or `npm run build:cli`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/crmkit.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'crmkit: not built yet; run `npm ci` (or `npm run build:cli`) in the repository first\n',
  );
  process.exit(2);
}
await import(bundle.href);
