import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CrmKitError, ExitCode } from '../errors';
import { checkSolutionZip } from '../solution/check';
import { formatFindings, type Finding } from '../solution/findings';
import type { ClientProfile } from '../solution/model';
import { packSolution, type PackedSolution } from '../solution/pack';
import { prepareOutputs } from '../solution/node/build';
import { writeFileAtomically } from '../fs/atomic';
import {
  allProfileFiles,
  findProjectRoot,
  loadProfiles,
  loadSolutionSource,
  profileFile,
} from '../solution/node/project';
import { hasXmllint, SCHEMA_FILE, validateWithXmllint } from '../solution/node/xmllint';
import { parseSolutionVersion, SOLUTION_VERSION_RULE } from '../solution/version';
import type { CommandGroup } from './commands';
import type { CommandContext } from './context';

interface PackOptions {
  client?: string;
  all?: boolean;
  out: string;
  managed?: boolean;
  unmanaged?: boolean;
  both?: boolean;
  version?: string;
  build: boolean;
}

interface CheckOptions {
  xsd?: string;
  json?: boolean;
}

function packageKinds(profile: ClientProfile, o: PackOptions): boolean[] {
  const kind = o.both ? 'both' : o.managed ? 'managed' : o.unmanaged ? 'unmanaged' : profile.package;
  return kind === 'both' ? [false, true] : [kind === 'managed'];
}

async function pack(o: PackOptions, ctx: CommandContext): Promise<void> {
  const exclusive = [o.managed, o.unmanaged, o.both].filter(Boolean).length;
  if (exclusive > 1) throw new CrmKitError('USAGE', 'give at most one of --managed, --unmanaged, --both');
  if ((o.client === undefined) === !o.all)
    throw new CrmKitError('USAGE', 'give either --client <name|path> or --all');
  if (o.version !== undefined && !parseSolutionVersion(o.version)) {
    throw new CrmKitError('USAGE', `--version ${o.version} ${SOLUTION_VERSION_RULE}`);
  }
  const root = findProjectRoot(ctx.io.cwd, ctx.io.env);
  const source = loadSolutionSource(root);
  const files = o.all ? allProfileFiles(root) : [profileFile(root, ctx.io.cwd, o.client ?? '')];
  if (files.length === 0)
    throw new CrmKitError('FILE_NOT_FOUND', `no client profiles in ${path.join(root, 'solutions/clients')}`);
  const profiles = loadProfiles(files, source);
  const widgetIds = new Set(profiles.flatMap((p) => p.profile.widgets));
  const outputs = prepareOutputs(root, source, widgetIds, o.build, {
    log: (line) => ctx.io.stderr(`${line}\n`),
    env: ctx.io.env,
  });

  const packed: PackedSolution[] = [];
  for (const { profile } of profiles) {
    for (const managed of packageKinds(profile, o)) {
      packed.push(await packSolution({ profile, source, managed, version: o.version, ...outputs }));
    }
  }
  // Every zip passes `solution check` before any is written; warnings are shown, errors stop all.
  for (const p of packed) {
    const { findings } = checkSolutionZip(p.bytes, p.fileName);
    for (const f of findings.filter((x) => x.severity === 'warning')) {
      ctx.io.stderr(`warning ${p.fileName} › ${f.where}: ${f.message}\n`);
    }
    const errors = findings.filter((x) => x.severity === 'error');
    if (errors.length > 0) {
      throw new CrmKitError(
        'BUILD_FAILED',
        `${p.fileName} fails solution check (${errors.length} error${errors.length === 1 ? '' : 's'}); no zip was written`,
        errors.map((f) => ({ where: f.where, message: f.message })),
      );
    }
  }
  const outDir = ctx.resolve(o.out);
  for (const p of packed) {
    const file = path.join(outDir, p.fileName);
    await writeFileAtomically(file, p.bytes, { createFolder: true });
    ctx.io.stdout(`wrote ${file} (${p.entries.length} entries, ${(p.bytes.length / 1024).toFixed(1)} KB)\n`);
  }
}

/** `--xsd`, else `../shared/xsd` beside the project when it holds the schema, else none. */
function schemaFolder(o: CheckOptions, ctx: CommandContext): string | undefined {
  if (o.xsd !== undefined) return ctx.resolve(o.xsd);
  try {
    const auto = path.join(findProjectRoot(ctx.io.cwd, ctx.io.env), '..', 'shared', 'xsd');
    return existsSync(path.join(auto, SCHEMA_FILE)) ? auto : undefined;
  } catch {
    return undefined;
  }
}

function check(zip: string, o: CheckOptions, ctx: CommandContext): void {
  const file = ctx.resolve(zip);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    throw new CrmKitError('FILE_NOT_FOUND', `${zip}: cannot be read`);
  }
  const result = checkSolutionZip(bytes, zip);
  const findings: Finding[] = [...result.findings];
  const folder = schemaFolder(o, ctx);
  let schema = 'not checked (no --xsd and no ../shared/xsd beside the project)';
  if (folder !== undefined && result.customizationsXml) {
    if (hasXmllint()) {
      const found = validateWithXmllint(result.customizationsXml, folder);
      findings.push(...found);
      schema = found.length === 0 ? `valid against ${path.join(folder, SCHEMA_FILE)}` : 'invalid';
    } else {
      schema = 'not checked: xmllint is not installed (Debian package libxml2-utils)';
      findings.push({ severity: 'warning', where: 'customizations.xml', message: `schema ${schema}` });
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (o.json) {
    const report = {
      file: zip,
      ok: errors === 0,
      errors,
      warnings: findings.length - errors,
      schema,
      findings,
    };
    ctx.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    ctx.io.stdout(`schema: ${schema}\n${formatFindings(zip, findings)}`);
  }
  if (errors > 0) ctx.setExitCode(ExitCode.findings);
}

export const solutionCommands: CommandGroup = {
  name: 'solution',
  description: 'pack the widgets into an import-ready Dataverse solution per client, and check solution zips',
  register(parent: Command, ctx: CommandContext) {
    parent
      .command('pack')
      .description(
        'build the controls and pages (or reuse fresh outputs) and write <UniqueName>_<version>[_managed].zip',
      )
      .option('--client <name|path>', 'a profile in solutions/clients (by name) or a profile file')
      .option('--all', 'every profile in solutions/clients')
      .requiredOption('--out <dir>', 'folder to write the zips into')
      .option('--managed', 'write the managed package only')
      .option('--unmanaged', 'write the unmanaged package only')
      .option('--both', 'write both packages')
      .option('--version <x.y.z.w>', "solution version, instead of the profile's")
      .option('--no-build', 'use the existing build outputs as they are')
      .action((o: PackOptions) => pack(o, ctx));
    parent
      .command('check')
      .description(
        'check any solution zip: entries, controls, web resources, root components, content types, schema',
      )
      .argument('<zip>', 'the solution zip')
      .option(
        '--xsd <folder>',
        'folder with CustomizationsSolution.xsd (default: ../shared/xsd beside the project)',
      )
      .option('--json', 'print the findings as JSON')
      .action((zip: string, o: CheckOptions) => check(zip, o, ctx));
  },
};
