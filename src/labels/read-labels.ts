/**
 * Reads the labels of a translations source for export: in a worker thread when the bundled
 * worker is there (the XML is scanned on one core while the workbook is written on the other),
 * otherwise in this thread. Same visitor calls, same order, same result either way.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorOfThreadFailure } from '../errors';
import type { Label, LabelSheet, Lcid } from './crm-xml/model';
import { readTranslations, type TranslationsReadResult, type TranslationsVisitor } from './crm-xml/read';
import type { ToMain, WorkerInput } from './read-protocol';
import type { TranslationsSource } from './source';

/** Built next to dist/crmkit.js by scripts/build-cli.js; absent when running the TypeScript. */
const workerFile = new URL('./labels-read-worker.js', import.meta.url);

export function workerAvailable(): boolean {
  return workerFile.protocol === 'file:' && existsSync(fileURLToPath(workerFile));
}

export interface ReadLabelsOptions {
  /** Read in a worker thread (default: when the bundled worker is there). */
  worker?: boolean;
  /**
   * Awaited between batches of labels: the consumer's back-pressure (e.g. until the workbook
   * writer has compressed what it was given), so that a fast reader never runs far ahead.
   */
  pace?: () => Promise<void>;
}

/** Visits every label (the visitor's return value is ignored: no patching here). */
export async function readLabels(
  source: TranslationsSource,
  visitor: TranslationsVisitor,
  options: ReadLabelsOptions = {},
): Promise<TranslationsReadResult> {
  const pace = options.pace;
  if (!(options.worker ?? workerAvailable())) {
    if (pace === undefined) return readTranslations(source.xml(), source.where, visitor);
    const xml = source.xml();
    const paced = async function* (): AsyncGenerator<Buffer> {
      for await (const chunk of xml) {
        await pace();
        yield chunk;
      }
    };
    return readTranslations(paced(), source.where, visitor);
  }
  const input: WorkerInput = source.origin;
  // A small young generation keeps the reader's heap (mostly short-lived strings) tight.
  const worker = new Worker(workerFile, {
    workerData: input,
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const languages: Partial<Record<LabelSheet, readonly Lcid[]>> = {};
  try {
    return await new Promise<TranslationsReadResult>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', () => reject(new Error('the label reader stopped unexpectedly')));
      worker.on('message', (m: ToMain) => {
        try {
          switch (m.type) {
            case 'sheet':
              languages[m.sheet] = m.languages;
              visitor.sheet?.(m.sheet, m.languages, m.header);
              break;
            case 'labels':
              unpack(m.data, languages, visitor);
              if (pace === undefined) worker.postMessage('ack');
              else
                pace().then(
                  () => worker.postMessage('ack'),
                  (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
                );
              break;
            case 'done':
              resolve(m.result);
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
