/**
 * Where crmkit keeps the sign-in cache: `$XDG_CONFIG_HOME/crmkit`, else the OS's own place
 * (`%APPDATA%\crmkit`, `~/Library/Application Support/crmkit`, `~/.config/crmkit`). The folder is
 * the user's alone (0700) and every file in it too (0600); a file is written whole or not at all.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

export function configDir(env: Env, platform: NodeJS.Platform = process.platform): string {
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg !== undefined && xdg !== '') return path.join(xdg, 'crmkit');
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'crmkit');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'crmkit');
  return path.join(home, '.config', 'crmkit');
}

/** The text of a private file, or undefined when there is none. */
export async function readPrivate(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((e: unknown) => {
    if ((e as { code?: unknown }).code === 'ENOENT') return undefined;
    throw e;
  });
}

/** Writes `text` to `file` readable only by the user: a 0600 file beside it, renamed over it. */
export async function writePrivate(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

export async function removePrivate(file: string): Promise<boolean> {
  const existed = (await readPrivate(file)) !== undefined;
  await rm(file, { force: true });
  return existed;
}
