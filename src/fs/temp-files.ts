/**
 * The atomic writer's temporary files: their names (`.<output>.<pid>-<random>.tmp`, beside the
 * output), the ones this process is writing (removed when it is interrupted), and the stale ones
 * of earlier runs that were killed (removed when the same output is written again).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** A temporary file untouched this long, whose process is gone, belongs to no running command. */
export const STALE_AFTER_MS = 60_000;

const live = new Set<string>();
let completed = 0;

export function tempPathFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The owning pid of a temporary file of `target`, or undefined when `file` is not one. */
export function tempOwner(target: string, file: string): number | undefined {
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.(\\d+)-[0-9a-f]{8}\\.tmp$`);
  const m = pattern.exec(file);
  return m === null ? undefined : Number(m[1]);
}

/** True when a process with this id runs on this machine (EPERM: it runs, as another user). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of `target` left by earlier runs that were killed: only names of
 * this writer's own pattern for this output, whose process no longer runs here and which nobody
 * has written to for a minute (a folder shared over the network may hold a file another machine
 * is writing: its process id means nothing here, its fresh time stamp does). Best effort.
 */
export async function removeStaleTempFiles(target: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(target);
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempOwner(target, name);
    if (pid === undefined || pid === process.pid || processRuns(pid)) continue;
    const file = path.join(dir, name);
    const s = await stat(file).catch(() => undefined);
    if (s === undefined || !s.isFile() || now - s.mtimeMs < STALE_AFTER_MS) continue;
    await rm(file, { force: true }).then(
      () => removed.push(file),
      () => undefined,
    );
  }
  return removed;
}

/** Registers a temporary file this process is writing. */
export function trackTemp(temp: string): void {
  live.add(temp);
}

/** The temporary file is gone: renamed into place (`renamed`) or removed. */
export function untrackTemp(temp: string, renamed: boolean): void {
  live.delete(temp);
  if (renamed) completed++;
}

/**
 * For an interrupted command: removes every temporary file this process is writing, at once
 * (synchronously: the process exits next). Returns how many outputs were complete before.
 */
export function abandonTempFilesSync(): { removed: number; completed: number } {
  let removed = 0;
  for (const temp of live) {
    try {
      rmSync(temp, { force: true });
      removed++;
    } catch {
      // Nothing more can be done on the way out.
    }
  }
  live.clear();
  return { removed, completed };
}
