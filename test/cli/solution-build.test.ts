import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { checkSolutionZip } from '../../src/solution/check';
import { repoRoot } from '../solution/fakes';

// The real thing: builds both controls in production mode and the pages (unless their outputs are
// newer than their sources), then packs. A cold build takes a minute or more on a small machine,
// so it runs only when asked.
const skipReason =
  process.env.CRMKIT_REAL_BUILD === '1'
    ? undefined
    : 'skipping the real-build pack test: set CRMKIT_REAL_BUILD=1 to build the controls and pages and pack them';
if (skipReason !== undefined) console.warn(skipReason);

describe.skipIf(skipReason !== undefined)('crmkit solution pack with a real build', () => {
  it(
    'builds (or reuses) the controls and pages and writes a zip solution check accepts',
    { timeout: 600_000 },
    async () => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'crmkit-real-pack-'));
      try {
        const io = memoryIo(repoRoot);
        const code = await run(['solution', 'pack', '--client', 'contoso', '--out', out], io);
        expect(io.err.join(''), io.err.join('')).toMatch(/(building|reusing) .*control/);
        expect(code).toBe(0);
        const zip = path.join(out, 'ContosoCollabKit_1_2_0_0_managed.zip');
        const result = checkSolutionZip(new Uint8Array(readFileSync(zip)), zip);
        expect(result.findings).toEqual([]);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
  );
});
