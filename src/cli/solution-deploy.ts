/**
 * `crmkit solution deploy <zip> --env <url>` and `solution pack … --deploy`: `solution check`
 * first (errors: nothing is sent), then ImportSolutionAsync with an ImportJobId, its progress,
 * the failure reason in words, and PublishAllXmlAsync unless `--no-publish`; or, with
 * `--via pac`, `pac solution import` with pac's own sign-in.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CrmKitError } from '../errors';
import { inputError } from '../fs/open-input';
import type { CommandContext } from './context';
import { envOptions, jobProgress, noteRunningJob, openEnv, type EnvCliOptions } from './env-session';
import {
  checkSolutionFile,
  formatDuration,
  formatFindings,
  loadEnv,
  type SolutionCheckReport,
} from './features';

export interface DeployCliOptions extends EnvCliOptions {
  overwriteUnmanaged?: boolean;
  publishWorkflows?: boolean;
  publish: boolean;
  via?: string;
  xsd?: string;
}

/** The options of a deploy, on `solution deploy` and on `solution pack --deploy`. */
export function deployOptions(command: Command): Command {
  return envOptions(command)
    .option(
      '--overwrite-unmanaged',
      'overwrite unmanaged customizations of the components the solution brings',
    )
    .option('--publish-workflows', 'activate the processes (workflows) of the solution after the import')
    .option('--no-publish', 'do not publish all customizations after the import')
    .option(
      '--via <tool>',
      'import with another tool instead of the Web API: pac (Power Platform CLI, its own sign-in)',
    );
}

/** `solution check` of the zip named on the command line. */
export function checkReport(
  ctx: CommandContext,
  zip: string,
  xsd: string | undefined,
): Promise<SolutionCheckReport> {
  return checkSolutionFile({
    file: ctx.resolve(zip),
    name: zip,
    xsd: xsd === undefined ? undefined : ctx.resolve(xsd),
    cwd: ctx.io.cwd,
    env: ctx.io.env,
  });
}

async function checkFirst(ctx: CommandContext, zip: string, o: DeployCliOptions): Promise<void> {
  const report = await checkReport(ctx, zip, o.xsd);
  if (!report.ok) {
    ctx.io.stderr(formatFindings(zip, report.findings));
    throw new CrmKitError(
      'VALIDATION',
      `${zip}: solution check found ${report.errors} error(s); nothing was imported`,
    );
  }
  for (const f of report.findings) ctx.io.stderr(`warning ${zip} › ${f.where}: ${f.message}\n`);
}

export async function deployZip(ctx: CommandContext, zip: string, o: DeployCliOptions): Promise<void> {
  if (o.via !== undefined && o.via !== 'pac')
    throw new CrmKitError('USAGE', `--via ${o.via}: the only other tool is pac`);
  await checkFirst(ctx, zip, o);
  const { importSolution, pacImport, publishAll } = await loadEnv();
  const flags = {
    overwriteUnmanaged: o.overwriteUnmanaged === true,
    publishWorkflows: o.publishWorkflows === true,
  };
  if (o.via === 'pac') {
    await pacImport({
      zip: ctx.resolve(zip),
      environment: o.env ?? ctx.io.env.CRMKIT_ENV,
      ...flags,
      publish: o.publish,
      env: ctx.io.env,
      cwd: ctx.io.cwd,
      onOutput: (text) => ctx.io.stderr(text),
    });
    ctx.io.stdout(`Deployed ${zip} with pac solution import\n`);
    return;
  }
  const api = await openEnv(ctx, o);
  const bytes = await readFile(ctx.resolve(zip)).catch((e: unknown) => {
    throw inputError(e, zip);
  });
  const progress = jobProgress(ctx, 'importing', o.quiet);
  let job;
  try {
    job = await importSolution(api, bytes, {
      ...flags,
      onStarted: (j) => noteRunningJob(api, j),
      onProgress: progress.onProgress,
    });
  } finally {
    progress.done();
    noteRunningJob(api, undefined);
  }
  let published = ' (not published: --no-publish)';
  if (o.publish) {
    const publishing = jobProgress(ctx, 'publishing', o.quiet);
    try {
      const done = await publishAll(api, { onProgress: publishing.onProgress });
      published = `; published all customizations in ${formatDuration(done.elapsedMs)}`;
    } finally {
      publishing.done();
    }
  }
  ctx.io.stdout(
    `Deployed ${zip} to ${api.url.origin}: import job ${job.importJobId}, ${formatDuration(job.elapsedMs)}${published}\n`,
  );
}

export function registerDeploy(parent: Command, ctx: CommandContext): void {
  const command = parent
    .command('deploy')
    .description('check a solution zip, then import it into an environment (ImportSolutionAsync) and publish')
    .argument('<zip>', 'the solution zip')
    .option('--xsd <folder>', 'folder with CustomizationsSolution.xsd for the check')
    .option('--quiet', 'no progress line');
  deployOptions(command).action((zip: string, o: DeployCliOptions) => deployZip(ctx, zip, o));
}
