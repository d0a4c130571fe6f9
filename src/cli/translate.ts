/**
 * `crmkit labels translate`: machine translation pre-fill of workbooks. Keys and service
 * addresses come only from the environment (see src/labels/translate/providers/env.ts).
 */
import { Option, type Command } from 'commander';
import { ExitCode } from '../errors';
import type { CommandContext } from './context';
import { loadLabels, type Lcid, type TranslateResult } from './features';
import { langOption, maxSizeOption, parseLanguages, parseSize, quietOption } from './options';
import { withProgress } from './progress';

const n = (x: number): string => x.toLocaleString('en-US');

const perLanguage = (m: ReadonlyMap<Lcid, number>): string =>
  [...m].map(([lcid, count]) => `${lcid}: ${n(count)}`).join(', ') || 'none';

const total = (m: ReadonlyMap<Lcid, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

interface TranslateCliOptions {
  provider: 'deepl' | 'azure' | 'openai';
  lang?: string;
  glossary?: string;
  memory: string[];
  dryRun?: boolean;
  maxSize: string;
  quiet?: boolean;
}

function print(ctx: CommandContext, result: TranslateResult, provider: string): void {
  for (const file of result.files) {
    if (result.dryRun) {
      ctx.io.stdout(
        `${file.input.name}: would send ${n(total(file.characters))} characters to ${provider} ` +
          `(${perLanguage(file.characters)}); ${n(total(file.suggested))} cell(s) from memory or glossary\n`,
      );
      continue;
    }
    for (const r of file.refused) {
      ctx.io.stderr(
        `refused: ${r.cells.join(', ')} (${r.lcid}): the ${provider} translation of "${r.base}" has ${r.why}; left empty\n`,
      );
    }
    for (const g of file.glossary) ctx.io.stderr(`${g.severity}: ${g.where}: ${g.message}\n`);
    ctx.io.stdout(
      `${file.input.name}: ${n(total(file.machine))} cell(s) machine translated by ${provider} (${perLanguage(file.machine)}), ` +
        `${n(total(file.suggested))} from memory or glossary, ${n(total(file.characters))} characters sent; ` +
        `machine translations are light blue with a note "machine translation: ${provider}, …" until reviewed\n`,
    );
  }
  if (result.dryRun) ctx.io.stdout('Dry run: nothing was sent and no file was changed\n');
}

export function registerTranslate(parent: Command, ctx: CommandContext): void {
  const command = parent
    .command('translate')
    .description('fill empty translations of workbooks by machine translation, marked for review')
    .argument('<workbooks...>', 'workbooks exported by crmkit labels export (changed in place)')
    .addOption(
      new Option('--provider <name>', 'the service; its key comes from the environment')
        .choices(['deepl', 'azure', 'openai'])
        .makeOptionMandatory(),
    );
  langOption(command, 'target languages, e.g. 1049,1026 (default: every language of the workbook)');
  command
    .option('--glossary <file>', 'a termbase (.tbx, or .csv with a header row of language codes or LCIDs)')
    .option(
      '--memory <file|folder>',
      'past translations used before the service (zips, xml, workbooks, .tmx); repeat for several',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--dry-run', 'print how many characters would be sent per language; send nothing');
  quietOption(maxSizeOption(command)).action(async (books: string[], o: TranslateCliOptions) => {
    const languages = o.lang === undefined ? undefined : parseLanguages(o.lang);
    const maxSize = parseSize(o.maxSize);
    const { translateLabels } = await loadLabels();
    const result = await withProgress(ctx.io, 'translating', o.quiet, (feed) =>
      translateLabels({
        inputs: books.map((b) => ctx.file(b)),
        provider: o.provider,
        languages,
        ...(o.glossary === undefined ? {} : { glossary: ctx.file(o.glossary) }),
        memory: o.memory.map((m) => ctx.file(m)),
        dryRun: o.dryRun === true,
        env: ctx.io.env,
        maxSize,
        ...feed,
      }),
    );
    print(ctx, result, o.provider);
    if (result.files.some((f) => f.glossary.some((g) => g.severity === 'error')))
      ctx.setExitCode(ExitCode.findings);
  });
}
