/**
 * The environment commands' end-to-end harness: the built CLI (dist/crmkit.js) spawned without
 * blocking (the stand-ins answer from this process), with a clean environment of its own: a home
 * and config folder in a temporary folder, and the token stand-in's certificate trusted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliPath } from '../user/support';

export { buildCli, cliPath, root } from '../user/support';

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

export interface Workspace {
  dir: string;
  /** The CLI's environment variables: HOME and XDG_CONFIG_HOME inside `dir`, PATH. */
  env: Record<string, string>;
  remove: () => void;
}

export function workspace(prefix = 'crmkit-env-'): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  mkdirSync(path.join(dir, 'home'));
  return {
    dir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: path.join(dir, 'home'),
      XDG_CONFIG_HOME: path.join(dir, 'config'),
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Starts `crmkit <args>`; `done` resolves with what it printed and its exit status. */
export function startCli(
  cwd: string,
  args: readonly string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  return { child, done };
}

export function runCli(cwd: string, args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return startCli(cwd, args, env).done;
}
