/**
 * The translator-workflow side of `labels export`: `--split` (one workbook per target language,
 * one read of the XML), `--missing-only` (only rows untranslated in the workbook's languages),
 * `--memory` (fill empty cells from past translations and from the file itself, marked for review)
 * and the progress line. The round trip itself is `exportLabelsTo` in src/labels/export.ts.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CrmKitError } from '../errors';
import { exportLabelsTo, targetLanguages, type ExportOutput, type FileArg } from './write-workbooks';
import { openTranslationsSource } from './source';
import { createMemory, type MemoryOptions, type TranslationMemory } from './memory/memory';
import { createWantedBases } from './memory/wanted';
import { createSuggester, type Suggester } from './memory/suggest';
import { displayKey, type Label, type Lcid, type TranslationsHeader } from './crm-xml/model';
import { readTranslations } from './crm-xml/read';
import type { WorkbookRowInput } from './workbook/types';
import type { CommandContext } from '../cli/context';
import { readLabelInput } from './label-input';
import { loadMemory } from './load-memory';
import { createProgress, type Progress } from '../cli/progress';

export interface TranslatorExportOptions {
  output: string;
  languages: readonly Lcid[] | undefined;
  maxSize: number;
  split?: boolean;
  missingOnly?: boolean;
  memory?: readonly string[];
  /** Suggest translations found elsewhere in the same file (always on with `memory`). */
  consistency?: boolean;
  quiet?: boolean;
}

/** True when the export needs more than the plain round trip. */
export function wantsTranslatorExport(opts: {
  split?: boolean;
  missingOnly?: boolean;
  memory?: readonly string[];
  consistency?: boolean;
}): boolean {
  return (
    opts.split === true ||
    opts.missingOnly === true ||
    opts.consistency === true ||
    (opts.memory?.length ?? 0) > 0
  );
}

const n = (x: number): string => x.toLocaleString('en-US');

/** Reads just far enough to know the file's languages (the Localized Labels header row). */
async function peekHeader(input: FileArg, maxSize: number): Promise<TranslationsHeader> {
  const source = await openTranslationsSource(input.path, input.name, maxSize);
  const found = { header: undefined as TranslationsHeader | undefined };
  const stop = new Error('header read');
  try {
    const result = await readTranslations(source.xml(), source.where, {
      sheet(sheet, _languages, header) {
        if (sheet !== 'Localized Labels') return;
        found.header = header;
        throw stop;
      },
    });
    return result.header;
  } catch (e) {
    if (e === stop && found.header !== undefined) return found.header;
    throw e;
  } finally {
    await source.close();
  }
}

function isMissing(label: Label, targets: readonly Lcid[]): boolean {
  return targets.some((lcid) => (label.texts.get(lcid) ?? '').trim() === '');
}

/**
 * First read for suggestions: which base texts have a row with an empty cell in which language.
 * Only those cells can get a suggestion, so the memories keep nothing else.
 */
async function wantedTranslations(
  input: FileArg,
  maxSize: number,
  progress: Progress,
): Promise<NonNullable<MemoryOptions['keep']>> {
  const wanted = createWantedBases();
  const result = await readLabelInput(
    input.path,
    () => (row) => {
      wanted.note(row.base, row.targets);
      progress.tick();
    },
    { maxEntrySize: maxSize },
  );
  return (baseLcid, base, lcid) => baseLcid === result.baseLcid && wanted.wants(base, lcid);
}

/** The file's own translations, remembered with the row each stands in (consistency). */
async function sameFileMemory(
  input: FileArg,
  maxSize: number,
  progress: Progress,
  keep: MemoryOptions['keep'],
): Promise<TranslationMemory> {
  const memory = createMemory(keep === undefined ? {} : { keep });
  await readLabelInput(
    input.path,
    ({ baseLcid }) =>
      (row) => {
        const place = (): string => `this file, ${displayKey(row)}`;
        for (const [lcid, text] of row.targets) memory.add(baseLcid, row.base, lcid, text, place);
        progress.tick();
      },
    { maxEntrySize: maxSize },
  );
  return memory;
}

function mapRowFor(
  opts: TranslatorExportOptions,
  suggester: Suggester | undefined,
): (label: Label, targets: readonly Lcid[]) => WorkbookRowInput | undefined {
  return (label, targets) => {
    if (opts.missingOnly === true && !isMissing(label, targets)) return undefined;
    const suggestions = suggester?.suggest(label, targets);
    return suggestions === undefined ? { label } : { label, suggestions };
  };
}

