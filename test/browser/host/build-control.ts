/**
 * Builds a PCF control (production, through its npm workspace) when its bundle is missing or older
 * than any of its sources, so browser tests always exercise the built bundle of the current code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
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

/**
 * Builds `controls/<control>` unless its bundle.js is newer than the control folder and the given
 * shared source folders (repo-relative, e.g. `src/widgets/survey`). Returns the output folder.
 */
export function ensureControlBuilt(control: string, sharedSources: readonly string[]): string {
  const outDir = controlOutDir(control);
  const bundle = path.join(outDir, 'bundle.js');
  const sources = [
    path.join(repoRoot, 'controls', control),
    ...sharedSources.map((s) => path.join(repoRoot, s)),
  ];
  const newestSource = Math.max(...sources.map(newestMtime));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource) return outDir;
  execFileSync('npm', ['run', 'build', '-w', `controls/${control}`], {
    cwd: repoRoot,
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' },
    stdio: 'pipe',
  });
  return outDir;
}
