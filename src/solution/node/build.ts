/** Process adapter: builds the controls and pages a pack needs, or reuses outputs newer than their sources. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CrmKitError } from '../../errors';
import type { ControlSource, WebResourceSource } from '../model';
import { newestTime, oldestTime } from './outputs';

export interface BuildStep {
  what: string;
  /** Folder whose files are the output. */
  output: string;
  /** Files and folders whose changes make the output stale. */
  sources: string[];
  command: string;
  args: string[];
}

export function controlOutput(root: string, c: ControlSource): string {
  return path.join(root, c.project, 'out', 'controls', c.outputFolder);
}

export function controlBuild(root: string, c: ControlSource): BuildStep {
  return {
    what: `control ${c.id}`,
    output: controlOutput(root, c),
    sources: [path.join(root, c.project), path.join(root, 'src/widgets'), path.join(root, 'translations/ui')],
    command: 'npm',
    args: ['run', 'build', '--silent', '-w', c.project],
  };
}

export function pageBuild(root: string, pages: readonly WebResourceSource[]): BuildStep {
  return {
    what: `web resources ${pages.map((p) => p.id).join(', ')}`,
    output: path.join(root, 'dist/webresources'),
    sources: [
      path.join(root, 'src/webresources'),
      path.join(root, 'src/widgets'),
      path.join(root, 'translations/ui'),
      path.join(root, 'scripts/build-webresources.js'),
    ],
    command: process.execPath,
    args: [path.join(root, 'scripts/build-webresources.js')],
  };
}

/** True when every output file is newer than every source file. */
export function isFresh(step: BuildStep, outputs: readonly string[] = [step.output]): boolean {
  const built = Math.min(...outputs.map((o) => oldestTime(o)));
  return built > 0 && built >= newestTime(step.sources);
}

/** Runs a build step; a failure becomes BUILD_FAILED with the last lines of its output. */
export function runBuild(
  step: BuildStep,
  root: string,
  env: Readonly<Record<string, string | undefined>>,
): void {
  const result = spawnSync(step.command, step.args, {
    cwd: root,
    env: { ...process.env, ...env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-8);
    const reason = result.error ? result.error.message : `exit status ${String(result.status)}`;
    throw new CrmKitError(
      'BUILD_FAILED',
      `building ${step.what} failed (${reason}); no zip was written`,
      tail.map((line) => ({ where: step.what, message: line })),
    );
  }
}
