/**
 * Opens what the user names as an input. The file system's refusals become one-line errors that
 * name the input as the user typed it: no such file, permission denied, a folder given for a file.
 */
import type { Stats } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { CrmKitError } from '../errors';
import { errnoOf } from './write-error';

/** A file the toolkit reads or writes: its absolute path and how messages name it. */
export interface NamedFile {
  path: string;
  /** The path as the user gave it, e.g. `sub/Solution.zip` or `--keep words.txt`. */
  name: string;
}

function isFolderError(name: string): CrmKitError {
  return new CrmKitError('FILE_NOT_FOUND', `${name}: is a folder, not a file`);
}

/**
 * The error for a failed open, stat or read of the input `name`. `missing` is what ENOENT says
 * ("no such file", or "no such file or folder" where folders are accepted too).
 */
export function inputError(e: unknown, name: string, missing = 'no such file'): CrmKitError {
  if (e instanceof CrmKitError) return e;
  const code = errnoOf(e);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new CrmKitError('FILE_NOT_FOUND', `${name}: ${missing}`);
    case 'EACCES':
    case 'EPERM':
      return new CrmKitError('FILE_UNREADABLE', `${name}: permission denied`);
    case 'EISDIR':
      return isFolderError(name);
    default:
      return new CrmKitError('IO', `${name}: cannot read (${code ?? String(e)})`);
  }
}

/** Opens a file for reading; refuses a folder. The caller closes the handle. */
export async function openInput(file: NamedFile): Promise<FileHandle> {
  const fh = await open(file.path, 'r').catch((e: unknown) => {
    throw inputError(e, file.name);
  });
  const s = await fh.stat().catch(async (e: unknown) => {
    await fh.close();
    throw inputError(e, file.name);
  });
  if (s.isDirectory()) {
    await fh.close();
    throw isFolderError(file.name);
  }
  return fh;
}

/** Fails as `openInput` would when `file` cannot be read; opens and closes it. */
export async function checkReadable(file: NamedFile): Promise<void> {
  await (await openInput(file)).close();
}

/** The whole text of a small input file (UTF-8). */
export async function readInputText(file: NamedFile): Promise<string> {
  const fh = await openInput(file);
  try {
    return await fh.readFile('utf8').catch((e: unknown) => {
      throw inputError(e, file.name);
    });
  } finally {
    await fh.close();
  }
}

/** An input that may be a file or a folder: its stat. */
export async function statInput(file: NamedFile): Promise<Stats> {
  return stat(file.path).catch((e: unknown) => {
    throw inputError(e, file.name, 'no such file or folder');
  });
}

/** Every file under the folder `folder` (recursively), with names under the folder's name. */
export async function filesInFolder(folder: NamedFile): Promise<NamedFile[]> {
  const entries = await readdir(folder.path, { withFileTypes: true, recursive: true }).catch((e: unknown) => {
    throw inputError(e, folder.name);
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { path: file, name: path.join(folder.name, path.relative(folder.path, file)) };
    });
}
