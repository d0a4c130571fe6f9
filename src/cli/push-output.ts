/**
 * What `labels push` shows of a plan, with or without an environment: the inputs told apart, the
 * refusals (exit 4, every place listed), and the notes on stderr.
 */
import { CrmKitError, type Problem } from '../errors';
import type { NamedFile } from '../fs/open-input';
import type { CommandContext } from './context';
import { conflictProblems, type PushInput, type PushPlan, type QaProblem } from './features';
import { parseLanguages } from './options';

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
      `${plan.refused.length} problem(s) in the edits stop the push; nothing was pushed`,
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
