/**
 * Shared by the `crmkit labels` CLI tests: a temporary working folder made before the tests of the
 * enclosing suite and removed after them, the CLI run in-process against it
 * (`run(argv, memoryIo(dir))`), and sorted listings of its files.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { memoryIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `crmkit <argv>` in-process with `cwd` as working folder: exit code, stdout and stderr. */
export async function runCli(cwd: string, argv: readonly string[]): Promise<CliResult> {
  const io = memoryIo(cwd);
  const code = await run([...argv], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

export interface CliWorkspace {
  /** The temporary folder (set once the suite's `beforeAll` hooks have started). */
  readonly dir: string;
  /** Runs `crmkit <args>` in-process in the folder. */
  cli: (...args: string[]) => Promise<CliResult>;
  /** The sorted names in the folder, or in `sub` inside it. */
  files: (sub?: string) => Promise<string[]>;
}

/**
 * A temporary folder for the enclosing suite (top level or `describe`): created in a `beforeAll`
 * registered here — so before the caller's own `beforeAll` hooks that follow — and removed in an
 * `afterAll`.
 */
export function cliWorkspace(prefix: string): CliWorkspace {
  let dir: string | undefined;
  const current = (): string => {
    if (dir === undefined) throw new Error('the CLI workspace is used before its beforeAll ran');
    return dir;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return current();
    },
    cli: (...args) => runCli(current(), args),
    files: async (sub) => (await readdir(sub === undefined ? current() : path.join(current(), sub))).sort(),
  };
}
