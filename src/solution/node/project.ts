/** File-system adapter: finds the project, reads the solution source and client profiles. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CrmKitError, type Problem } from '../../errors';
import type { ClientProfile, SolutionSource } from '../model';
import { parseProfile } from '../profile';
import { parseSolutionSource } from '../source';

export const SOURCE_FILE = 'solutions/crmkit.solution.json';
export const CLIENTS_DIR = 'solutions/clients';

function findUp(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, SOURCE_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The project root: `CRMKIT_ROOT` when set, else the nearest folder above the working folder that
 * holds solutions/crmkit.solution.json, else the one above this module (the installed crmkit).
 */
export function findProjectRoot(cwd: string, env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env.CRMKIT_ROOT;
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(cwd, fromEnv);
  const found = findUp(cwd) ?? findUp(path.dirname(fileURLToPath(import.meta.url)));
  if (found === undefined) {
    throw new CrmKitError(
      'FILE_NOT_FOUND',
      `${SOURCE_FILE} not found above ${cwd}; run crmkit inside the project`,
    );
  }
  return found;
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new CrmKitError('FILE_NOT_FOUND', `${file}: cannot be read`);
  }
}

export function loadSolutionSource(root: string): SolutionSource {
  const file = path.join(root, SOURCE_FILE);
  let data: unknown;
  try {
    data = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof CrmKitError) throw e;
    throw new CrmKitError('VALIDATION', `${file}: not valid JSON`);
  }
  return parseSolutionSource(data, file);
}

/** A profile given by name (`contoso`) or by path (`./x.json`), resolved to its file. */
export function profileFile(root: string, cwd: string, nameOrPath: string): string {
  const looksLikePath = nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.endsWith('.json');
  const file = looksLikePath
    ? path.resolve(cwd, nameOrPath)
    : path.join(root, CLIENTS_DIR, `${nameOrPath}.json`);
  if (!existsSync(file)) {
    throw new CrmKitError('FILE_NOT_FOUND', `client profile ${nameOrPath} not found (${file})`);
  }
  return file;
}

export function allProfileFiles(root: string): string[] {
  const dir = path.join(root, CLIENTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Reads and validates every profile, collecting the problems of all of them before failing, so a
 * consultant sees everything at once and nothing is built for a bad profile.
 */
export function loadProfiles(
  files: readonly string[],
  source: SolutionSource,
): { file: string; profile: ClientProfile }[] {
  const loaded: { file: string; profile: ClientProfile }[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    try {
      loaded.push({ file, profile: parseProfile(readText(file), file, source) });
    } catch (e) {
      if (!(e instanceof CrmKitError)) throw e;
      problems.push(...(e.problems.length > 0 ? e.problems : [{ where: file, message: e.message }]));
    }
  }
  for (const key of ['client', 'solution.uniqueName'] as const) {
    const seen = new Map<string, string>();
    for (const { file, profile } of loaded) {
      const value = (key === 'client' ? profile.client : profile.solution.uniqueName).toLowerCase();
      const other = seen.get(value);
      if (other !== undefined)
        problems.push({ where: `${file} › ${key}`, message: `is also used by ${other}` });
      else seen.set(value, file);
    }
  }
  if (problems.length > 0) {
    const n = new Set(problems.map((p) => p.where.split(' › ')[0])).size;
    throw new CrmKitError(
      'PROFILE_INVALID',
      `${n === 1 ? 'the client profile is' : `${n} client profiles are`} invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was built`,
      problems,
    );
  }
  return loaded;
}
