/**
 * `crmkit labels check`, `crmkit labels stats` and `crmkit labels memory build`: the translator
 * workflow's read-only commands (plus the memory file). Registered as a second `labels` group.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { CrmKitError, ExitCode } from '../errors';
import { abandonStream, writeAtomically } from '../fs/atomic';
import type { MemoryUnit } from '../labels/memory/memory';
import { tmxChunks } from '../labels/memory/tmx-write';
import { createChecker } from '../labels/check/checker';
import { keptNames, parseKeptNames } from '../labels/check/kept-names';
import { countBySeverity, type CheckEntry, type QaProblem } from '../labels/check/problem';
import { problemsJson, problemsTable, statsJson, statsTable } from '../labels/check/report';
import { createStatsCounter, type StatsCounter } from '../labels/check/stats';
import { describeLabel } from '../labels/crm-xml/describe';
import { LABEL_SHEETS, type Lcid } from '../labels/crm-xml/model';
import type { CommandContext } from './context';
import type { CommandGroup } from './commands';
import { BASE_FROM_RESULT, readLabelInput, type InputResult } from '../labels/label-input';
import { loadMemory } from '../labels/load-memory';
import { parseSize } from './labels';
import { createProgress } from './progress';

const TOOL_VERSION = '0.1.0';

function count(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new CrmKitError('USAGE', `${flag} ${value}: expected a whole number`);
  return Number(value);
}

/** A refused workbook row becomes an error of the check, with its place. */
function workbookProblem(p: InputResult['problems'][number], baseLcid: Lcid): QaProblem {
  const sheet = LABEL_SHEETS.find((s) => p.where.includes(`› ${s}`)) ?? 'Localized Labels';
  return {
    severity: 'error',
    code: 'workbook-row',
    sheet,
    key: p.where,
    lcid: baseLcid,
    message: `${p.message} (${p.code})`,
  };
}

interface CheckOptions {
  json?: boolean;
  maxWarnings?: string;
  keep?: string;
  maxSize: string;
  quiet?: boolean;
}

