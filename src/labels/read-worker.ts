/**
 * Worker-thread side of `readLabels`: opens the translations source again, reads it, and posts
 * labels in batches (read-batches.ts), waiting for the main thread to acknowledge so that memory
 * stays flat.
 *
 * When the main thread asks for rows (`WorkerInput.taken`), each sheet's labels wait here until
 * the main thread's plan for the sheet comes: recipes (label-row-xml.ts) to make the sheet's
 * workbook rows with, or none. Sheets and labels keep their order either way.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { threadFailure } from '../errors';
import type { Label, LabelSheet, Lcid, TranslationsHeader } from './crm-xml/model';
import { readTranslations, type TranslationsVisitor } from './crm-xml/read';
import { openTranslationsSource } from './source';
import type { ToMain, ToWorker, WorkerInput } from './read-protocol';
import { Batches } from './read-batches';
import { SuggestionTable } from './memory/suggestion-table';
import { visitWanted } from './wanted-reading';

interface SheetEvent {
  sheet: LabelSheet;
  languages: readonly Lcid[];
  header: TranslationsHeader;
}

/** Batches posted and not yet acknowledged, at most. */
const IN_FLIGHT = 2;

/** Labels left out (wanted-reading.ts) counted before the count is posted. */
const SKIPPED_POSTED = 4096;

async function main(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  const post = (m: ToMain): void => port.postMessage(m);
  const table = input.suggestions === undefined ? undefined : new SuggestionTable(input.suggestions);
  const batches = new Batches(port, input.taken, input.batches, table);
  let wake: (() => void) | undefined;
  /** The sheet posted last whose plan has not come yet (only when rows are asked for). */
  let unplanned: LabelSheet | undefined;
  /** Sheets and labels waiting for that plan, in order. */
  let waiting: (SheetEvent | Label)[] = [];
  const languages: Partial<Record<LabelSheet, readonly Lcid[]>> = {};

  const passOn = (item: SheetEvent | Label): void => {
    if ('header' in item) {
      batches.flush();
      languages[item.sheet] = item.languages;
      post({ type: 'sheet', sheet: item.sheet, languages: [...item.languages], header: item.header });
      if (input.taken !== undefined) unplanned = item.sheet;
      else batches.plan(item.sheet, undefined);
    } else batches.add(item, languages[item.sheet] ?? []);
  };
  const passWaiting = (): void => {
    let i = 0;
    while (i < waiting.length && unplanned === undefined) passOn(waiting[i++]!);
    waiting = waiting.slice(i);
  };
  port.on('message', (m: ToWorker) => {
    if (m.type === 'ack') batches.acknowledged++;
    else {
      batches.plan(m.sheet, m.recipes);
      unplanned = undefined;
      passWaiting();
    }
    wake?.();
  });
  const until = async (ready: () => boolean): Promise<void> => {
    while (!ready()) await new Promise<void>((r) => (wake = r));
  };

  const source = await openTranslationsSource(input.file, input.name, input.maxSize);
  try {
    async function* paced(): AsyncGenerator<Buffer> {
      for await (const chunk of source.xml()) {
        await until(() => batches.outstanding < IN_FLIGHT && unplanned === undefined);
        yield chunk;
      }
    }
    const visitor: TranslationsVisitor = {
      sheet: (sheet, langs, header) => {
        waiting.push({ sheet, languages: langs, header });
        passWaiting();
      },
      label: (label) => {
        if (unplanned === undefined && waiting.length === 0) passOn(label);
        else waiting.push(label);
        return undefined;
      },
    };
    // Labels left out are counted, and the count posted now and then (progress).
    let skipped = 0;
    const postSkipped = (): void => {
      if (skipped > 0) post({ type: 'skipped', count: skipped });
      skipped = 0;
    };
    const wanted =
      input.wanted === undefined
        ? undefined
        : visitWanted(input.wanted, visitor, () => {
            if (++skipped >= SKIPPED_POSTED) postSkipped();
          });
    const result = await readTranslations(paced(), source.where, wanted?.visitor ?? visitor, undefined, {
      fingerprint: wanted === undefined,
    });
    await until(() => waiting.length === 0 && unplanned === undefined);
    batches.flush();
    postSkipped();
    const table = wanted?.table();
    post({ type: 'done', result, ...(table === undefined ? {} : { wanted: table }) });
  } catch (e) {
    post(threadFailure(e));
  } finally {
    await source.close();
    port.close();
  }
}

if (parentPort !== null) void main(parentPort, workerData as WorkerInput);
