/**
 * Builds a PCF control (production, through its npm workspace) when its bundle is missing or older
 * than any of its sources, so browser tests always exercise the built bundle of the current code.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../support/browser';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'generated' || entry.name === 'node_modules' || entry.name === 'out') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The control's build output folder (`controls/<Name>/out/controls/<Name>`). */
export function controlOutDir(control: string): string {
  return path.join(repoRoot, 'controls', control, 'out', 'controls', control);
}

function isFresh(control: string, sharedSources: readonly string[]): boolean {
  const bundle = path.join(controlOutDir(control), 'bundle.js');
  const sources = [
    path.join(repoRoot, 'controls', control),
    ...sharedSources.map((s) => path.join(repoRoot, s)),
  ];
  return existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(...sources.map(newestMtime));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds `controls/<control>` unless its bundle.js is newer than the control folder and the given
 * shared source folders (repo-relative, e.g. `src/widgets/survey`). Test files running in parallel
 * take turns through a lock folder, so one builds and the others wait. Returns the output folder.
 */
export async function ensureControlBuilt(control: string, sharedSources: readonly string[]): Promise<string> {
  const lock = path.join(tmpdir(), `crmkit-build-${control}.lock`);
  for (;;) {
    if (isFresh(control, sharedSources)) return controlOutDir(control);
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than five minutes is left over from a crash.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
        rmSync(lock, { recursive: true });
      await sleep(500);
    }
  }
  try {
    if (!isFresh(control, sharedSources)) {
      await promisify(execFile)('npm', ['run', 'build', '-w', `controls/${control}`], {
        cwd: repoRoot,
        env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' },
        maxBuffer: 16 * 1024 * 1024,
      }).catch((e: unknown) => {
        const out = e !== null && typeof e === 'object' && 'stdout' in e ? String(e.stdout) : '';
        throw new Error(`building controls/${control} failed:\n${out.slice(-4000)}`);
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return controlOutDir(control);
}
