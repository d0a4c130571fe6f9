/**
 * Suggestions for a workbook's empty cells (`labels export --memory`, `--consistency`): past
 * translations and the file's own translations of the same base text. Two reads of the input come
 * first: which cells are empty (so the memories keep nothing else), then the file's translations.
 */
import type { NamedFile } from '../fs/open-input';
import { displayKey } from './crm-xml/model';
import { readLabelInput } from './label-input';
import { loadMemory } from './load-memory';
import { createMemory, type MemoryOptions, type TranslationMemory } from './memory/memory';
import { createSuggester, type Suggester } from './memory/suggest';
import { createWantedBases } from './memory/wanted';
import type { ProgressCallbacks } from './progress-callbacks';

export interface SuggestionOptions extends ProgressCallbacks {
  input: NamedFile;
  /** Files and folders of past translations; none for the file's own translations only. */
  memory: readonly NamedFile[];
  maxSize?: number;
}

export interface Suggestions {
  suggester: Suggester;
  /** Files the memory was read from (undefined without `memory`). */
  memoryFiles: number | undefined;
}

type Keep = NonNullable<MemoryOptions['keep']>;

/** First read: which base texts have a row with an empty cell in which language. */
async function wantedTranslations(o: SuggestionOptions): Promise<{ keep: Keep; baseLcid: number }> {
  const wanted = createWantedBases();
  const result = await readLabelInput(
    o.input,
    () => (row) => {
      wanted.note(row.base, row.targets);
      o.onRows?.(1);
    },
    { maxEntrySize: o.maxSize },
  );
  const keep: Keep = (baseLcid, base, lcid) => baseLcid === result.baseLcid && wanted.wants(base, lcid);
  return { keep, baseLcid: result.baseLcid };
}

/** The file's own translations, remembered with the row each stands in (consistency). */
async function sameFileMemory(o: SuggestionOptions, keep: Keep): Promise<TranslationMemory> {
  const memory = createMemory({ keep });
  await readLabelInput(
    o.input,
    ({ baseLcid }) =>
      (row) => {
        const place = (): string => `this file, ${displayKey(row)}`;
        for (const [lcid, text] of row.targets) memory.add(baseLcid, row.base, lcid, text, place);
        o.onRows?.(1);
      },
    { maxEntrySize: o.maxSize },
  );
  return memory;
}

export async function prepareSuggestions(o: SuggestionOptions): Promise<Suggestions> {
  o.onPhase?.('reading the file for empty cells');
  const { keep, baseLcid } = await wantedTranslations(o);
  let memory: TranslationMemory | undefined;
  let memoryFiles: number | undefined;
  if (o.memory.length > 0) {
    o.onPhase?.('reading memory');
    const loaded = await loadMemory(o.memory, {
      exclude: [o.input.path],
      maxEntrySize: o.maxSize,
      keep,
      ...(o.onRows === undefined ? {} : { onRows: o.onRows }),
    });
    memoryFiles = loaded.files.length;
    memory = loaded.memory;
  }
  o.onPhase?.('reading the file for consistency');
  const sameFile = await sameFileMemory(o, keep);
  const suggester = createSuggester({ baseLcid, sameFile, ...(memory === undefined ? {} : { memory }) });
  return { suggester, memoryFiles };
}
