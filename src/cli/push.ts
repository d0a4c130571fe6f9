/**
 * `crmkit labels push`: the translators' workbooks (or a translations zip) onto the environment's
 * current translations. It pulls them fresh, plans (src/labels `planPush`), refuses conflicts and
 * what would fail, then ImportTranslationAsync, waits, and publishes. With `--from <zip>` the plan
 * is made against a pulled file and nothing is sent: `--dry-run` prints it, `-o` writes the zip
 * that would be imported.
 */
import type { Command } from 'commander';
import { CrmKitError } from '../errors';
import { writeFileAtomically } from '../fs/atomic';
import type { NamedFile } from '../fs/open-input';
import type { CommandContext } from './context';
import { envOptions, jobProgress, noteRunningJob, openEnv, type EnvCliOptions } from './env-session';
import {
  formatDuration,
  loadEnv,
  loadLabels,
  perLanguageText,
  pushJson,
  pushReport,
  type PushInput,
  type PushPlan,
  type WebApi,
} from './features';
import { langOption, maxSizeOption, parseSize } from './options';
import { withProgress } from './progress';
import { printNotes, pushInput, refuseUnlessReady } from './push-output';

interface PushCliOptions extends EnvCliOptions {
  solution?: string;
  from?: string;
  lang?: string;
  force?: boolean;
  dryRun?: boolean;
  publish: boolean;
  output?: string;
  json?: boolean;
  maxSize: string;
}

const n = (x: number): string => x.toLocaleString('en-US');

async function plan(
  ctx: CommandContext,
  fresh: NamedFile,
  push: PushInput,
  o: PushCliOptions,
): Promise<PushPlan> {
  const { planPush } = await loadLabels();
  const planned = await withProgress(ctx.io, 'planning', o.quiet, ({ onRows }) =>
    planPush({ fresh, push, force: o.force === true, maxSize: parseSize(o.maxSize), onRows }),
  );
  if (o.json === true) ctx.io.stdout(pushJson(planned));
  printNotes(ctx, planned);
  refuseUnlessReady(planned);
  return planned;
}

async function offline(ctx: CommandContext, push: PushInput, o: PushCliOptions, from: string): Promise<void> {
  if (o.env !== undefined || o.solution !== undefined) {
    throw new CrmKitError(
      'USAGE',
      `--from ${from}: plans against that file; --env and --solution are not used with it`,
    );
  }
  if (o.dryRun !== true && o.output === undefined) {
    throw new CrmKitError(
      'USAGE',
      `--from ${from}: nothing is sent; give --dry-run, or -o <zip> to write what would be imported`,
    );
  }
  const planned = await plan(ctx, ctx.file(from), push, o);
  if (o.dryRun === true || planned.result === undefined || o.output === undefined) {
    if (o.json !== true) ctx.io.stdout(pushReport(planned));
    return;
  }
  await writeFileAtomically(ctx.file(o.output), planned.result);
  (o.json === true ? ctx.io.stderr : ctx.io.stdout)(
    `${o.output}: ${n(planned.changes.length)} label text(s) changed (${perLanguageText(planned.changed)})\n`,
  );
}

/** ImportTranslationAsync of the result, waited for with a progress line; Ctrl-C names the job. */
async function importAndPublish(ctx: CommandContext, api: WebApi, result: Uint8Array, o: PushCliOptions) {
  const { importTranslation, publishAll } = await loadEnv();
  const importing = jobProgress(ctx, 'importing', o.quiet);
  let job;
  try {
    job = await importTranslation(api, result, {
      onProgress: importing.onProgress,
      onStarted: (ids) => noteRunningJob(api, ids),
    });
  } finally {
    importing.done();
    noteRunningJob(api, undefined);
  }
  if (!o.publish) return { job, publishedMs: undefined };
  const publishing = jobProgress(ctx, 'publishing', o.quiet);
  try {
    const { elapsedMs } = await publishAll(api, { onProgress: publishing.onProgress });
    return { job, publishedMs: elapsedMs };
  } finally {
    publishing.done();
  }
}

async function online(ctx: CommandContext, push: PushInput, o: PushCliOptions): Promise<void> {
  if (o.solution === undefined)
    throw new CrmKitError('USAGE', '--solution <unique name> is required (or --from <zip>)');
  if (o.output !== undefined)
    throw new CrmKitError('USAGE', '-o is for --from; a push sends its result to the environment');
  const start = Date.now();
  const api = await openEnv(ctx, o);
  const { pullTranslations, withTemporaryFile } = await loadEnv();
  const pulled = await pullTranslations(api, o.solution);
  const planned = await withTemporaryFile(pulled.fileName, pulled.bytes, (fresh) =>
    plan(ctx, fresh, push, o),
  );
  if (o.dryRun === true || planned.result === undefined) {
    if (o.json !== true) ctx.io.stdout(pushReport(planned));
    return;
  }
  const { job, publishedMs } = await importAndPublish(ctx, api, planned.result, o);
  const published = publishedMs === undefined ? 'not published (--no-publish)' : 'published';
  // With --json, stdout holds the plan alone; the summary goes beside it.
  (o.json === true ? ctx.io.stderr : ctx.io.stdout)(
    `Pushed ${n(planned.changes.length)} label text(s) to ${pulled.solution.uniqueName} in ${api.url.origin} ` +
      `(${perLanguageText(planned.changed)}): import job ${job.importJobId}, ${published}, ` +
      `${formatDuration(Date.now() - start)}\n`,
  );
}

export function registerPush(parent: Command, ctx: CommandContext): void {
  const command = parent
    .command('push')
    .description(
      "push the translators' workbooks (or a translations zip) into an environment, keeping others' changes",
    )
    .argument('<files...>', 'workbooks exported by crmkit labels export or pull, or one translations zip')
    .option('--solution <unique name>', 'the unmanaged solution whose translations to push into')
    .option('--from <zip>', 'plan against this pulled translations zip instead, sending nothing');
  langOption(
    command,
    'for a zip: the languages it translates (default: those in which it fills empty labels)',
  )
    .option('--force', 'push rows the environment changed since the export too (texts only it changed stay)')
    .option('--dry-run', 'print what would change, per language, and send nothing')
    .option('--no-publish', 'import without publishing the customizations afterwards')
    .option('-o, --output <zip>', 'with --from: write the zip that would be imported')
    .option('--json', 'print the plan as JSON (changes, conflicts, refusals, findings) on stdout');
  envOptions(maxSizeOption(command)).action(async (files: string[], o: PushCliOptions) => {
    const push = pushInput(
      files.map((f) => ctx.file(f)),
      o.lang,
    );
    await (o.from === undefined ? online(ctx, push, o) : offline(ctx, push, o, o.from));
  });
}
