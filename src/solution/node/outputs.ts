/** File-system adapter: build outputs read into memory, newest-file times. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under a folder, keyed by its path relative to the folder (with `/`), sorted. */
export function readFolder(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) files.set(r, new Uint8Array(readFileSync(path.join(dir, r))));
    }
  };
  if (existsSync(dir)) walk('');
  return files;
}

/** Folders the tools write during a build: never sources. */
const SKIPPED = new Set(['node_modules', 'out', 'obj', 'generated']);

/** The latest modification time of any file under the given files/folders (0 when none exist). */
export function newestTime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (!SKIPPED.has(name)) visit(path.join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

/** The oldest modification time of the files under a folder (0 when it has none). */
export function oldestTime(dir: string): number {
  let oldest = Infinity;
  const visit = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else oldest = Math.min(oldest, st.mtimeMs);
  };
  if (existsSync(dir)) visit(dir);
  return oldest === Infinity ? 0 : oldest;
}
