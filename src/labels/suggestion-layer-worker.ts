/**
 * Worker-thread side of startSuggestionLayer: reads one layer (suggestion-layer.ts) and posts it
 * back packed, with the rows read now and then (progress) and the wanted table when it comes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { threadFailure } from '../errors';
import { readSuggestionLayer, type LayerRequest, type WantedTable } from './suggestion-layer';
import type { FromLayerWorker, ToLayerWorker } from './suggestion-layer-thread';

/** Rows counted before the count is posted. */
const ROWS_POSTED = 4096;

async function main(port: NonNullable<typeof parentPort>, request: LayerRequest): Promise<void> {
  const post = (m: FromLayerWorker): void => port.postMessage(m);
  const wanted = new Promise<WantedTable>((resolve) =>
    port.on('message', (m: ToLayerWorker) => resolve(m.wanted)),
  );
  let rows = 0;
  const postRows = (): void => {
    if (rows > 0) post({ type: 'rows', count: rows });
    rows = 0;
  };
  try {
    const result = await readSuggestionLayer(request, {
      wanted,
      onRows: (n) => {
        rows += n;
        if (rows >= ROWS_POSTED) postRows();
      },
    });
    postRows();
    post({ type: 'done', result });
  } catch (e) {
    post(threadFailure(e));
  } finally {
    port.close();
  }
}

if (parentPort !== null) void main(parentPort, workerData as LayerRequest);
