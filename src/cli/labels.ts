/**
 * `crmkit labels …`: export, import, check, stats and memory build. Each action turns argv into the
 * options of one call to the labels library (src/labels/index.ts) and prints what it returns.
 */
import type { Command } from 'commander';
import { CrmKitError, ExitCode, type Problem } from '../errors';
import { languageLabel } from '../languages/lcid';
import {
  buildMemory,
  checkLabels,
  exportLabels,
  importLabels,
  labelStats,
  loadEnv,
  loadExportFormat,
  problemsJson,
  problemsTable,
  statsJson,
  statsTable,
  type ExportFormat,
  type ExportResult,
  type XliffVersion,
} from './features';
import type { CommandGroup } from './commands';
import type { CommandContext } from './context';
import {
  jsonOption,
  langOption,
  maxSizeOption,
  parseCount,
  parseLanguages,
  parseSize,
  quietOption,
} from './options';
import { withProgress } from './progress';
import { writeFileAtomically } from '../fs/atomic';
import type { NamedFile } from '../fs/open-input';
import { envOptions, openEnv, type EnvCliOptions } from './env-session';
import { registerTranslate } from './translate';

const n = (x: number): string => x.toLocaleString('en-US');

interface ExportCliOptions {
  output: string;
  lang?: string;
  maxSize: string;
  split?: boolean;
  missingOnly?: boolean;
  memory: string[];
  consistency?: boolean;
  force?: boolean;
  quiet?: boolean;
  format?: string;
  xliff?: string;
}

/** `--format` and `--xliff` as the library takes them; anything else is a usage error. */
function formatOptions(o: ExportCliOptions): { format?: ExportFormat; xliffVersion?: XliffVersion } {
  if (o.format !== undefined && o.format !== 'workbook' && o.format !== 'xliff') {
    throw new CrmKitError('USAGE', `--format ${o.format}: expected workbook or xliff`);
  }
  if (o.xliff !== undefined && o.xliff !== '1.2' && o.xliff !== '2.0') {
    throw new CrmKitError('USAGE', `--xliff ${o.xliff}: expected 1.2 or 2.0`);
  }
  return {
    ...(o.format === undefined ? {} : { format: o.format }),
    ...(o.xliff === undefined ? {} : { xliffVersion: o.xliff }),
  };
}

/** One line per workbook written, then what the suggestions filled. */
function printExport(ctx: CommandContext, input: string, result: ExportResult, o: ExportCliOptions): void {
  const still = o.missingOnly === true ? ' still untranslated' : '';
  for (const book of result.workbooks) {
    const ll = book.rows['Localized Labels'];
    const ds = book.rows['Display Strings'];
    ctx.io.stdout(
      `Exported ${n(ll + ds)} labels${still} (Localized Labels ${n(ll)}, Display Strings ${n(ds)}) of ` +
        `${result.header.solutionName || input}, base ${result.header.baseLcid}, ` +
        `languages ${book.targetLanguages.join(', ') || 'none'} → ${book.output.name}\n`,
    );
  }
  if (result.englishCaptions.length > 0) {
    const languages = result.englishCaptions.map(languageLabel).join(', ');
    ctx.io.stderr(
      `note: the workbook's own texts (headers, context, notes) are in English for ${languages}: crmkit has none in those languages\n`,
    );
  }
  const s = result.suggestions;
  if (s === undefined) return;
  const filled = [...s.filled].map(([lcid, count]) => `${lcid}: ${n(count)}`).join(', ');
  const total = [...s.filled.values()].reduce((a, b) => a + b, 0);
  const memory = s.memoryFiles === undefined ? '' : `from memory (${s.memoryFiles} file(s)) and `;
  const marked =
    result.format === 'xliff'
      ? 'they are marked state="needs-review-translation" (leveraged-tm) with a note "from memory: …" for review'
      : 'they are marked light yellow with a note "from memory: …" for review';
  ctx.io.stdout(
    `Filled ${n(total)} empty cell(s) ${memory}from this file${filled === '' ? '' : ` (${filled})`}; ${marked}\n`,
  );
}