async function splitOutputs(
  ctx: CommandContext,
  input: FileArg,
  opts: TranslatorExportOptions,
  header: TranslationsHeader,
  mapRow: ExportOutput['mapRow'],
): Promise<ExportOutput[]> {
  const folder = ctx.resolve(opts.output);
  const existing = await stat(folder).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new CrmKitError('USAGE', `-o ${opts.output}: with --split, -o names a folder, and this is a file`);
  }
  if (existing === undefined) await mkdir(folder, { recursive: true });
  const stem = path.basename(input.name).replace(/\.(zip|xml)$/i, '');
  return targetLanguages(header, opts.languages, input.name).map((lcid) => {
    const file = `${stem}.${lcid}.xlsx`;
    return {
      output: { path: path.join(folder, file), name: path.join(opts.output, file) },
      languages: [lcid],
      mapRow,
    };
  });
}

export async function exportForTranslators(
  ctx: CommandContext,
  inputName: string,
  opts: TranslatorExportOptions,
): Promise<void> {
  const input: FileArg = { path: ctx.resolve(inputName), name: inputName };
  if (opts.split !== true && !/\.xlsx$/i.test(opts.output)) {
    throw new CrmKitError(
      'USAGE',
      `-o ${opts.output}: the workbook must be an .xlsx file (or use --split with a folder)`,
    );
  }
  const progress = createProgress(ctx.io, 'exporting', { quiet: opts.quiet === true });
  try {
    const header = await peekHeader(input, opts.maxSize);
    let suggester: Suggester | undefined;
    let memoryFiles = 0;
    const withMemory = opts.memory !== undefined && opts.memory.length > 0;
    if (withMemory || opts.consistency === true) {
      progress.phase('reading the file for empty cells');
      const keep = await wantedTranslations(input, opts.maxSize, progress);
      let memory: TranslationMemory | undefined;
      if (withMemory) {
        progress.phase('reading memory');
        const loaded = await loadMemory(
          (opts.memory ?? []).map((m) => ctx.resolve(m)),
          { exclude: [input.path], maxEntrySize: opts.maxSize, onRows: (k) => progress.tick(k), keep },
        );
        memoryFiles = loaded.files.length;
        memory = loaded.memory;
      }
      progress.phase('reading the file for consistency');
      const sameFile = await sameFileMemory(input, opts.maxSize, progress, keep);
      suggester = createSuggester({
        baseLcid: header.baseLcid,
        sameFile,
        ...(memory === undefined ? {} : { memory }),
      });
    }
    const mapRow = mapRowFor(opts, suggester);
    const outputs: ExportOutput[] =
      opts.split === true
        ? await splitOutputs(ctx, input, opts, header, mapRow)
        : [
            {
              output: { path: ctx.resolve(opts.output), name: opts.output },
              languages: opts.languages,
              mapRow,
            },
          ];
    for (const o of outputs) {
      if (path.resolve(o.output.path) === path.resolve(input.path)) {
        throw new CrmKitError(
          'USAGE',
          `-o ${o.output.name}: would overwrite the input ${input.name}; inputs are never modified`,
        );
      }
    }
    progress.phase('exporting');
    const summaries = await exportLabelsTo({
      input,
      outputs,
      maxSize: opts.maxSize,
      onLabel: () => progress.tick(),
    });
    progress.done();
    summaries.forEach((summary, i) => {
      const ll = summary.rows['Localized Labels'];
      const ds = summary.rows['Display Strings'];
      ctx.io.stdout(
        `Exported ${n(ll + ds)} labels${opts.missingOnly === true ? ' still untranslated' : ''} (Localized Labels ${n(ll)}, Display Strings ${n(ds)}), ` +
          `languages ${summary.targetLanguages.join(', ') || 'none'} → ${outputs[i]?.output.name ?? ''}\n`,
      );
    });
    if (suggester !== undefined) {
      const filled = [...suggester.filled].map(([lcid, count]) => `${lcid}: ${n(count)}`).join(', ');
      const total = [...suggester.filled.values()].reduce((a, b) => a + b, 0);
      ctx.io.stdout(
        `Filled ${n(total)} empty cell(s) ${withMemory ? `from memory (${memoryFiles} file(s)) and ` : ''}from this file${filled === '' ? '' : ` (${filled})`}; ` +
          `they are marked light yellow with a note "from memory: …" for review\n`,
      );
    }
  } finally {
    progress.done();
  }
}
