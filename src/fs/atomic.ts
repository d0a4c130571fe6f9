/**
 * Output files appear whole or not at all: the content is written to a temporary file beside the
 * target and renamed over it; on any error the temporary file is removed. The one atomic writer:
 * the labels pipelines stream into the temporary file, the solution packer writes its bytes.
 */
import { randomBytes } from 'node:crypto';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CrmKitError } from '../errors';

function cannotWrite(target: string, e: unknown): CrmKitError {
  return new CrmKitError(
    'IO',
    `${target}: cannot be written (${e instanceof Error ? e.message : String(e)})`,
  );
}

/** Runs `write(tempPath)`, then renames the temporary file to `target`. */
export async function writeAtomically<T>(
  target: string,
  write: (tempPath: string) => Promise<T>,
): Promise<T> {
  const dir = path.dirname(target);
  const folder = await stat(dir).catch(() => undefined);
  if (folder === undefined || !folder.isDirectory()) {
    throw new CrmKitError('IO', `${target}: cannot write, folder ${dir} does not exist`);
  }
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const result = await write(temp);
    await rename(temp, target).catch((e: unknown) => {
      throw cannotWrite(target, e);
    });
    return result;
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
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
  target: string,
  bytes: Uint8Array,
  options: WriteFileOptions = {},
): Promise<void> {
  if (options.createFolder === true) {
    await mkdir(path.dirname(target), { recursive: true }).catch((e: unknown) => {
      throw cannotWrite(target, e);
    });
  }
  await writeAtomically(target, (temp) =>
    writeFile(temp, bytes).catch((e: unknown) => {
      throw cannotWrite(target, e);
    }),
  );
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
