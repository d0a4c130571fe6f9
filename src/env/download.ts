/**
 * `labels pull`'s download: the solution is looked up (unknown or managed → a clear message), its
 * translations zip fetched with ExportTranslation, and handed on as bytes or, for readers that
 * take a file, as a temporary file named as Dynamics names the download, removed afterwards (and
 * on Ctrl-C).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NamedFile } from '../fs/open-input';
import { trackTemp, untrackTemp } from '../fs/temp-files';
import { exportTranslation, translationsFileName, unmanagedSolution, type SolutionInfo } from './solutions';
import type { WebApi } from './web-api';

export interface PulledTranslations {
  solution: SolutionInfo;
  /** `CrmTranslations_<Solution>_<version>.zip` */
  fileName: string;
  bytes: Buffer;
}

export async function pullTranslations(api: WebApi, solutionName: string): Promise<PulledTranslations> {
  const solution = await unmanagedSolution(api, solutionName);
  const bytes = await exportTranslation(api, solution);
  return { solution, fileName: translationsFileName(solution), bytes };
}

/** Runs `use` on the bytes written to a temporary file named `fileName`; the file is removed after. */
export async function withTemporaryFile<T>(
  fileName: string,
  bytes: Uint8Array,
  use: (file: NamedFile) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crmkit-pull-'));
  const file = path.join(dir, fileName);
  trackTemp(file);
  try {
    await writeFile(file, bytes, { mode: 0o600 });
    return await use({ path: file, name: fileName });
  } finally {
    untrackTemp(file, false);
    await rm(dir, { recursive: true, force: true });
  }
}
