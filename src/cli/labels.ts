/** `crmkit labels export` and `crmkit labels import`: argument parsing and summaries only. */
import path from 'node:path';
import type { Command } from 'commander';
import { CrmKitError, type Problem } from '../errors';
import { exportLabels, type FileArg } from '../labels/write-workbooks';
import { importLabels } from '../labels/import';
import type { Lcid } from '../labels/crm-xml/model';
import type { CommandGroup } from './commands';
import type { CommandContext } from './context';
import { exportForTranslators, wantsTranslatorExport } from '../labels/export';
import { createProgress } from './progress';

/** `1049,1026` → [1049, 1026]. */
export function parseLanguages(value: string): Lcid[] {
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length === 0 || parts.some((p) => !/^\d{4,5}$/.test(p))) {
    throw new CrmKitError(
      'USAGE',
      `--lang ${value}: expected language codes separated by commas, e.g. 1049,1026`,
    );
  }
  return [...new Set(parts.map(Number))];
}

/** `2GiB`, `500MB`, `1.5G`, `1073741824` → bytes. */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(i?B)?\s*$/i.exec(value);
  if (m === null)
    throw new CrmKitError('USAGE', `--max-size ${value}: expected a size such as 2GiB or 500MB`);
  const unit = { '': 0, K: 1, M: 2, G: 3, T: 4 }[(m[2] ?? '').toUpperCase()] ?? 0;
  return Math.floor(Number(m[1]) * 1024 ** unit);
}

export function fileArg(ctx: CommandContext, name: string): FileArg {
  return { path: ctx.resolve(name), name };
}

function refuseSamePath(output: FileArg, inputs: readonly FileArg[]): void {
  const same = inputs.find((i) => path.resolve(i.path) === path.resolve(output.path));
  if (same !== undefined) {
    throw new CrmKitError(
      'USAGE',
      `-o ${output.name}: would overwrite the input ${same.name}; inputs are never modified`,
    );
  }
}

function list(ctx: CommandContext, label: string, problems: readonly Problem[]): void {
  for (const p of problems) ctx.io.stderr(`${label}: ${p.where}: ${p.message}\n`);
}

const n = (x: number): string => x.toLocaleString('en-US');

interface ExportCliOptions {
  output: string;
  lang?: string;
  maxSize: string;
  split?: boolean;
  missingOnly?: boolean;
  memory?: string[];
  consistency?: boolean;
  quiet?: boolean;
}

function registerExport(parent: Command, ctx: CommandContext): void {
  parent
    .command('export')
    .description('turn an "Export Translations" zip (or CrmTranslations.xml) into a workbook for translators')
    .argument('<input>', 'CrmTranslations_<Solution>_<version>.zip or CrmTranslations.xml')
    .requiredOption('-o, --output <workbook.xlsx>', 'the workbook to write')
    .option(
      '--lang <lcids>',
      'target languages, e.g. 1049,1026 (default: every non-base language of the file)',
    )
    .option('--max-size <size>', 'largest XML accepted inside the zip, e.g. 2GiB', '1GiB')
    .option('--split', 'one workbook per target language, written into the folder given by -o')
    .option('--missing-only', "only the rows still untranslated in the workbook's languages")
    .option(
      '--memory <file|folder>',
      'fill empty cells from past translations (zips, xml, workbooks, .tmx); repeat for several',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--consistency', 'suggest, for empty cells, translations of the same text elsewhere in the file')
    .option('--quiet', 'no progress line')
    .action(async (input: string, opts: ExportCliOptions) => {
      if (wantsTranslatorExport(opts)) {
        const languages = opts.lang === undefined ? undefined : parseLanguages(opts.lang);
        await exportForTranslators(ctx, input, { ...opts, languages, maxSize: parseSize(opts.maxSize) });
        return;
      }
      const inputArg = fileArg(ctx, input);
      const output = fileArg(ctx, opts.output);
      if (!/\.xlsx$/i.test(output.name))
        throw new CrmKitError('USAGE', `-o ${output.name}: the workbook must be an .xlsx file`);
      refuseSamePath(output, [inputArg]);
      const progress = createProgress(ctx.io, 'exporting', { quiet: opts.quiet === true });
      const summary = await exportLabels({
        input: inputArg,
        output,
        languages: opts.lang === undefined ? undefined : parseLanguages(opts.lang),
        maxSize: parseSize(opts.maxSize),
        onLabel: () => progress.tick(),
      }).finally(() => progress.done());
      const ll = summary.rows['Localized Labels'];
      const ds = summary.rows['Display Strings'];
      ctx.io.stdout(
        `Exported ${n(ll + ds)} labels (Localized Labels ${n(ll)}, Display Strings ${n(ds)}) of ` +
          `${summary.header.solutionName || input}, base ${summary.header.baseLcid}, ` +
          `languages ${summary.targetLanguages.join(', ') || 'none'} → ${output.name}\n`,
      );
    });
}

function registerImport(parent: Command, ctx: CommandContext): void {
  parent
    .command('import')
    .description('write the translations of one or more workbooks back into the translations zip')
    .argument('<workbooks...>', 'workbooks exported by crmkit labels export (one per translator is fine)')
    .requiredOption('--into <input>', 'the translations zip (or CrmTranslations.xml) the workbooks came from')
    .requiredOption('-o, --output <file>', 'the zip (or .xml) to write; the input is never modified')
    .option('--force', 'merge workbooks of another export by key, reporting what was skipped')
    .option('--max-size <size>', 'largest XML accepted inside the zip, e.g. 2GiB', '1GiB')
    .option('--quiet', 'no progress line')
    .action(
      async (
        books: string[],
        opts: { into: string; output: string; force?: boolean; maxSize: string; quiet?: boolean },
      ) => {
        const workbooks = books.map((b) => fileArg(ctx, b));
        const into = fileArg(ctx, opts.into);
        const output = fileArg(ctx, opts.output);
        refuseSamePath(output, [into, ...workbooks]);
        const progress = createProgress(ctx.io, 'importing', { quiet: opts.quiet === true });
        const summary = await importLabels({
          workbooks,
          into,
          output,
          force: opts.force === true,
          maxSize: parseSize(opts.maxSize),
          onLabel: () => progress.tick(),
        }).finally(() => progress.done());
        list(ctx, 'warning', summary.warnings);
        if (summary.foreign.length > 0) {
          ctx.io.stderr(
            `warning: ${summary.foreign.join(', ')}: from another export; merged by key (--force)\n`,
          );
        }
        list(ctx, 'skipped', summary.skipped);
        const total = [...summary.changed.values()].reduce((a, b) => a + b, 0);
        const perLanguage = [...summary.changed].map(([lcid, count]) => `${lcid}: ${n(count)}`).join(', ');
        const notes = summary.warnings.length + summary.skipped.length;
        ctx.io.stdout(
          `Imported ${workbooks.length} workbook(s) into ${output.name}: ${n(total)} label text(s) changed` +
            (perLanguage === '' ? '' : ` (${perLanguage})`) +
            `${notes === 0 ? '' : `; ${notes} warning(s) above`}\n`,
        );
      },
    );
}

export const labelsRoundTrip: CommandGroup = {
  name: 'labels',
  description: "translate a solution's labels in Excel: export a workbook, import it back",
  register: (parent, ctx) => {
    registerExport(parent, ctx);
    registerImport(parent, ctx);
  },
};
