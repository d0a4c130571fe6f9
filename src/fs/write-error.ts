/**
 * The one-line error for a failed write, rename, mkdir or output stream: the output as the user
 * typed it and what the file system said, in words ("permission denied", "no space left on
 * device"). Exit status 5 (IO). A CrmKitError passes through unchanged.
 */
import { CrmKitError } from '../errors';

const phrases: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for this file system or for the file size limit',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'this folder does not accept new files',
  EEXIST: 'already exists',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'name too long',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  EXDEV: 'cannot be moved across file systems',
  EINVAL: 'this file system refuses the write',
};

/** The errno code of a Node file-system error, if it is one. */
export function errnoOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** What the file system said about `e`, in words. */
export function failureText(e: unknown): string {
  const code = errnoOf(e);
  if (code !== undefined) return phrases[code] ?? code;
  return e instanceof Error ? e.message : String(e);
}

/** The error for a failed write of the output named `name` (as the user typed it). */
export function outputError(e: unknown, name: string): CrmKitError {
  if (e instanceof CrmKitError) return e;
  return new CrmKitError('IO', `${name}: cannot write (${failureText(e)})`);
}

/** A file-system failure (an errno code) rather than a bug. */
export function isFileSystemError(e: unknown): boolean {
  return errnoOf(e) !== undefined;
}
