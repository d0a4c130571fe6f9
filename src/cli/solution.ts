import type { Command } from 'commander';
import { CrmKitError, ExitCode } from '../errors';
import { languageLabel } from '../languages/lcid';
import {
  formatFindings,
  packClients,
  parseSolutionVersion,
  SOLUTION_VERSION_RULE,
  type PackageKind,
} from './features';
import type { CommandGroup } from './commands';
import type { CommandContext } from './context';
import { jsonOption } from './options';
import {
  checkReport,
  deployOptions,
  deployZip,
  registerDeploy,
  type DeployCliOptions,
} from './solution-deploy';

interface PackOptions extends Partial<DeployCliOptions> {
  client?: string;
  all?: boolean;
  out: string;
  managed?: boolean;
  unmanaged?: boolean;
  both?: boolean;
  version?: string;
  build: boolean;
  deploy?: boolean;
}

interface CheckOptions {
  xsd?: string;
  json?: boolean;
}

function packageKind(o: PackOptions): PackageKind | undefined {
  if ([o.managed, o.unmanaged, o.both].filter(Boolean).length > 1)
    throw new CrmKitError('USAGE', 'give at most one of --managed, --unmanaged, --both');
  return o.both ? 'both' : o.managed ? 'managed' : o.unmanaged ? 'unmanaged' : undefined;
}

async function pack(o: PackOptions, ctx: CommandContext): Promise<void> {
  const kind = packageKind(o);
  if ((o.client === undefined) === !o.all)
    throw new CrmKitError('USAGE', 'give either --client <name|path> or --all');
  if (o.version !== undefined && !parseSolutionVersion(o.version)) {
    throw new CrmKitError('USAGE', `--version ${o.version} ${SOLUTION_VERSION_RULE}`);
  }
  if (o.deploy === true && (o.all === true || kind === 'both')) {
    throw new CrmKitError(
      'USAGE',
      '--deploy deploys one package: give --client and at most one of --managed, --unmanaged',
    );
  }
  const written = await packClients({
    clients: o.client === undefined ? 'all' : { client: o.client },
    kind,
    version: o.version,
    outDir: ctx.resolve(o.out),
    outName: o.out,
    build: o.build,
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    onLog: (line) => ctx.io.stderr(`${line}\n`),
    onWarning: (zip, f) => ctx.io.stderr(`warning ${zip} › ${f.where}: ${f.message}\n`),
    onFallback: (profile, languages) =>
      ctx.io.stderr(
        `warning ${profile} › languages: crmkit has no texts of its own in ${languages.map(languageLabel).join(', ')}; ` +
          `its display names, descriptions and control and dashboard texts are in English there\n`,
      ),
    onWritten: (w) =>
      ctx.io.stdout(`wrote ${w.file} (${w.entries} entries, ${(w.bytes / 1024).toFixed(1)} KB)\n`),
  });
  if (o.deploy !== true) return;
  const [only, ...more] = written;
  if (only === undefined || more.length > 0) {
    throw new CrmKitError(
      'USAGE',
      `--deploy deploys one package, and ${written.length} were packed: add --managed or --unmanaged`,
    );
  }
  await deployZip(ctx, only.file, { ...o, publish: o.publish ?? true, timeout: o.timeout ?? '30m' });
}

async function checkZip(zip: string, o: CheckOptions, ctx: CommandContext): Promise<void> {
  const report = await checkReport(ctx, zip, o.xsd);
  if (o.json) ctx.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else ctx.io.stdout(`schema: ${report.schema}\n${formatFindings(zip, report.findings)}`);
  if (!report.ok) ctx.setExitCode(ExitCode.findings);
}

export const solutionCommands: CommandGroup = {
  name: 'solution',
  description:
    'pack the widgets into an import-ready Dataverse solution per client, check solution zips, deploy them',
  register(parent: Command, ctx: CommandContext) {
    const packCommand = parent
      .command('pack')
      .description(
        'build the controls and pages (or reuse fresh outputs) and write <UniqueName>_<version>[_managed].zip',
      )
      .option('--client <name|path>', 'a profile in solutions/clients (by name) or a profile file')
      .option('--all', 'every profile in solutions/clients')
      .requiredOption(
        '--out <dir>',
        'folder to write the zips into (made when missing; its parent must exist)',
      )
      .option('--managed', 'write the managed package only')
      .option('--unmanaged', 'write the unmanaged package only')
      .option('--both', 'write both packages')
      .option('--version <x.y.z.w>', "solution version, instead of the profile's")
      .option('--no-build', 'use the existing build outputs as they are')
      .option('--deploy', 'then deploy the package to the environment (as solution deploy does)');
    deployOptions(packCommand).action((o: PackOptions) => pack(o, ctx));
    const check = parent
      .command('check')
      .description(
        'check any solution zip: entries, controls, web resources, root components, content types, schema',
      )
      .argument('<zip>', 'the solution zip')
      .option(
        '--xsd <folder>',
        'folder with CustomizationsSolution.xsd (default: ../shared/xsd beside the project)',
      );
    jsonOption(check, 'the findings as JSON').action((zip: string, o: CheckOptions) => checkZip(zip, o, ctx));
    registerDeploy(parent, ctx);
  },
};
