/**
 * Suggestions for an export's empty cells (`labels export --memory`, `--consistency`), as
 * suggestions.ts makes them (same suggestions), for a translations zip or CrmTranslations.xml.
 * The input is read first, in the reader's worker thread, for which cells are empty (noted there:
 * no label crosses to this thread). Then the past translations worth keeping (those that can fill
 * an empty cell) and the file's own (consistency) are read into their memories at the same time:
 * translations zips and XML in a reader worker each, on both cores, which pass on only the labels
 * with such a translation (wanted-reading.ts). The suggestions are then settled in one table
 * (suggestion-table.ts), which the export's reader shares to make the rows with. Nothing is kept
 * on disk: reading is the workers', and costs this thread less than records read back.
 */
import type { NamedFile } from '../fs/open-input';
import { displayKey, type Lcid } from './crm-xml/model';
import { readMemoryFiles } from './load-memory';
import { createMemory, type MemoryOptions, type TranslationMemory } from './memory/memory';
import { createTableSuggester, type TableSuggester } from './memory/suggest';
import { packSuggestions, SuggestionTable } from './memory/suggestion-table';
import { createWantedBases, type PackedWanted, type WantedBases } from './memory/wanted';
import { readLabels, type ReadLabelsOptions, type ReadLabelsResult } from './read-labels';
import type { WantedReading } from './wanted-reading';
import type { SuggestionOptions } from './suggestions';
import type { TranslationsReadResult, TranslationsVisitor } from './crm-xml/read';
import { openTranslationsSource, type TranslationsSource } from './source';

type Keep = NonNullable<MemoryOptions['keep']>;

/** Awaits every promise; throws the first failure once none is left running. */
async function allSettled(work: readonly Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(work);
  for (const o of outcomes) if (o.status === 'rejected') throw o.reason;
}

/** Reads the input's labels in the reader's worker thread (when bundled). */
async function readInput(
  o: SuggestionOptions,
  visitor: TranslationsVisitor,
  options: ReadLabelsOptions,
): Promise<ReadLabelsResult> {
  const source = await openTranslationsSource(o.input.path, o.input.name, o.maxSize);
  try {
    return await readLabels(source, visitor, { ...options, ...progress(o) });
  } finally {
    await source.close();
  }
}

/** Labels read but left out still count as read. */
const progress = (o: SuggestionOptions): Pick<ReadLabelsOptions, 'onSkipped'> =>
  o.onRows === undefined ? {} : { onSkipped: o.onRows };

/** The first read of the input: which cells are empty, noted where the input is read. */
async function wantedTranslations(o: SuggestionOptions): Promise<{ wanted: PackedWanted; baseLcid: Lcid }> {
  const result = await readInput(o, {}, { wanted: { collect: true } });
  if (result.wanted === undefined) throw new Error('the reader noted no wanted table');
  return { wanted: result.wanted, baseLcid: result.header.baseLcid };
}

/** The file's own translations, remembered with the row each stands in (consistency). */
async function sameFileMemory(
  o: SuggestionOptions,
  keep: Keep,
  baseLcid: Lcid,
  only: WantedReading,
): Promise<TranslationMemory> {
  const memory = createMemory({ keep });
  await readInput(
    o,
    {
      label(row) {
        const base = row.texts.get(baseLcid) ?? '';
        const place = (): string => `this file, ${displayKey(row)}`;
        for (const [lcid, text] of row.texts) memory.add(baseLcid, base, lcid, text, place);
        o.onRows?.(1);
        return undefined;
      },
    },
    { wanted: only },
  );
  return memory;
}

export interface ExportSuggestions {
  /** Suggests from a table settled once the memories are read (suggestion-table.ts). */
  suggester: TableSuggester;
  /** Files the memory was read from (undefined without `memory`). */
  memoryFiles: number | undefined;
}

export async function prepareExportSuggestions(o: SuggestionOptions): Promise<ExportSuggestions> {
  o.onPhase?.('reading the file for empty cells');
  const first = await wantedTranslations(o);
  const baseLcid = first.baseLcid;
  // The readers pass on only the labels with a translation worth keeping; `keep` decides for each.
  const only: WantedReading = { only: first.wanted, baseLcid };
  // Dropped once the memories are built (the export only looks up): not held through the export.
  let wanted: WantedBases | undefined = createWantedBases(first.wanted);
  const keep: Keep = (lcid, text, target) => lcid === baseLcid && wanted?.wants(text, target) === true;
  const readInWorker = (
    source: TranslationsSource,
    visitor: TranslationsVisitor,
  ): Promise<TranslationsReadResult> => readLabels(source, visitor, { wanted: only, ...progress(o) });
  let files: NamedFile[] | undefined;
  let memory: TranslationMemory | undefined;
  const reads: Promise<unknown>[] = [];
  if (o.memory.length > 0) {
    o.onPhase?.('reading memory');
    memory = createMemory({ keep });
    const reading = readMemoryFiles(o.memory, memory, {
      exclude: [o.input.path],
      maxEntrySize: o.maxSize,
      readTranslationsSource: readInWorker,
      ...(o.onRows === undefined ? {} : { onRows: o.onRows }),
    });
    reads.push(reading.then((read) => (files = read)));
  }
  o.onPhase?.('reading the file for consistency');
  const sameFile = sameFileMemory(o, keep, baseLcid, only);
  await allSettled([sameFile, ...reads]);
  wanted = undefined;
  // The file's own translations first, then the past ones: as createSuggester consults them.
  const table = packSuggestions(baseLcid, [await sameFile, ...(memory === undefined ? [] : [memory])]);
  return { suggester: createTableSuggester(new SuggestionTable(table)), memoryFiles: files?.length };
}
