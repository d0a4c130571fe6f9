/**
 * `crmkit labels push`: the translators' workbooks (or a translations zip) onto the environment's
 * current translations. argv → the plan (src/labels `planPush`) → refuse, print, or write. With
 * `--from <zip>` the plan is made against a pulled file and nothing is sent: `--dry-run` prints it,
 * `-o` writes the zip that would be imported.
 */
import type { Command } from 'commander';
import { CrmKitError, type Problem } from '../errors';
import { writeFileAtomically } from '../fs/atomic';
import type { NamedFile } from '../fs/open-input';
import {
  conflictProblems,
  perLanguageText,
  planPush,
  pushReport,
  type PushInput,
  type PushPlan,
  type QaProblem,
} from '../labels';
import type { CommandContext } from './context';
import { langOption, maxSizeOption, parseLanguages, parseSize, quietOption } from './options';
import { withProgress } from './progress';

interface PushCliOptions {
  from?: string;
  lang?: string;
  force?: boolean;
  dryRun?: boolean;
  output?: string;
  maxSize: string;
  quiet?: boolean;
}

/** Workbooks (.xlsx, any number) or one translations zip (or CrmTranslations.xml). */
export function pushInput(files: readonly NamedFile[], lang: string | undefined): PushInput {
  const books = files.filter((f) => /\.xlsx$/i.test(f.name));
  if (books.length === files.length) {
    if (lang !== undefined)
      throw new CrmKitError('USAGE', '--lang is for a translations zip; a workbook pushes its own languages');
    return { workbooks: books };
  }
  const [zip] = files;
  if (files.length === 1 && zip !== undefined && /\.(zip|xml)$/i.test(zip.name)) {
    return { zip, ...(lang === undefined ? {} : { languages: parseLanguages(lang) }) };
  }
  throw new CrmKitError(
    'USAGE',
    `${files.map((f) => f.name).join(' ')}: push either workbooks (.xlsx) or one translations zip, not both or several zips`,
  );
}

const checkProblem = (p: QaProblem): Problem => ({ where: `${p.key} (${p.lcid})`, message: p.message });

/** Throws when the plan may not be imported: refusals, check errors, conflicts without --force. */
export function refuseUnlessReady(plan: PushPlan): void {
  if (plan.blocked === 'refused') {
    throw new CrmKitError(
      'VALIDATION',
      `${plan.refused.length} edit(s) cannot be pushed; nothing was pushed`,
      plan.refused,
    );
  }
  if (plan.blocked === 'errors') {
    const errors = plan.problems.filter((p) => p.severity === 'error');
    throw new CrmKitError(
      'VALIDATION',
      `labels check finds ${errors.length} error(s) in what would be pushed; nothing was pushed`,
      errors.map(checkProblem),
    );
  }
  if (plan.blocked === 'conflicts') {
    const rows = new Set(plan.conflicts.map((c) => `${c.sheet}\u0000${c.key}`)).size;
    throw new CrmKitError(
      'PUSH_CONFLICT',
      `${rows} label(s) the push changes were changed in the environment since the export; nothing was pushed ` +
        `(export them again and redo the edits, or use --force: the push's edits go in, texts only the environment changed stay)`,
      conflictProblems(plan.conflicts),
    );
  }
}

/** Warnings, check findings below error and forced conflicts, on stderr. */
export function printNotes(ctx: CommandContext, plan: PushPlan): void {
  const line = (label: string, p: Problem): void => ctx.io.stderr(`${label}: ${p.where}: ${p.message}\n`);
  for (const w of plan.warnings) line('warning', w);
  for (const p of plan.problems) if (p.severity === 'warning') line('warning', checkProblem(p));
  if (plan.blocked !== 'conflicts') for (const c of conflictProblems(plan.conflicts)) line('forced', c);
  if (plan.translated !== undefined) {
    ctx.io.stderr(
      `note: pushing the zip's texts in ${plan.translated.join(', ') || 'no language'} ` +
        `(the languages it fills; --lang names them)\n`,
    );
  }
}

async function offline(ctx: CommandContext, files: string[], o: PushCliOptions, from: string): Promise<void> {
  const push = pushInput(
    files.map((f) => ctx.file(f)),
    o.lang,
  );
  if (o.dryRun !== true && o.output === undefined) {
    throw new CrmKitError(
      'USAGE',
      `--from ${from}: nothing is sent; give --dry-run, or -o <zip> to write what would be imported`,
    );
  }
  const plan = await withProgress(ctx.io, 'planning', o.quiet, ({ onRows }) =>
    planPush({ fresh: ctx.file(from), push, force: o.force === true, maxSize: parseSize(o.maxSize), onRows }),
  );
  printNotes(ctx, plan);
  refuseUnlessReady(plan);
  if (o.dryRun === true || plan.result === undefined) {
    ctx.io.stdout(pushReport(plan));
    return;
  }
  if (o.output !== undefined) {
    await writeFileAtomically(ctx.file(o.output), plan.result);
    ctx.io.stdout(
      `${o.output}: ${plan.changes.length} label text(s) changed (${perLanguageText(plan.changed)})\n`,
    );
  }
}

export function registerPush(parent: Command, ctx: CommandContext): void {
  const command = parent
    .command('push')
    .description(
      "push the translators' workbooks (or a translations zip) into an environment, keeping others' changes",
    )
    .argument('<files...>', 'workbooks exported by crmkit labels export, or one translations zip')
    .option(
      '--from <zip>',
      "plan against this pulled translations zip instead of the environment's (nothing is sent)",
    );
  langOption(
    command,
    'for a zip: the languages it translates (default: those in which it fills empty labels)',
  )
    .option('--force', 'push rows the environment changed since the export too (texts only it changed stay)')
    .option('--dry-run', 'print what would change, per language, and send nothing')
    .option('-o, --output <zip>', 'with --from: write the zip that would be imported');
  quietOption(maxSizeOption(command)).action(async (files: string[], o: PushCliOptions) => {
    if (o.from === undefined)
      throw new CrmKitError(
        'USAGE',
        'give --from <pulled zip> (the environment connection is not there yet)',
      );
    await offline(ctx, files, o, o.from);
  });
}
