/**
 * `solution pack` as one call: finds the project, reads the solution source and the chosen client
 * profiles, builds (or reuses) the outputs they need, packs every zip, holds each to
 * `solution check`, and writes them atomically only when all pass.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CrmKitError } from '../../errors';
import { writeFileAtomically } from '../../fs/atomic';
import { errnoOf, outputError } from '../../fs/write-error';
import { checkSolutionZip } from '../check';
import { noResxMessage } from '../check-components';
import type { Finding } from '../findings';
import type { ClientProfile } from '../model';
import { packSolution, type PackedSolution } from '../pack';
import { prepareOutputs } from './build';
import { allProfileFiles, findProjectRoot, loadProfiles, loadSolutionSource, profileFile } from './project';

export type PackageKind = 'managed' | 'unmanaged' | 'both';

export interface PackClientsOptions {
  /** A profile in solutions/clients (by name) or a profile file (by path), or every profile. */
  clients: { client: string } | 'all';
  /** Which packages to write; by default what each profile says. */
  kind?: PackageKind;
  /** Overrides the profiles' solution version. */
  version?: string;
  /** Folder the zips are written into: made when missing, but its parent must exist. */
  outDir: string;
  /** How messages name `outDir` (as the user typed it; default `outDir`). */
  outName?: string;
  /** False reuses the build outputs as they are. */
  build: boolean;
  /** Where a profile path is resolved from and the project is looked for. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** A build progress line ("building control survey (production)…"). */
  onLog?: (line: string) => void;
  /** A warning `solution check` has about a zip about to be written. */
  onWarning?: (fileName: string, finding: Finding) => void;
  /**
   * Once per profile: its declared languages crmkit has no texts of its own in, which get the
   * English ones (`solution check`'s "no resx strings for declared language" about them is not
   * repeated). `profile` is the file as named from `cwd`.
   */
  onFallback?: (profile: string, languages: readonly number[]) => void;
  /** A zip has been written. */
  onWritten?: (written: WrittenSolution) => void;
}

export interface WrittenSolution {
  /** The zip's path. */
  file: string;
  entries: number;
  bytes: number;
}

function packageKinds(profile: ClientProfile, kind: PackageKind | undefined): boolean[] {
  const chosen = kind ?? profile.package;
  return chosen === 'both' ? [false, true] : [chosen === 'managed'];
}

/** Every zip passes `solution check` before any is written; warnings are passed on, errors stop all. */
function checkAll(packed: readonly PackedSolution[], options: PackClientsOptions): void {
  for (const p of packed) {
    const { findings } = checkSolutionZip(p.bytes, p.fileName);
    const told = new Set(p.fallbackLanguages.map(noResxMessage));
    for (const f of findings.filter((x) => x.severity === 'warning' && !told.has(x.message)))
      options.onWarning?.(p.fileName, f);
    const errors = findings.filter((x) => x.severity === 'error');
    if (errors.length > 0) {
      throw new CrmKitError(
        'BUILD_FAILED',
        `${p.fileName} fails solution check (${errors.length} error${errors.length === 1 ? '' : 's'}); no zip was written`,
        errors.map((f) => ({ where: f.where, message: f.message })),
      );
    }
  }
}

/**
 * `--out` names a folder that is made when missing (as `mkdir` would), but not its parent: as
 * `labels export --split -o`, a typing mistake in a path does not silently grow a tree of folders.
 */
async function refuseBadOutDir(outDir: string, outName: string): Promise<void> {
  const out = await stat(outDir).catch(() => undefined);
  if (out?.isDirectory() === false) {
    throw new CrmKitError(
      'USAGE',
      `--out ${outName}: is a file; --out names the folder the zips are written into`,
    );
  }
  if (out === undefined && (await stat(path.dirname(outDir)).catch(() => undefined))?.isDirectory() !== true)
    throw new CrmKitError('IO', `${outName}: cannot write, folder ${path.dirname(outName)} does not exist`);
}

/** Packs and writes the solution zips of the chosen clients; returns what was written. */
export async function packClients(options: PackClientsOptions): Promise<WrittenSolution[]> {
  const outName = options.outName ?? options.outDir;
  await refuseBadOutDir(options.outDir, outName);
  const root = findProjectRoot(options.cwd, options.env);
  const source = loadSolutionSource(root);
  const files =
    options.clients === 'all'
      ? allProfileFiles(root)
      : [profileFile(root, options.cwd, options.clients.client)];
  if (files.length === 0)
    throw new CrmKitError('FILE_NOT_FOUND', `no client profiles in ${path.join(root, 'solutions/clients')}`);
  const profiles = loadProfiles(files, source);
  const widgetIds = new Set(profiles.flatMap((p) => p.profile.widgets));
  const outputs = prepareOutputs(root, source, widgetIds, options.build, {
    log: (line) => options.onLog?.(line),
    env: options.env,
  });

  const packed: PackedSolution[] = [];
  for (const { file, profile } of profiles) {
    for (const managed of packageKinds(profile, options.kind)) {
      packed.push(await packSolution({ profile, source, managed, version: options.version, ...outputs }));
    }
    const fallback = packed.at(-1)?.fallbackLanguages ?? [];
    if (fallback.length > 0) options.onFallback?.(path.relative(options.cwd, file) || file, fallback);
  }
  checkAll(packed, options);
  await mkdir(options.outDir).catch((e: unknown) => {
    if (errnoOf(e) !== 'EEXIST') throw outputError(e, outName);
  });
  const written: WrittenSolution[] = [];
  for (const p of packed) {
    const file = path.join(options.outDir, p.fileName);
    await writeFileAtomically({ path: file, name: path.join(outName, p.fileName) }, p.bytes);
    const done = { file, entries: p.entries.length, bytes: p.bytes.length };
    options.onWritten?.(done);
    written.push(done);
  }
  return written;
}
