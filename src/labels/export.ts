/**
 * `labels export`, every form through one path: the plain workbook, `--split` (one workbook per
 * target language, one read of the XML), `--missing-only` (only rows untranslated in the
 * workbook's languages), `--memory` and `--consistency` (empty cells filled with suggestions,
 * marked for review). The streaming itself is `writeWorkbooks` in write-workbooks.ts. XLIFF
 * (`--format xliff`, `--xliff 2.0`, or `-o *.xlf`) goes through the same path, one target language
 * per file (export-format.ts, xliff-writer.ts).
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CrmKitError } from '../errors';
import type { NamedFile } from '../fs/open-input';
import { errnoOf, outputError } from '../fs/write-error';
import type { LabelSheet, Lcid, TranslationsHeader } from './crm-xml/model';
import { readTranslations } from './crm-xml/read';
import { refuseInputAsOutput } from './outputs';
import { readReturnedWork, refuseLosingEdits, type ReturnedWork } from './returned-work';
import type { ProgressCallbacks } from './progress-callbacks';
import { refuseOtherSpreadsheet } from './other-spreadsheets';
import { openTranslationsSource } from './source';
import { prepareExportSuggestions, type ExportSuggestions } from './export-suggestions';
import { englishCaptionsFor } from './workbook/captions';
import { targetLanguages, writeWorkbooks } from './write-workbooks';
import {
  exportFormat,
  isXliffName,
  refuseSeveralTargets,
  sourceFingerprint,
  splitExtension,
  type ExportFormat,
} from './export-format';
import type { XliffVersion } from './xliff';
import { xliffWriterFactory } from './xliff-writer';
import { readReturnedXliff } from './xliff-input';

export interface ExportOptions extends ProgressCallbacks {
  /** The "Export Translations" zip or a CrmTranslations.xml. */
  input: NamedFile;
  /** The workbook (.xlsx) to write; with `split`, the folder to write one workbook per language into. */
  output: NamedFile;
  /** Target languages in this order; default every non-base language of the file. */
  languages?: readonly Lcid[];
  /** Largest XML accepted inside the zip, in bytes. */
  maxSize?: number;
  split?: boolean;
  /** Only the rows with an empty cell in the workbook's languages. */
  missingOnly?: boolean;
  /** Fill empty cells from past translations: files and folders. */
  memory?: readonly NamedFile[];
  /** Fill empty cells from translations of the same text elsewhere in the file (always on with `memory`). */
  consistency?: boolean;
  /** Overwrite existing workbooks even when they hold a translator's edits. */
  force?: boolean;
  /** Default: XLIFF when `output` is named .xlf / .xliff or `xliffVersion` is given, else the workbook. */
  format?: ExportFormat;
  /** XLIFF version (default 1.2). */
  xliffVersion?: XliffVersion;
}

export interface ExportedWorkbook {
  output: NamedFile;
  targetLanguages: readonly Lcid[];
  rows: Record<LabelSheet, number>;
}

export interface ExportResult {
  format: ExportFormat;
  header: TranslationsHeader;
  fingerprint: string;
  workbooks: ExportedWorkbook[];
  /**
   * Target languages crmkit has no workbook words of its own in (e.g. 1031, 1036): their
   * workbooks' headers, context and notes are in English. Each once, in the order met.
   */
  englishCaptions: Lcid[];
  /** Present when empty cells were filled (`memory` or `consistency`). */
  suggestions?: {
    filled: ReadonlyMap<Lcid, number>;
    /** Memory files read (undefined with `consistency` alone). */
    memoryFiles: number | undefined;
  };
}