/** Every option of `labels export` after `-o`, shared with `labels pull`. */
function exportOptions(command: Command): Command {
  langOption(command, 'target languages, e.g. 1049,1026 (default: every non-base language of the file)');
  maxSizeOption(command)
    .option('--split', 'one workbook per target language, written into the folder given by -o')
    .option('--missing-only', "only the rows still untranslated in the workbook's languages")
    .option(
      '--memory <file|folder>',
      'fill empty cells from past translations (zips, xml, workbooks, .tmx); repeat for several',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--consistency', 'suggest, for empty cells, translations of the same text elsewhere in the file')
    .option('--force', "overwrite existing workbooks even when they hold a translator's edits")
    .option('--format <workbook|xliff>', 'what to write (default: by the name of -o; workbooks with --split)')
    .option('--xliff <1.2|2.0>', 'write XLIFF of this version (default 1.2)');
  return quietOption(command);
}

/** `labels export` of `input` with the options of the command line; prints what was written. */
async function exportFrom(ctx: CommandContext, input: NamedFile, o: ExportCliOptions): Promise<void> {
  const format = formatOptions(o);
  const languages = o.lang === undefined ? undefined : parseLanguages(o.lang);
  const maxSize = parseSize(o.maxSize);
  const result = await withProgress(ctx.io, 'exporting', o.quiet, (feed) =>
    exportLabels({
      input,
      output: ctx.file(o.output),
      languages,
      maxSize,
      split: o.split === true,
      missingOnly: o.missingOnly === true,
      memory: o.memory.map((m) => ctx.file(m)),
      consistency: o.consistency === true,
      force: o.force === true,
      ...format,
      ...feed,
    }),
  );
  printExport(ctx, input.name, result, o);
}

function registerExport(parent: Command, ctx: CommandContext): void {
  const command = parent
    .command('export')
    .description('turn an "Export Translations" zip (or CrmTranslations.xml) into a workbook for translators')
    .argument('<input>', 'CrmTranslations_<Solution>_<version>.zip or CrmTranslations.xml')
    .requiredOption(
      '-o, --output <workbook.xlsx>',
      'the workbook to write (.xlf or .xliff: XLIFF for CAT tools)',
    );
  exportOptions(command).action((input: string, o: ExportCliOptions) => exportFrom(ctx, ctx.file(input), o));
}

function registerPull(parent: Command, ctx: CommandContext): void {
  const command = parent
    .command('pull')
    .description(
      "ExportTranslation of a solution from an environment: the zip as Dynamics gives it, or the translator's workbook",
    )
    .requiredOption('--solution <unique name>', 'the unmanaged solution whose labels to export')
    .requiredOption(
      '-o, --output <file>',
      'x.zip (the translations zip, byte for byte), x.xlsx, or a folder with --split',
    );
  envOptions(exportOptions(command)).action(
    async (o: ExportCliOptions & EnvCliOptions & { solution: string }) => {
      const zip = /\.zip$/i.test(o.output);
      const workbookOnly = [o.lang, o.split, o.missingOnly, o.consistency, o.format, o.xliff].some(
        (v) => v !== undefined,
      );
      if (zip && (workbookOnly || o.memory.length > 0)) {
        throw new CrmKitError(
          'USAGE',
          `-o ${o.output}: the zip is written as Dynamics gives it; --lang, --split, --missing-only, --memory, --consistency, --format and --xliff are for workbooks and XLIFF`,
        );
      }
      const api = await openEnv(ctx, o);
      const { pullTranslations, withTemporaryFile } = await loadEnv();
      const pulled = await pullTranslations(api, o.solution);
      if (zip) {
        await writeFileAtomically(ctx.file(o.output), pulled.bytes);
        ctx.io.stdout(
          `Pulled the translations of ${pulled.solution.uniqueName} ${pulled.solution.version} from ${api.url.origin} → ${o.output} (${pulled.bytes.length.toLocaleString('en-US')} bytes)\n`,
        );
        return;
      }
      await withTemporaryFile(pulled.fileName, pulled.bytes, (input) => exportFrom(ctx, input, o));
    },
  );
}

function list(ctx: CommandContext, label: string, problems: readonly Problem[]): void {
  for (const p of problems) ctx.io.stderr(`${label}: ${p.where}: ${p.message}\n`);
}

interface ImportCliOptions {
  into: string;
  output: string;
  force?: boolean;
  strict?: boolean;
  maxSize: string;
  quiet?: boolean;
}

function registerImport(parent: Command, ctx: CommandContext): void {
  const command = parent
    .command('import')
    .description('write the translations of one or more workbooks back into the translations zip')
    .argument(
      '<workbooks...>',
      'workbooks or XLIFF files (.xlf, .xliff) exported by crmkit labels export (one per translator is fine)',
    )
    .requiredOption('--into <input>', 'the translations zip (or CrmTranslations.xml) the workbooks came from')
    .requiredOption('-o, --output <file>', 'the zip (or .xml) to write; the input is never modified')
    .option('--force', 'merge workbooks of another export by key, reporting what was skipped')
    .option('--strict', 'refuse cleared translations and texts of only spaces (default: a warning)');
  quietOption(maxSizeOption(command)).action(async (books: string[], o: ImportCliOptions) => {
    const maxSize = parseSize(o.maxSize);
    const output = ctx.file(o.output);
    const summary = await withProgress(ctx.io, 'importing', o.quiet, ({ onRows }) =>
      importLabels({
        workbooks: books.map((b) => ctx.file(b)),
        into: ctx.file(o.into),
        output,
        force: o.force === true,
        strict: o.strict === true,
        maxSize,
        onRows,
      }),
    );
    list(ctx, 'warning', summary.warnings);
    if (summary.foreign.length > 0) {
      ctx.io.stderr(`warning: ${summary.foreign.join(', ')}: from another export; merged by key (--force)\n`);
    }
    list(ctx, 'skipped', summary.skipped);
    const total = [...summary.changed.values()].reduce((a, b) => a + b, 0);
    const perLanguage = [...summary.changed].map(([lcid, count]) => `${lcid}: ${n(count)}`).join(', ');
    const notes = summary.warnings.length + summary.skipped.length;
    const { isXliffName } = await loadExportFormat();
    ctx.io.stdout(
      `Imported ${books.length} ${books.some((b) => isXliffName(b)) ? 'file(s)' : 'workbook(s)'} into ${output.name}: ${n(total)} label text(s) changed` +
        (perLanguage === '' ? '' : ` (${perLanguage})`) +
        `${notes === 0 ? '' : `; ${notes} warning(s) above`}\n`,
    );
  });
}

interface CheckCliOptions {
  json?: boolean;
  strict?: boolean;
  maxWarnings?: string;
  keep?: string;
  maxSize: string;
  quiet?: boolean;
  glossary?: string;
  unreviewedMt?: boolean;
}

function registerCheck(parent: Command, ctx: CommandContext): void {
  const command = parent
    .command('check')
    .description('find label problems that fail an import or look broken (errors, warnings, info)')
    .argument('<file>', 'translations zip, CrmTranslations.xml or workbook (.xlsx)');
  jsonOption(command, '{"problems":[…]}')
    .option('--max-warnings <n>', 'also fail (exit 1) when there are more than n warnings')
    .option('--keep <file>', 'names kept untranslated without a warning, one per line')
    .option('--strict', 'cleared translations and texts of only spaces are errors (default: warnings)')
    .option('--glossary <file>', 'check translations against a termbase (.tbx, .csv)')
    .option(
      '--no-unreviewed-mt',
      'machine translations nobody has changed yet are errors (default: a warning)',
    );
  quietOption(maxSizeOption(command)).action(async (file: string, o: CheckCliOptions) => {
    const maxWarnings = o.maxWarnings === undefined ? undefined : parseCount(o.maxWarnings, '--max-warnings');
    const maxSize = parseSize(o.maxSize);
    const keep = o.keep === undefined ? undefined : { path: ctx.resolve(o.keep), name: `--keep ${o.keep}` };
    const result = await withProgress(ctx.io, 'checking', o.quiet, ({ onRows }) =>
      checkLabels({
        input: ctx.file(file),
        keptNames: keep,
        maxSize,
        strict: o.strict === true,
        onRows,
        ...(o.glossary === undefined ? {} : { glossary: ctx.file(o.glossary) }),
        noUnreviewedMt: o.unreviewedMt === false,
      }),
    );
    ctx.io.stdout(
      o.json === true ? problemsJson(result.problems) : problemsTable(result.problems, result.rows),
    );
    if (result.counts.error > 0) ctx.setExitCode(ExitCode.findings);
    if (maxWarnings !== undefined && result.counts.warning > maxWarnings) {
      if (o.json !== true)
        ctx.io.stderr(`crmkit: ${result.counts.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
      ctx.setExitCode(ExitCode.findings);
    }
  });
}

function registerStats(parent: Command, ctx: CommandContext): void {
  const command = parent
    .command('stats')
    .description('translation coverage per language and per component kind')
    .argument('<file>', 'translations zip, CrmTranslations.xml or workbook (.xlsx)');
  jsonOption(command, '{"languages":[…],"kinds":[…]}');
  quietOption(maxSizeOption(command)).action(
    async (file: string, o: { json?: boolean; maxSize: string; quiet?: boolean }) => {
      const maxSize = parseSize(o.maxSize);
      const coverage = await withProgress(ctx.io, 'counting', o.quiet, ({ onRows }) =>
        labelStats({ input: ctx.file(file), maxSize, onRows }),
      );
      ctx.io.stdout(o.json === true ? statsJson(coverage) : statsTable(coverage));
    },
  );
}

function registerMemory(parent: Command, ctx: CommandContext): void {
  const memory = parent.command('memory').description('translation memory (TMX 1.4) of past translations');
  const build = memory
    .command('build')
    .description('collect translations from zips, CrmTranslations.xml, workbooks and TMX files into one TMX')
    .argument('<inputs...>', 'files or folders (searched for .zip, .xml, .xlsx, .tmx)')
    .requiredOption('-o, --output <memory.tmx>', 'the TMX file to write');
  quietOption(maxSizeOption(build)).action(
    async (inputs: string[], o: { output: string; maxSize: string; quiet?: boolean }) => {
      const maxSize = parseSize(o.maxSize);
      const built = await withProgress(ctx.io, 'reading', o.quiet, ({ onRows }) =>
        buildMemory({ inputs: inputs.map((i) => ctx.file(i)), output: ctx.file(o.output), maxSize, onRows }),
      );
      ctx.io.stdout(
        `${o.output}: ${n(built.translations)} translations of ${n(built.baseTexts)} base texts from ${built.files} file(s)\n`,
      );
    },
  );
}

export const labelsCommands: CommandGroup = {
  name: 'labels',
  description:
    'translate solution labels in Excel or a CAT tool: export, import, check, stats, memory, translate, pull, push',
  register: (parent, ctx) => {
    registerExport(parent, ctx);
    registerImport(parent, ctx);
    registerCheck(parent, ctx);
    registerStats(parent, ctx);
    registerMemory(parent, ctx);
    registerTranslate(parent, ctx);
    registerPull(parent, ctx);
  },
};
