/**
 * Start-up of the built CLI: `crmkit --help`, `--version` and a group's help load no spreadsheet,
 * zip or XML code (src/cli/features.ts loads each feature when a command runs). The modules a run
 * resolves are recorded by a module hook (test/support/record-loads.mjs); a command that reads a
 * file shows that the hook sees what it should.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const sample = path.join(root, 'translations/samples/CrmTranslations_ContosoSales_1_0_0_0.zip');
const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Heavy code `--help` must not load: spreadsheet, zip (zlib), XML, schema validation, sign-in. */
const HEAVY = [
  /\/node_modules\/@azure\//,
  /\/node_modules\/exceljs\//,
  /\/node_modules\/jszip\//,
  /\/node_modules\/saxes\//,
  /\/node_modules\/fast-xml-parser\//,
  /\/node_modules\/ajv\//,
  /^node:zlib$/,
];

let runs = 0;
/** Runs the built CLI and returns its exit code, stdout and the modules it resolved. */
function crmkit(...args: string[]): { code: number | null; out: string; loaded: string[] } {
  return crmkitWith({}, ...args);
}

function crmkitWith(
  env: Record<string, string>,
  ...args: string[]
): { code: number | null; out: string; loaded: string[] } {
  const log = path.join(dir, `loaded-${runs++}.txt`);
  const r = spawnSync(
    process.execPath,
    ['--import', path.join(root, 'test/support/record-loads.mjs'), path.join(root, 'bin/crmkit.js'), ...args],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env, CRMKIT_LOADED_LOG: log } },
  );
  let loaded: string[] = [];
  try {
    loaded = readFileSync(log, 'utf8').trim().split('\n');
  } catch {
    // Nothing resolved at all: the assertions below say so.
  }
  return { code: r.status, out: r.stdout, loaded };
}

const heavy = (loaded: readonly string[]): string[] =>
  loaded.filter((url) => HEAVY.some((re) => re.test(url)));

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});

describe('crmkit start-up', () => {
  it.each([
    [['--help']],
    [['--version']],
    [['labels', '--help']],
    [['solution', 'check', '--help']],
    [['solution', 'deploy', '--help']],
    [['labels', 'pull', '--help']],
    [['labels', 'push', '--help']],
    [['labels', 'translate', '--help']],
    [['env', '--help']],
    [['env', 'check', '--help']],
    [['env', 'login', '--help']],
    [['no-such-command']],
  ])('crmkit %j loads no spreadsheet, zip or XML code', (args) => {
    const r = crmkit(...args);
    expect(r.loaded.some((url) => url.endsWith('/dist/crmkit.js'))).toBe(true);
    expect(heavy(r.loaded)).toEqual([]);
  });

  it('prints the help and the version as before', () => {
    expect(crmkit('--help').out).toMatch(/Usage: crmkit .*\n[\s\S]*labels[\s\S]*solution/);
    expect(crmkit('--version').out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('loads the spreadsheet and zip code when a labels command runs', () => {
    const r = crmkit('labels', 'export', sample, '-o', 'sample.xlsx', '--quiet');
    expect(r.code).toBe(0);
    expect(heavy(r.loaded)).toEqual(expect.arrayContaining([expect.stringMatching(/exceljs/), 'node:zlib']));
  });

  it('loads the sign-in library when an environment command runs', () => {
    const r = crmkitWith({ XDG_CONFIG_HOME: dir, HOME: dir }, 'env', 'logout');
    expect(r.code).toBe(0);
    expect(heavy(r.loaded)).toEqual(expect.arrayContaining([expect.stringMatching(/@azure\/msal-node/)]));
  });
});
