/**
 * Suggestions for an export's empty cells (`labels export --memory`, `--consistency`), as
 * suggestions.ts makes them (same suggestions), for a translations zip or CrmTranslations.xml.
 * First the input (in the reader's worker thread) is read for which cells are empty while the memory
 * files are read on this thread, on both cores at once; past translations are kept on disk
 * (ordered-spill.ts), since which of them are worth keeping is known only once the whole input was
 * read. Then the past memory is built from the spill, keeping only what can fill an empty cell,
 * while the reader's worker reads the input again for the file's own translations (consistency).
 * The export reads the input a third time, as a plain export does: reading is the worker's, and
 * costs this thread less than keeping the input's labels on disk and reading them back did.
 */
import type { NamedFile } from '../fs/open-input';
import { displayKey, type Lcid } from './crm-xml/model';
import { readMemoryFiles, type MemorySink } from './load-memory';
import { createMemory, type MemoryOptions, type TranslationMemory } from './memory/memory';
import { createOrderedSpill, type OrderedSpill } from './memory/ordered-spill';
import { createSuggester } from './memory/suggest';
import { createWantedBases, type WantedBases } from './memory/wanted';
import { readLabels } from './read-labels';
import type { SuggestionOptions, Suggestions } from './suggestions';
import type { TranslationsReadResult, TranslationsVisitor } from './crm-xml/read';
import { openTranslationsSource } from './source';

type Keep = NonNullable<MemoryOptions['keep']>;

/** Past translations as records: base language, base text, language, text, source. */
function spilledSink(spill: OrderedSpill): MemorySink {
  return {
    add(baseLcid, base, lcid, text, source) {
      // What a memory would ignore is not worth a record.
      if (base.trim() === '' || text.trim() === '' || lcid === baseLcid) return;
      spill.add([String(baseLcid), base, String(lcid), text, typeof source === 'string' ? source : source()]);
    },
  };
}

/** Awaits every promise; throws the first failure once none is left running. */
async function allSettled(work: readonly Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(work);
  for (const o of outcomes) if (o.status === 'rejected') throw o.reason;
}

/** Reads the input's labels in the reader's worker thread (when bundled). */
async function readInput(
  o: SuggestionOptions,
  visitor: TranslationsVisitor,
): Promise<TranslationsReadResult> {
  const source = await openTranslationsSource(o.input.path, o.input.name, o.maxSize);
  try {
    return await readLabels(source, visitor);
  } finally {
    await source.close();
  }
}

/** The first read of the input: which cells are empty. */
async function wantedTranslations(o: SuggestionOptions): Promise<{ wanted: WantedBases; baseLcid: Lcid }> {
  const wanted = createWantedBases();
  let baseLcid: Lcid = 0;
  const result = await readInput(o, {
    sheet(_sheet, _languages, header) {
      baseLcid = header.baseLcid;
    },
    label(label) {
      wanted.note(label.texts.get(baseLcid) ?? '', label.texts);
      o.onRows?.(1);
      return undefined;
    },
  });
  return { wanted, baseLcid: result.header.baseLcid };
}

/** The file's own translations, remembered with the row each stands in (consistency). */
async function sameFileMemory(o: SuggestionOptions, keep: Keep, baseLcid: Lcid): Promise<TranslationMemory> {
  const memory = createMemory({ keep });
  await readInput(o, {
    label(row) {
      const base = row.texts.get(baseLcid) ?? '';
      const place = (): string => `this file, ${displayKey(row)}`;
      for (const [lcid, text] of row.texts) memory.add(baseLcid, base, lcid, text, place);
      o.onRows?.(1);
      return undefined;
    },
  });
  return memory;
}

/** The past translations worth keeping, from their spill. */
async function pastMemory(past: OrderedSpill, keep: Keep): Promise<TranslationMemory> {
  const memory = createMemory({ keep });
  await past.replay(([lcid, base, target, text, source]) =>
    memory.add(Number(lcid), base!, Number(target), text!, source!),
  );
  return memory;
}

export async function prepareExportSuggestions(o: SuggestionOptions): Promise<Suggestions> {
  const past = o.memory.length > 0 ? createOrderedSpill() : undefined;
  try {
    o.onPhase?.('reading the file for empty cells');
    const input = wantedTranslations(o);
    let files: NamedFile[] | undefined;
    if (past !== undefined) {
      o.onPhase?.('reading memory');
      const reading = readMemoryFiles(o.memory, spilledSink(past), {
        exclude: [o.input.path],
        maxEntrySize: o.maxSize,
        ...(o.onRows === undefined ? {} : { onRows: o.onRows }),
      }).then((read) => (files = read));
      await allSettled([input, reading]);
    }
    const { wanted, baseLcid } = await input;
    const keep: Keep = (lcid, text, target) => lcid === baseLcid && wanted.wants(text, target);
    o.onPhase?.('reading the file for consistency');
    // Both on this thread, the input's scan in the worker: the past spill is read back while the
    // worker reads the input.
    const sameFile = sameFileMemory(o, keep, baseLcid);
    const memory = past === undefined ? undefined : pastMemory(past, keep);
    await allSettled(memory === undefined ? [sameFile] : [sameFile, memory]);
    const suggester = createSuggester({
      baseLcid,
      sameFile: await sameFile,
      ...(memory === undefined ? {} : { memory: await memory }),
    });
    return { suggester, memoryFiles: files?.length };
  } finally {
    past?.discard();
  }
}
