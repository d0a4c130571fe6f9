/**
 * Reads a worksheet's rows with the part scanned in a worker thread (read-sheet-worker.ts): the
 * inflating, UTF-8 decoding and XML scanning run on one core while the rows are checked on the
 * other. Same rows, same order, same errors as reading in this thread (sheet-rows.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorOfThreadFailure } from '../../errors';
import {
  unpackRows,
  type FromSheetWorker,
  type RowHashing,
  type SheetWorkerInput,
} from './read-sheet-protocol';
import type { RawRow } from './sheet-rows';

/** The worker's code: its file, or a script that loads it (e.g. through a TypeScript loader in tests). */
export type SheetWorkerFile = { url: URL } | { script: string };

/** Built next to dist/crmkit.js by scripts/build-cli.js; absent when running the TypeScript. */
const bundled = new URL('./labels-sheet-worker.js', import.meta.url);

export function bundledSheetWorker(): SheetWorkerFile | undefined {
  return bundled.protocol === 'file:' && existsSync(fileURLToPath(bundled)) ? { url: bundled } : undefined;
}

export async function readSheetRowsInWorker(
  worker: SheetWorkerFile,
  file: { path: string; maxEntryBytes: number },
  part: string,
  fileName: string,
  sharedStrings: readonly string[],
  onRow: (row: RawRow) => unknown,
  hashing?: RowHashing,
): Promise<void> {
  const input: SheetWorkerInput = {
    file: file.path,
    part,
    fileName,
    maxEntryBytes: file.maxEntryBytes,
    ...(hashing === undefined ? {} : { hashing }),
  };
  const thread = new Worker('url' in worker ? worker.url : worker.script, {
    eval: !('url' in worker),
    workerData: input,
    // Short-lived strings only. Since the sheet is decoded and batched in pieces under 64 KB, a
    // 16 MB young generation saves no measurable time over 8 MB and costs 12–15 MB at the peak
    // (import of 1,000,000 labels: 255–260 → 243–244 MB, 11.6 → 11.1–12.2 s CPU).
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  let over = false;
  try {
    await new Promise<void>((resolve, reject) => {
      thread.on('error', reject);
      thread.on('exit', () => reject(new Error('the worksheet reader stopped unexpectedly')));
      thread.on('message', (m: FromSheetWorker) => {
        if (over) return;
        try {
          switch (m.type) {
            case 'rows':
              for (const row of unpackRows(m.ints, m.text, sharedStrings)) {
                // Stopped early: the rest of the part is not needed.
                if (onRow(row) === false) {
                  over = true;
                  resolve();
                  return;
                }
              }
              thread.postMessage('ack');
              break;
            case 'done':
              over = true;
              resolve();
              break;
            case 'error':
            case 'crash':
              reject(errorOfThreadFailure(m));
              break;
          }
        } catch (e) {
          over = true;
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    });
  } finally {
    await thread.terminate();
  }
}
