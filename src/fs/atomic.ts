/**
 * Output files appear whole or not at all: the content is written to a temporary file beside the
 * target and renamed over it; on any error the temporary file is removed. The one atomic writer:
 * the labels pipelines stream into the temporary file, the solution packer writes its bytes.
 * Every file-system failure (the folder, the stream, the rename) ends the write at once as one
 * IO error naming the output as the user typed it; a stream that fails never leaves it waiting.
 */
import { constants, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CrmKitError } from '../errors';
import type { NamedFile } from './open-input';
import { removeStaleTempFiles, tempPathFor, trackTemp, untrackTemp } from './temp-files';
import { errnoOf, isFileSystemError, outputError } from './write-error';

/** An output: a path (named by itself in messages) or a file named as the user typed it. */
export type OutputFile = string | NamedFile;

function named(target: OutputFile): NamedFile {
  return typeof target === 'string' ? { path: target, name: target } : target;
}

/** Refuses early what would fail only after the work: a missing or read-only folder, a folder as target. */
async function checkTarget(target: NamedFile): Promise<void> {
  const dir = path.dirname(target.path);
  const folder = await stat(dir).catch(() => undefined);
  if (folder === undefined || !folder.isDirectory()) {
    throw new CrmKitError(
      'IO',
      `${target.name}: cannot write, folder ${path.dirname(target.name)} does not exist`,
    );
  }
  const existing = await stat(target.path).catch(() => undefined);
  if (existing?.isDirectory() === true) throw outputError({ code: 'EISDIR' }, target.name);
  await access(dir, constants.W_OK).catch((e: unknown) => {
    throw outputError(e, target.name);
  });
}

/** A temporary file being written: its path, and write streams on it whose 'error' fails the write. */
export interface TempOutput {
  path: string;
  openStream: () => WriteStream;
  /** Rejects when a stream of any output of the write fails: a producer waiting on one races it. */
  failed: Promise<never>;
}
export type OpenStream = TempOutput['openStream'];

/** Which output a file-system error is about: the one whose temporary file it names, else the first. */
function blame(e: unknown, targets: readonly NamedFile[], temps: readonly TempOutput[]): string {
  const at = (e as { path?: unknown } | null)?.path;
  const i = temps.findIndex((t) => t.path === at);
  return (targets[Math.max(i, 0)] ?? { name: '?' }).name;
}

/**
 * Runs `write(temps)` with one temporary file per output, then renames each into place; on any
 * failure removes them all. A failure of a stream made by `openStream` rejects at once, whatever
 * `write` is waiting for.
 */
export async function writeAllAtomically<T>(
  outputs: readonly OutputFile[],
  write: (temps: TempOutput[]) => Promise<T>,
): Promise<T> {
  const targets = outputs.map(named);
  for (const target of targets) {
    await checkTarget(target);
    await removeStaleTempFiles(target.path);
  }
  const streams: WriteStream[] = [];
  let fail: (e: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  const temps = targets.map((target, i): TempOutput => {
    const temp = tempPathFor(target.path);
    trackTemp(temp);
    return {
      path: temp,
      failed,
      openStream: () => {
        const s = createWriteStream(temp);
        s.once('error', (e) => fail(outputError(e, targets[i]!.name)));
        streams.push(s);
        return s;
      },
    };
  });
  const renamed = new Set<string>();
  try {
    const work = write(temps);
    work.catch(() => undefined);
    const result = await Promise.race([work, failed]);
    for (const [i, temp] of temps.entries()) {
      await rename(temp.path, targets[i]!.path);
      renamed.add(temp.path);
      untrackTemp(temp.path, true);
    }
    return result;
  } catch (e) {
    await Promise.all(streams.map(abandonStream));
    for (const temp of temps.filter((t) => !renamed.has(t.path))) {
      await rm(temp.path, { force: true }).catch(() => undefined);
      untrackTemp(temp.path, false);
    }
    throw isFileSystemError(e) ? outputError(e, blame(e, targets, temps)) : e;
  }
}

/** Runs `write(tempPath, openStream)` and renames the temporary file to `output` (see writeAllAtomically). */
export function writeAtomically<T>(
  output: OutputFile,
  write: (tempPath: string, openStream: OpenStream) => Promise<T>,
): Promise<T> {
  return writeAllAtomically([output], ([temp]) => write(temp!.path, temp!.openStream));
}

export interface WriteFileOptions {
  /** Creates the target's folder (and its parents) when missing, instead of refusing. */
  createFolder?: boolean;
}

/**
 * Writes `bytes` to `target` atomically. A file-system failure (the folder cannot be made, the
 * disk is full) becomes an IO error that names the target.
 */
export async function writeFileAtomically(
  output: OutputFile,
  bytes: Uint8Array,
  options: WriteFileOptions = {},
): Promise<void> {
  const target = named(output);
  if (options.createFolder === true) {
    await mkdir(path.dirname(target.path), { recursive: true }).catch((e: unknown) => {
      // mkdir -p says EEXIST when a file stands where a folder of the path should be.
      throw outputError(errnoOf(e) === 'EEXIST' ? { code: 'ENOTDIR' } : e, target.name);
    });
  }
  await writeAtomically(target, (temp) => writeFile(temp, bytes));
}

/**
 * Gives up a stream that writes a temporary file and waits until its file is closed. A file
 * stream opens its file asynchronously: removing the temporary file before that would let the
 * pending open create it again, leaving it behind after a failure.
 */
export async function abandonStream(out: WriteStream): Promise<void> {
  if (out.closed) return;
  const closed = once(out, 'close').then(
    () => undefined,
    () => undefined,
  );
  out.destroy();
  await closed;
}
