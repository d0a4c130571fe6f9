/** Process adapter: builds the controls and pages a pack needs, or reuses outputs newer than their sources. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CrmKitError } from '../../errors';
import type { ControlSource, SolutionSource, WebResourceSource } from '../model';
import type { BuiltFiles, PackInput } from '../pack';
import { newestTime, oldestTime, readFolder } from './outputs';

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

export interface PrepareOptions {
  /** Receives progress lines ("building control survey (production)…"). */
  log: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

function readOutputs<T extends { id: string }>(
  items: readonly T[],
  dirOf: (item: T) => string,
): Map<string, BuiltFiles> {
  const map = new Map<string, BuiltFiles>();
  for (const item of items) {
    const files = readFolder(dirOf(item));
    if (files.size > 0) map.set(item.id, files);
  }
  return map;
}

/**
 * Builds what the chosen widgets need (unless `build` is false), reusing outputs newer than their
 * sources, then reads the outputs into memory for the pure packer.
 */
export function prepareOutputs(
  root: string,
  source: SolutionSource,
  widgetIds: ReadonlySet<string>,
  build: boolean,
  options: PrepareOptions,
): Pick<PackInput, 'controls' | 'webResources'> {
  const chosen = source.widgets.filter((w) => widgetIds.has(w.id));
  const controls = chosen.filter((w): w is ControlSource => w.kind === 'control');
  const pages = chosen.filter((w): w is WebResourceSource => w.kind === 'webresource');
  if (build) {
    for (const c of controls) {
      const step = controlBuild(root, c);
      if (isFresh(step)) options.log(`reusing ${path.relative(root, step.output)} (newer than its sources)`);
      else {
        options.log(`building ${step.what} (production)…`);
        runBuild(step, root, options.env);
      }
    }
    if (pages.length > 0) {
      const step = pageBuild(root, pages);
      if (
        isFresh(
          step,
          pages.map((p) => path.join(root, p.output)),
        )
      ) {
        options.log(`reusing ${pages.map((p) => p.output).join(', ')} (newer than their sources)`);
      } else {
        options.log(`building ${step.what}…`);
        runBuild(step, root, options.env);
      }
    }
  }
  return {
    controls: readOutputs(controls, (c) => controlOutput(root, c)),
    webResources: readOutputs(pages, (p) => path.join(root, p.output)),
  };
}
