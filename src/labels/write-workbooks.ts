/**
 * The writing half of `labels export`: streams CrmTranslations.xml (from a zip or bare) into one
 * or more translator's workbooks.
 * Display Strings rows arriving before the Localized Labels header are held (they are few) until
 * every language column of the file is known, then everything streams.
 */
import type { WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CrmKitError } from '../errors';
import { writeAllAtomically } from '../fs/atomic';
import type { NamedFile } from '../fs/open-input';
import type { Label, LabelSheet, Lcid, TranslationsHeader } from './crm-xml/model';
import type { TranslationsReadResult, TranslationsVisitor } from './crm-xml/read';
import { readLabels, type LabelWorkerFile } from './read-labels';
import type { BatchPolicy } from './read-protocol';
import type { ReturnedWork } from './returned-work';
import { createWorkbookWriter } from './workbook/write';
import { loadWorkbookWriter } from './workbook/exceljs-writer';
import { isMissing } from './workbook/label-row-xml';
import type { TableSuggester } from './memory/suggest';
import { rowsFromWorker } from './worker-rows';
import type { WorkbookRowInput, WorkbookWriter, WorkbookWriterOptions } from './workbook/types';
import { openTranslationsSource } from './source';

export interface ExportSummary {
  header: TranslationsHeader;
  fingerprint: string;
  targetLanguages: readonly Lcid[];
  rows: Record<LabelSheet, number>;
}

/** Picks the target columns: `requested` (checked against the file) or all non-base languages. */
export function targetLanguages(
  header: TranslationsHeader,
  requested: readonly Lcid[] | undefined,
  where: string,
): Lcid[] {
  const inFile = [
    ...new Set([...header.languages['Display Strings'], ...header.languages['Localized Labels']]),
  ].filter((l) => l !== header.baseLcid);
  if (requested === undefined) return inFile;
  for (const lcid of requested) {
    if (lcid === header.baseLcid) {
      throw new CrmKitError(
        'USAGE',
        `--lang ${lcid}: that is the base language of ${where}; give target languages`,
      );
    }
    if (!inFile.includes(lcid)) {
      throw new CrmKitError(
        'USAGE',
        `--lang ${lcid}: ${where} has no column for it (it has ${inFile.join(', ') || 'no target languages'})`,
      );
    }
  }
  return [...requested];
}

/** One workbook of an export (`--split`: one per language, all from one read of the XML). */
export interface ExportOutput {
  output: NamedFile;
  /** Target languages of this workbook; default every non-base language of the file. */
  languages?: readonly Lcid[];
  /** Only the labels with a text missing in this workbook's languages (`isMissing`) are rows. */
  missingOnly?: boolean;
  /** Fills the empty target cells of rows with the suggestions it has. */
  suggester?: TableSuggester;
  /** The translator's edits in the existing output, told of every row written (returned-work.ts). */
  returned?: ReturnedWork;
  /** Writes another format through the workbook's interface (XLIFF); default the workbook. */
  createWriter?: (out: Writable, options: WorkbookWriterOptions) => WorkbookWriter;
}

export interface WriteWorkbooksOptions {
  input: NamedFile;
  outputs: readonly ExportOutput[];
  maxSize?: number;
  /** Labels read (for progress). */
  onRows?: (n: number) => void;
  /** Called once every workbook is complete, before any replaces its output; throwing keeps them all. */
  beforeReplace?: () => void;
  /** The label reader's worker (default: the bundled one when it is there), or false for none. */
  worker?: boolean | LabelWorkerFile;
  /** How the worker batches the rows it makes (default: read-batches.ts). */
  batches?: BatchPolicy;
}

interface OutputState {
  spec: ExportOutput;
  out: WriteStream;
  done: Promise<void>;
  writer: WorkbookWriter | undefined;
  targets: Lcid[];
  /** Labels read before the target languages are known (mapped once they are). */
  held: Label[];
  rows: Record<LabelSheet, number>;
  started: Set<LabelSheet>;
}