async function check(ctx: CommandContext, file: string, opts: CheckOptions): Promise<void> {
  const maxWarnings = opts.maxWarnings === undefined ? undefined : count(opts.maxWarnings, '--max-warnings');
  let extra: string[] = [];
  if (opts.keep !== undefined) {
    const keepFile = ctx.resolve(opts.keep);
    const text = await readFile(keepFile, 'utf8').catch(() => {
      throw new CrmKitError('FILE_NOT_FOUND', `--keep ${opts.keep ?? ''}: no such file`);
    });
    extra = parseKeptNames(text);
  }
  const checker = createChecker({ isKeptName: keptNames(extra) });
  const progress = createProgress(ctx.io, 'checking', { quiet: opts.quiet === true });
  let result: InputResult;
  try {
    const maxEntrySize = parseSize(opts.maxSize);
    result = await readLabelInput(
      ctx.resolve(file),
      ({ baseLcid }) =>
        (row) => {
          const entry: CheckEntry = {
            sheet: row.sheet,
            entity: row.entity,
            objectId: row.objectId,
            column: row.column,
            baseLcid,
            base: row.base,
            targets: row.targets,
            ...(row.cells === undefined ? {} : { cells: row.cells }),
          };
          checker.add(entry);
          progress.tick();
        },
      { maxEntrySize },
    );
  } finally {
    progress.done();
  }
  const base = (lcid: Lcid): Lcid => (lcid === BASE_FROM_RESULT ? result.baseLcid : lcid);
  const problems = [
    ...result.problems.map((p) => workbookProblem(p, result.baseLcid)),
    ...checker.finish().map((p) => ({ ...p, lcid: base(p.lcid) })),
  ];
  ctx.io.stdout(opts.json === true ? problemsJson(problems) : problemsTable(problems, result.rows));
  const counts = countBySeverity(problems);
  if (counts.error > 0) ctx.setExitCode(ExitCode.findings);
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    if (opts.json !== true)
      ctx.io.stderr(`crmkit: ${counts.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
    ctx.setExitCode(ExitCode.findings);
  }
}

async function stats(
  ctx: CommandContext,
  file: string,
  opts: { json?: boolean; maxSize: string; quiet?: boolean },
): Promise<void> {
  let counter: StatsCounter | undefined;
  const progress = createProgress(ctx.io, 'counting', { quiet: opts.quiet === true });
  let result: InputResult;
  try {
    result = await readLabelInput(
      ctx.resolve(file),
      ({ baseLcid, targets }) => {
        const c = createStatsCounter(baseLcid, targets);
        counter = c;
        return (row) => {
          c.add(describeLabel(row).kind, row.base, row.targets);
          progress.tick();
        };
      },
      { maxEntrySize: parseSize(opts.maxSize) },
    );
  } finally {
    progress.done();
  }
  const c = counter ?? createStatsCounter(result.baseLcid, result.targets);
  c.include(result.targets);
  const raw = c.result();
  const base = (lcid: Lcid): Lcid => (lcid === BASE_FROM_RESULT ? result.baseLcid : lcid);
  const coverage = {
    baseLcid: result.baseLcid,
    languages: raw.languages.map((l) => ({ ...l, lcid: base(l.lcid) })),
    kinds: raw.kinds.map((k) => ({
      ...k,
      translated: k.translated.map((t) => ({ ...t, lcid: base(t.lcid) })),
    })),
  };
  ctx.io.stdout(opts.json === true ? statsJson(coverage) : statsTable(coverage));
}

async function memoryBuild(
  ctx: CommandContext,
  inputs: readonly string[],
  opts: { output: string; maxSize: string; quiet?: boolean },
): Promise<void> {
  const output = ctx.resolve(opts.output);
  if (path.extname(output).toLowerCase() !== '.tmx') {
    throw new CrmKitError('USAGE', `-o ${opts.output}: the memory file must end in .tmx`);
  }
  const progress = createProgress(ctx.io, 'reading', { quiet: opts.quiet === true });
  let loaded;
  try {
    loaded = await loadMemory(
      inputs.map((i) => ctx.resolve(i)),
      { exclude: [output], maxEntrySize: parseSize(opts.maxSize), onRows: (n) => progress.tick(n) },
    );
  } finally {
    progress.done();
  }
  const { memory, files } = loaded;
  if (memory.size === 0) {
    throw new CrmKitError(
      'VALIDATION',
      `no translations found in ${files.length} file(s); nothing to put in ${opts.output}`,
    );
  }
  // Units stream from the memory to the file; only the first is looked at ahead (its base language).
  let baseLcid: Lcid = 1033;
  for (const unit of memory.units()) {
    baseLcid = unit.baseLcid;
    break;
  }
  let baseTexts = 0;
  function* counted(): Generator<MemoryUnit> {
    for (const unit of memory.units()) {
      baseTexts++;
      yield unit;
    }
  }
  await writeAtomically(output, async (temp) => {
    const out = createWriteStream(temp);
    try {
      for (const chunk of tmxChunks(counted(), {
        baseLcid,
        createdAt: new Date(),
        toolVersion: TOOL_VERSION,
      })) {
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.end();
      await finished(out);
    } catch (e) {
      await abandonStream(out);
      throw e;
    }
  });
  ctx.io.stdout(
    `${opts.output}: ${memory.size.toLocaleString('en-US')} translations of ${baseTexts.toLocaleString('en-US')} base texts from ${files.length} file(s)\n`,
  );
}

export const labelsQaGroup: CommandGroup = {
  name: 'labels',
  description: 'Translate solution labels in Excel: export, import, check, stats, memory',
  register(parent: Command, ctx: CommandContext) {
    parent
      .command('check')
      .description('find label problems that fail an import or look broken (errors, warnings, info)')
      .argument('<file>', 'translations zip, CrmTranslations.xml or workbook (.xlsx)')
      .option('--json', 'print {"problems":[…]} instead of a table')
      .option('--max-warnings <n>', 'also fail (exit 1) when there are more than n warnings')
      .option('--keep <file>', 'names kept untranslated without a warning, one per line')
      .option('--max-size <size>', 'largest XML accepted inside a zip, e.g. 2GiB', '1GiB')
      .option('--quiet', 'no progress line')
      .exitOverride()
      .action((file: string, opts: CheckOptions) => check(ctx, file, opts));

    parent
      .command('stats')
      .description('translation coverage per language and per component kind')
      .argument('<file>', 'translations zip, CrmTranslations.xml or workbook (.xlsx)')
      .option('--json', 'print {"languages":[…],"kinds":[…]} instead of a table')
      .option('--max-size <size>', 'largest XML accepted inside a zip, e.g. 2GiB', '1GiB')
      .option('--quiet', 'no progress line')
      .exitOverride()
      .action((file: string, opts: { json?: boolean; maxSize: string; quiet?: boolean }) =>
        stats(ctx, file, opts),
      );

    const memory = parent
      .command('memory')
      .description('translation memory (TMX 1.4) of past translations')
      .exitOverride();
    memory
      .command('build')
      .description(
        'collect translations from zips, CrmTranslations.xml, workbooks and TMX files into one TMX',
      )
      .argument('<inputs...>', 'files or folders (searched for .zip, .xml, .xlsx, .tmx)')
      .requiredOption('-o, --output <memory.tmx>', 'the TMX file to write')
      .option('--max-size <size>', 'largest XML accepted inside a zip, e.g. 2GiB', '1GiB')
      .option('--quiet', 'no progress line')
      .exitOverride()
      .action((inputs: string[], opts: { output: string; maxSize: string; quiet?: boolean }) =>
        memoryBuild(ctx, inputs, opts),
      );
  },
};
