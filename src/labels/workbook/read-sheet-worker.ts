/**
 * Worker-thread side of reading a worksheet (read-sheet-thread.ts): opens the workbook again,
 * inflates, decodes and scans the part, and posts its rows in batches, waiting for the reader to
 * acknowledge so that at most a few batches are in flight.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { threadFailure } from '../../errors';
import { openWorkbookPackage } from './package-entries';
import { RowPacker, rowHashes, type FromSheetWorker, type SheetWorkerInput } from './read-sheet-protocol';
import { sheetRowScanner, type RawRow } from './sheet-rows';

const IN_FLIGHT = 3;

async function main(port: NonNullable<typeof parentPort>, input: SheetWorkerInput): Promise<void> {
  let outstanding = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    outstanding--;
    wake?.();
  });
  const post = (m: FromSheetWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  const packer = new RowPacker();
  const send = (): void => {
    const { ints, text } = packer.take();
    post({ type: 'rows', ints, text }, [ints.buffer as ArrayBuffer]);
    outstanding++;
  };
  const limits = { maxEntryBytes: input.maxEntryBytes };
  const pkg = await openWorkbookPackage(
    { path: input.file },
    input.fileName,
    limits,
    Number.MAX_SAFE_INTEGER,
  );
  try {
    const hashing = input.hashing;
    const add = (row: RawRow): void => {
      if (hashing !== undefined) {
        const hashes = rowHashes(row, hashing);
        if (hashes !== undefined) row.hashes = hashes;
      }
      packer.add(row);
    };
    const scanner = sheetRowScanner(`${input.fileName} › ${input.part}`, undefined, add, { fast: true });
    for await (const chunk of pkg.chunks(input.part)) {
      scanner.write(chunk);
      if (!packer.full) continue;
      send();
      while (outstanding >= IN_FLIGHT) await new Promise<void>((r) => (wake = r));
    }
    scanner.close();
    if (!packer.empty) send();
    post({ type: 'done' });
  } finally {
    await pkg.close();
  }
}

if (parentPort !== null) {
  const port = parentPort;
  main(port, workerData as SheetWorkerInput)
    .catch((e: unknown) => {
      const m: FromSheetWorker = threadFailure(e);
      port.postMessage(m);
    })
    .finally(() => port.close());
}