/** Streams the translations file once into every output workbook. */
export async function writeWorkbooks(options: WriteWorkbooksOptions): Promise<ExportSummary[]> {
  const source = await openTranslationsSource(options.input.path, options.input.name, options.maxSize);
  try {
    return await writeAllAtomically(
      options.outputs.map((o) => o.output),
      async (temps) => {
        const states: OutputState[] = options.outputs.map((spec, i) => {
          const out = temps[i]!.openStream();
          const done = finished(out);
          done.catch(() => undefined);
          return {
            spec,
            out,
            done,
            writer: undefined,
            targets: [],
            held: [],
            rows: { 'Display Strings': 0, 'Localized Labels': 0 },
            started: new Set(),
          };
        });
        const start = (state: OutputState, sheet: LabelSheet): void => {
          if (state.writer === undefined || state.started.has(sheet)) return;
          state.started.add(sheet);
          state.writer.startSheet(sheet);
        };
        const add = (state: OutputState, label: Label): void => {
          if (state.spec.missingOnly === true && !isMissing(label, state.targets)) return;
          const suggestions = state.spec.suggester?.suggest(label, state.targets);
          const row: WorkbookRowInput = suggestions === undefined ? { label } : { label, suggestions };
          state.spec.returned?.settle(row, state.targets);
          state.rows[label.sheet]++;
          state.writer?.addRow(row);
        };
        const open = (state: OutputState, header: TranslationsHeader): WorkbookWriter => {
          state.targets = targetLanguages(header, state.spec.languages, source.where);
          const w = (state.spec.createWriter ?? createWorkbookWriter)(state.out, {
            sourceName: options.input.name,
            solutionName: header.solutionName,
            baseLcid: header.baseLcid,
            targetLanguages: state.targets,
          });
          state.writer = w;
          if (header.languages['Display Strings'].length > 0 || state.held.length > 0)
            start(state, 'Display Strings');
          for (const label of state.held) add(state, label);
          state.held.length = 0;
          return w;
        };
        let sheetNow: LabelSheet = 'Localized Labels';
        const rows = rowsFromWorker(states, () => sheetNow, options.onRows);
        const read = (
          visitor: TranslationsVisitor,
          pace: () => Promise<void>,
        ): Promise<TranslationsReadResult> =>
          readLabels(source, visitor, {
            pace,
            ...(options.worker === undefined ? {} : { worker: options.worker }),
            ...(options.batches === undefined ? {} : { batches: options.batches }),
            ...(rows === undefined ? {} : { rows }),
          });
        const reading = read(
          {
            sheet: (sheet, _languages, header) => {
              sheetNow = sheet;
              for (const state of states) {
                if (sheet === 'Localized Labels' && state.writer === undefined) open(state, header);
                start(state, sheet);
              }
            },
            label: (label) => {
              options.onRows?.(1);
              for (const state of states) {
                if (state.writer === undefined) state.held.push(label);
                else add(state, label);
              }
              return undefined;
            },
          },
          // Waits for each workbook's DEFLATE to catch up: without it rows queue up in memory.
          // A failed output ends the wait, and so the reader, instead of waiting for a drain forever.
          async () => {
            for (const state of states) await Promise.race([state.writer?.drain(), temps[0]?.failed]);
          },
        );
        // exceljs's writer, needed once the header is read, loads while the reader's thread starts.
        reading.catch(() => undefined);
        if (states.some((s) => s.spec.createWriter === undefined)) loadWorkbookWriter();
        const result = await reading;
        const summaries: ExportSummary[] = [];
        for (const state of states) {
          const w = state.writer ?? open(state, result.header);
          await w.finish(result.fingerprint);
          await state.done;
          summaries.push({
            header: result.header,
            fingerprint: result.fingerprint,
            targetLanguages: state.targets,
            rows: state.rows,
          });
        }
        options.beforeReplace?.();
        return summaries;
      },
    );
  } finally {
    await source.close();
  }
}