/** Reads just far enough to know the file's languages (the Localized Labels header row). */
async function peekHeader(input: NamedFile, maxSize: number | undefined): Promise<TranslationsHeader> {
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

/**
 * The folder `-o` names is made (as `mkdir` would), its parent is not: a typing mistake in a
 * path does not silently grow a tree of folders. A single workbook's folder must exist too.
 */
async function refuseMissingParent(folder: NamedFile): Promise<void> {
  const parent = await stat(path.dirname(folder.path)).catch(() => undefined);
  if (parent?.isDirectory() !== true) {
    throw new CrmKitError(
      'IO',
      `${folder.name}: cannot write, folder ${path.dirname(folder.name)} does not exist`,
    );
  }
}

interface ExportPlan {
  /** Known beforehand with `split` (its outputs depend on it), else from the write. */
  header: TranslationsHeader | undefined;
  outputs: { output: NamedFile; languages: readonly Lcid[] | undefined }[];
}

/**
 * With `split`, one workbook (or XLIFF) per target language in the folder `-o`, which must not be
 * a file. A single XLIFF holds exactly one target language.
 */
async function planOutputs(o: ExportOptions, format: ExportFormat): Promise<ExportPlan> {
  if (o.split !== true && format === 'xliff') {
    const header = await peekHeader(o.input, o.maxSize);
    const languages = targetLanguages(header, o.languages, o.input.name);
    refuseSeveralTargets(languages, o, o.input);
    return { header, outputs: [{ output: o.output, languages }] };
  }
  if (o.split !== true) return { header: undefined, outputs: [{ output: o.output, languages: o.languages }] };
  if (/\.xlsx$/i.test(o.output.name) || isXliffName(o.output.name)) {
    const kind = isXliffName(o.output.name) ? 'an XLIFF file' : 'an .xlsx file';
    throw new CrmKitError(
      'USAGE',
      `-o ${o.output.name}: with --split, -o names the folder the ${format === 'xliff' ? 'files' : 'workbooks'} are written into, not ${kind}`,
    );
  }
  const existing = await stat(o.output.path).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new CrmKitError(
      'USAGE',
      `-o ${o.output.name}: with --split, -o names a folder, and this is a file`,
    );
  }
  if (existing === undefined) await refuseMissingParent(o.output);
  const header = await peekHeader(o.input, o.maxSize);
  const stem = path.basename(o.input.name).replace(/\.(zip|xml)$/i, '');
  const outputs = targetLanguages(header, o.languages, o.input.name).map((lcid) => {
    const file = `${stem}.${lcid}${splitExtension(format)}`;
    return {
      output: { path: path.join(o.output.path, file), name: path.join(o.output.name, file) },
      languages: [lcid],
    };
  });
  return { header, outputs };
}

export async function exportLabels(o: ExportOptions): Promise<ExportResult> {
  const format = exportFormat(o);
  refuseOtherSpreadsheet(o.input, 'translations');
  const plan = await planOutputs(o, format);
  for (const p of plan.outputs) refuseInputAsOutput(p.output, [o.input]);

  const memory = o.memory ?? [];
  const suggestions =
    memory.length > 0 || o.consistency === true
      ? await prepareExportSuggestions({ ...o, memory })
      : undefined;
  return writeExport(o, format, plan, suggestions);
}

async function writeExport(
  o: ExportOptions,
  format: ExportFormat,
  plan: ExportPlan,
  suggestions: ExportSuggestions | undefined,
): Promise<ExportResult> {
  if (o.split === true) {
    await mkdir(o.output.path).catch((e: unknown) => {
      if (errnoOf(e) !== 'EEXIST') throw outputError(e, o.output.name);
    });
  }
  const returned = new Map<NamedFile, ReturnedWork>();
  const createWriter =
    format === 'xliff'
      ? xliffWriterFactory({
          version: o.xliffVersion ?? '1.2',
          fingerprint: await sourceFingerprint(o.input, o.maxSize),
        })
      : undefined;
  if (o.force !== true) {
    for (const p of plan.outputs) {
      const work = format === 'xliff' ? await readReturnedXliff(p.output) : await readReturnedWork(p.output);
      if (work !== undefined) returned.set(p.output, work);
    }
  }
  o.onPhase?.('exporting');
  const summaries = await writeWorkbooks({
    input: o.input,
    outputs: plan.outputs.map((p) => {
      const work = returned.get(p.output);
      return {
        ...p,
        missingOnly: o.missingOnly === true,
        ...(suggestions === undefined ? {} : { suggester: suggestions.suggester }),
        ...(work === undefined ? {} : { returned: work }),
        ...(createWriter === undefined ? {} : { createWriter }),
      };
    }),
    beforeReplace: () => refuseLosingEdits([...returned.values()]),
    maxSize: o.maxSize,
    ...(o.onRows === undefined ? {} : { onRows: o.onRows }),
  });
  const first = summaries[0];
  // --split of a file without target languages writes no workbook; its header is known.
  const header = first?.header ?? plan.header;
  if (header === undefined) throw new Error('an export without outputs and without a header');
  return {
    format,
    header,
    fingerprint: first?.fingerprint ?? '',
    englishCaptions: [...new Set(summaries.flatMap((s) => englishCaptionsFor(s.targetLanguages)))],
    workbooks: summaries.map((s, i) => ({
      output: plan.outputs[i]!.output,
      targetLanguages: s.targetLanguages,
      rows: s.rows,
    })),
    ...(suggestions === undefined
      ? {}
      : { suggestions: { filled: suggestions.suggester.filled, memoryFiles: suggestions.memoryFiles } }),
  };
}
