/**
 * Runs readSuggestionLayer (suggestion-layer.ts) in a worker thread of its own when the bundled
 * worker is there, else on this thread: same layer either way. A worker's memory and garbage go
 * when it ends; only the packed layer (shared memory) comes back, copied here (own-copy.ts). Both
 * cores read at once when two layers are started together.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorOfThreadFailure, type ThreadFailure } from '../errors';
import { ownCopy } from './own-copy';
import type { LabelWorkerFile } from './read-labels';
import {
  readSuggestionLayer,
  type LayerRequest,
  type LayerResult,
  type WantedTable,
} from './suggestion-layer';

export type ToLayerWorker = { type: 'wanted'; wanted: WantedTable };

export type FromLayerWorker =
  { type: 'rows'; count: number } | { type: 'done'; result: LayerResult } | ThreadFailure;

export interface LayerJob {
  result: Promise<LayerResult>;
  /** Gives a `later` layer its wanted table. */
  giveWanted(wanted: WantedTable): void;
  /** Stops waiting for the table and the worker (another part failed); `result` rejects if not settled. */
  cancel(): void;
}

export interface LayerJobOptions {
  onRows?: (n: number) => void;
  /** A worker (default: when the bundled worker is there), or this thread (false). */
  worker?: boolean | LabelWorkerFile;
}

/** Built next to dist/crmkit.js by scripts/build-cli.js; absent when running the TypeScript. */
const workerFile = new URL('./suggestion-layer-worker.js', import.meta.url);

const available = (): boolean => workerFile.protocol === 'file:' && existsSync(fileURLToPath(workerFile));

function onThisThread(request: LayerRequest, options: LayerJobOptions): LayerJob {
  let give: (w: WantedTable) => void = () => undefined;
  let refuse: (e: Error) => void = () => undefined;
  const wanted = new Promise<WantedTable>((resolve, reject) => {
    give = resolve;
    refuse = reject;
  });
  // Not waited for unless the layer is `later`.
  wanted.catch(() => undefined);
  return {
    result: readSuggestionLayer(request, {
      wanted,
      ...(options.onRows === undefined ? {} : { onRows: options.onRows }),
    }),
    giveWanted: give,
    cancel: () => refuse(new Error('the suggestion layer was cancelled')),
  };
}

export function startSuggestionLayer(request: LayerRequest, options: LayerJobOptions = {}): LayerJob {
  const file =
    options.worker === true || options.worker === undefined
      ? available() && { url: workerFile }
      : options.worker;
  if (file === false) return onThisThread(request, options);
  const worker = new Worker('url' in file ? file.url : file.script, {
    eval: !('url' in file),
    workerData: request,
    // A small young generation keeps the reader's heap (mostly short-lived strings) tight.
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const result = new Promise<LayerResult>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', () => reject(new Error('the suggestion layer stopped unexpectedly')));
    worker.on('message', (m: FromLayerWorker) => {
      if (m.type === 'rows') options.onRows?.(m.count);
      else if (m.type === 'done') resolve(ownCopy(m.result));
      else reject(errorOfThreadFailure(m));
    });
  }).finally(() => worker.terminate());
  return {
    result,
    giveWanted: (wanted) => worker.postMessage({ type: 'wanted', wanted } satisfies ToLayerWorker),
    cancel: () => void worker.terminate(),
  };
}
