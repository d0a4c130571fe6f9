/**
 * The "as a user would" suite: the built CLI (dist/crmkit.js) run as a child process, as an
 * ordinary user (root writes into read-only folders, so as root the child runs as `nobody`
 * through setpriv or runuser), in a temporary folder, with what it printed and its exit status.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const cliPath = path.join(root, 'dist/crmkit.js');
export const bundledSample = path.join(root, 'translations/samples/CrmTranslations_ContosoSales_1_0_0_0.zip');

/** Builds dist/crmkit.js from the sources (the suite runs what a user runs). */
export function buildCli(): void {
  const r = spawnSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build:cli failed: ${r.stderr}`);
}

function works(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { encoding: 'utf8' }).status === 0;
}

/**
 * How to run a command as an ordinary user: nothing to add when not root; as root, `setpriv`
 * (util-linux) or `runuser` as nobody (65534); `skip` says why neither can be used.
 */
export function ordinaryUser(): { prefix: string[] } | { skip: string } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const setpriv = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  const runuser = ['runuser', '-u', 'nobody', '--'];
  const prefix = [setpriv, runuser].find((p) => works(p[0]!, [...p.slice(1), 'true']));
  if (prefix === undefined) {
    return { skip: 'running as root, and neither setpriv nor runuser can switch to the user nobody' };
  }
  // A checkout under a private folder (mktemp -d makes it 0700) is out of nobody's reach.
  if (!works(prefix[0]!, [...prefix.slice(1), 'test', '-r', path.join(root, 'package.json')])) {
    return { skip: `the user nobody cannot read the checkout at ${root} (a parent folder is private)` };
  }
  return { prefix };
}

export interface Run {
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

/** Runs `crmkit <args>` in `cwd` behind `prefix` (e.g. the ordinary user, a `sh -c ulimit` wrapper). */
export function crmkit(cwd: string, args: readonly string[], prefix: readonly string[] = []): Run {
  const argv = [...prefix, process.execPath, cliPath, ...args];
  const started = Date.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: Date.now() - started };
}

/** Starts `crmkit <args>` in `cwd` and returns the child (for interrupting it). */
export function startCrmkit(cwd: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [cliPath, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A temporary folder everybody may write into (the ordinary user works in it). */
export function sharedTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every name in `dir`, hidden ones (temporary files) included, sorted. */
export function allFiles(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Mounts a tiny tmpfs on `dir` (a full disk), or says why it cannot. */
export function mountTinyTmpfs(dir: string, size: string): { unmount: () => void } | { skip: string } {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0777`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (r.status !== 0)
    return { skip: `cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim()})` };
  return { unmount: () => void spawnSync('umount', [dir]) };
}
