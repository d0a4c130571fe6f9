/**
 * Worker-thread side of `readLabels`: opens the translations source again, reads it, and posts
 * labels in batches (one string per batch, fields joined by U+0000, which XML cannot carry),
 * waiting for the main thread to acknowledge so that memory stays flat.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { threadFailure } from '../errors';
import type { LabelSheet, Lcid } from './crm-xml/model';
import { readTranslations } from './crm-xml/read';
import { openTranslationsSource } from './source';
import type { ToMain, WorkerInput } from './read-protocol';

/**
 * Labels per message. Small: a label's texts are slices of the scanner's text and keep it alive
 * until the batch is sent, and the main thread holds the batches in flight.
 */
const BATCH = 250;
const IN_FLIGHT = 2;

async function main(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  const post = (m: ToMain): void => port.postMessage(m);
  let outstanding = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    outstanding--;
    wake?.();
  });
  const source = await openTranslationsSource(input.file, input.name, input.maxSize);
  try {
    const languages: Partial<Record<LabelSheet, readonly Lcid[]>> = {};
    let batch: string[] = [];
    let count = 0;
    const flush = (): void => {
      if (count === 0) return;
      post({ type: 'labels', count, data: batch.join('\u0000') });
      outstanding++;
      batch = [];
      count = 0;
    };
    async function* paced(): AsyncGenerator<Buffer> {
      for await (const chunk of source.xml()) {
        while (outstanding >= IN_FLIGHT) await new Promise<void>((r) => (wake = r));
        yield chunk;
      }
    }
    const result = await readTranslations(paced(), source.where, {
      sheet: (sheet, langs, header) => {
        flush();
        languages[sheet] = langs;
        post({ type: 'sheet', sheet, languages: [...langs], header });
      },
      label: (label) => {
        batch.push(label.sheet === 'Display Strings' ? 'D' : 'L', label.entity, label.objectId, label.column);
        for (const lcid of languages[label.sheet] ?? []) batch.push(label.texts.get(lcid) ?? '');
        if (++count >= BATCH) flush();
        return undefined;
      },
    });
    flush();
    post({ type: 'done', result });
  } catch (e) {
    post(threadFailure(e));
  } finally {
    await source.close();
    port.close();
  }
}

if (parentPort !== null) void main(parentPort, workerData as WorkerInput);
