/**
 * The built SalesFunnel control for browser tests: builds it (production mode) when the bundle is
 * missing or older than any of its sources, and answers where it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/browser';

export const controlOutDir = path.join(repoRoot, 'controls/SalesFunnel/out/controls/SalesFunnel');
export const bundlePath = path.join(controlOutDir, 'bundle.js');

const sourceRoots = [
  'controls/SalesFunnel/SalesFunnel',
  'src/widgets/funnel',
  'src/widgets/shared',
  'controls/SalesFunnel/package.json',
  'controls/SalesFunnel/tsconfig.json',
].map((p) => path.join(repoRoot, p));

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) {
    if (entry === 'generated') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

const lockDir = path.join(repoRoot, 'controls/SalesFunnel/out/.build-lock');

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isFresh(): boolean {
  const built = existsSync(bundlePath) ? statSync(bundlePath).mtimeMs : 0;
  return built > Math.max(...sourceRoots.map(newestMtime));
}

/**
 * Builds the control unless its bundle is newer than every source; returns the build's duration
 * (ms) or 0. Test files running in parallel take turns through a lock folder, so one builds and the
 * others wait for it.
 */
export function ensureBuiltControl(): number {
  if (isFresh()) return 0;
  mkdirSync(path.dirname(lockDir), { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      if (waited > 180_000) throw new Error(`SalesFunnel build lock held for 3 minutes: ${lockDir}`);
      sleep(500);
    }
  }
  try {
    if (isFresh()) return 0;
    const started = Date.now();
    execFileSync('npm', ['run', 'build', '-w', 'controls/SalesFunnel'], {
      cwd: repoRoot,
      env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' },
      stdio: 'pipe',
    });
    return Date.now() - started;
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
