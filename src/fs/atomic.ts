/**
 * Output files appear whole or not at all: the content is written to a temporary file beside the
 * target and renamed over it; on any error the temporary file is removed.
 */
import { randomBytes } from 'node:crypto';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { CrmKitError } from '../errors';

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
    await rename(temp, target);
    return result;
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
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
