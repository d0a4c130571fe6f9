/**
 * Reads the labels of a translations source for export: in a worker thread when the bundled
 * worker is there (the XML is scanned on one core while the workbook is written on the other),
 * otherwise in this thread. Same visitor calls, same order, same result either way; except that
 * the worker may be asked to make the workbook rows of a sheet itself (`rows`), which then come
 * as rows instead of labels.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorOfThreadFailure } from '../errors';
import type { Label, LabelSheet, Lcid } from './crm-xml/model';
import { readTranslations, type TranslationsReadResult, type TranslationsVisitor } from './crm-xml/read';
import type { PackedSuggestions } from './memory/suggestion-table';
import type { PackedWanted } from './memory/wanted';
import { ownCopy } from './own-copy';
import type { BatchPolicy, ToMain, ToWorker, WorkerInput } from './read-protocol';
import { visitWanted, type WantedReading } from './wanted-reading';
import type { TranslationsSource } from './source';
import type { RowRecipe } from './workbook/label-row-xml';

/** The worker's code: its file, or a script that loads it (e.g. through a TypeScript loader in tests). */
export type LabelWorkerFile = { url: URL } | { script: string };

/** Built next to dist/crmkit.js by scripts/build-cli.js; absent when running the TypeScript. */
const workerFile = new URL('./labels-read-worker.js', import.meta.url);

export function workerAvailable(): boolean {
  return workerFile.protocol === 'file:' && existsSync(fileURLToPath(workerFile));
}

/** Rows the worker makes instead of passing labels on (label-row-xml.ts). */
export interface RowsFromWorker {
  /**
   * Asked after the visitor's `sheet` call: the recipes to make the sheet's rows with (one row
   * per recipe and label), or undefined to have the sheet's labels visited.
   */
  recipes(sheet: LabelSheet): RowRecipe[] | undefined;
  /**
   * `count` labels of the current sheet made into rows with its recipes: by recipe, the rows made
   * of them, their XML as UTF-8 (the receiver's to keep) and the notes of their suggested cells.
   */
  add(count: number, rows: readonly number[], xml: readonly Uint8Array[], notes: readonly Int32Array[]): void;
  /** The suggestions of the recipes that ask for them, in layers (suggestion-table.ts). */
  suggestions?: readonly PackedSuggestions[];
}

export interface ReadLabelsOptions {
  /** Read in a worker thread (default: when the bundled worker is there), or in this one (false). */
  worker?: boolean | LabelWorkerFile;
  /** Have the worker make the rows of the sheets `recipes` gives recipes for (only in a worker). */
  rows?: RowsFromWorker;
  /** How the worker batches those sheets (default: read-batches.ts). */
  batches?: BatchPolicy;
  /**
   * Awaited between batches of labels: the consumer's back-pressure (e.g. until the workbook
   * writer has compressed what it was given), so that a fast reader never runs far ahead.
   */
  pace?: () => Promise<void>;
  /** Which labels the visitor is told of (wanted-reading.ts); default all. */
  wanted?: WantedReading;
  /** Labels `wanted` left out (for progress). */
  onSkipped?: (n: number) => void;
}

/** What was read, and the table noted when `wanted` is `collect`. */
export interface ReadLabelsResult extends TranslationsReadResult {
  wanted?: PackedWanted;
}

/** Reads on this thread. */
async function readHere(
  source: TranslationsSource,
  visitor: TranslationsVisitor,
  options: ReadLabelsOptions,
): Promise<ReadLabelsResult> {
  const { pace, onSkipped } = options;
  const wanted =
    options.wanted === undefined ? undefined : visitWanted(options.wanted, visitor, () => onSkipped?.(1));
  const xml = source.xml();
  const paced = async function* (): AsyncGenerator<Buffer> {
    for await (const chunk of xml) {
      await pace?.();
      yield chunk;
    }
  };
  const result = await readTranslations(
    pace === undefined ? xml : paced(),
    source.where,
    wanted?.visitor ?? visitor,
    undefined,
    { fingerprint: wanted === undefined },
  );
  const table = wanted?.table();
  return table === undefined ? result : { ...result, wanted: table };
}

/** Visits every label (the visitor's return value is ignored: no patching here). */
export async function readLabels(
  source: TranslationsSource,
  visitor: TranslationsVisitor,
  options: ReadLabelsOptions = {},
): Promise<ReadLabelsResult> {
  const pace = options.pace;
  const file =
    options.worker === true || options.worker === undefined
      ? workerAvailable() && { url: workerFile }
      : options.worker;
  if (file === false) return readHere(source, visitor, options);
  const rows = options.rows;
  const taken = rows === undefined ? undefined : new Int32Array(new SharedArrayBuffer(4));
  const input: WorkerInput = {
    ...source.origin,
    ...(taken === undefined ? {} : { taken }),
    ...(options.batches === undefined ? {} : { batches: options.batches }),
    ...(rows?.suggestions === undefined ? {} : { suggestions: rows.suggestions }),
    ...(options.wanted === undefined ? {} : { wanted: options.wanted }),
  };
  // A small young generation keeps the reader's heap (mostly short-lived strings) tight.
  const worker = new Worker('url' in file ? file.url : file.script, {
    eval: !('url' in file),
    workerData: input,
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const languages: Partial<Record<LabelSheet, readonly Lcid[]>> = {};
  try {
    return await new Promise<ReadLabelsResult>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', () => reject(new Error('the label reader stopped unexpectedly')));
      const send = (m: ToWorker): void => worker.postMessage(m);
      const tookIn = (): void => {
        if (taken !== undefined) Atomics.add(taken, 0, 1);
        if (pace === undefined) send({ type: 'ack' });
        else
          pace().then(
            () => send({ type: 'ack' }),
            (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
          );
      };
      worker.on('message', (m: ToMain) => {
        try {
          switch (m.type) {
            case 'sheet':
              languages[m.sheet] = m.languages;
              visitor.sheet?.(m.sheet, m.languages, m.header);
              if (rows !== undefined) send({ type: 'plan', sheet: m.sheet, recipes: rows.recipes(m.sheet) });
              break;
            case 'labels':
              unpack(m.data, languages, visitor);
              tookIn();
              break;
            case 'rows':
              if (rows === undefined) throw new Error('rows from the label reader that were not asked for');
              rows.add(m.count, m.rows, m.xml, m.notes);
              tookIn();
              break;
            case 'skipped':
              options.onSkipped?.(m.count);
              break;
            case 'done':
              resolve(m.wanted === undefined ? m.result : { ...m.result, wanted: ownCopy(m.wanted) });
              break;
            case 'error':
            case 'crash':
              reject(errorOfThreadFailure(m));
              break;
          }
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    });
  } finally {
    await worker.terminate();
  }
}

function unpack(
  data: string,
  languages: Partial<Record<LabelSheet, readonly Lcid[]>>,
  visitor: TranslationsVisitor,
): void {
  const f = data.split('\u0000');
  let i = 0;
  while (i < f.length) {
    const sheet: LabelSheet = f[i] === 'D' ? 'Display Strings' : 'Localized Labels';
    const label: Label = {
      sheet,
      entity: f[i + 1] ?? '',
      objectId: f[i + 2] ?? '',
      column: f[i + 3] ?? '',
      texts: new Map(),
    };
    i += 4;
    const texts = label.texts as Map<Lcid, string>;
    for (const lcid of languages[sheet] ?? []) texts.set(lcid, f[i++] ?? '');
    visitor.label?.(label);
  }
}
