/**
 * Suggestions for an export's empty cells (`labels export --memory`, `--consistency`), as
 * suggestions.ts makes them (same suggestions), for a translations zip or CrmTranslations.xml read
 * once: the input (in the reader's worker thread) and the memory files (on this thread) are read at
 * the same time, on both cores. The input's labels are kept on disk (label-spill.ts) and noted for
 * which cells are empty; past translations are kept on disk too, since which of them are worth
 * keeping is known only once the whole input was read. Then the memories are built from the
 * spills, keeping only what can fill an empty cell, and the export replays the input's labels.
 */
import type { NamedFile } from '../fs/open-input';
import { displayKey, type Lcid } from './crm-xml/model';
import { readMemoryFiles, type MemorySink } from './load-memory';
import { createLabelSpill, type LabelSpill } from './memory/label-spill';
import { createMemory, type MemoryOptions, type TranslationMemory } from './memory/memory';
import { createOrderedSpill, type OrderedSpill } from './memory/ordered-spill';
import { createSuggester } from './memory/suggest';
import { createWantedBases, type WantedBases } from './memory/wanted';
import { readLabels } from './read-labels';
import type { SuggestionOptions, Suggestions } from './suggestions';
import { openTranslationsSource } from './source';

export interface ExportSuggestions extends Suggestions {
  /** The input's labels, read once: the export replays them (discard it when done). */
  labels: LabelSpill;
}

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

/** The one read of the input: its labels to disk, which cells are empty noted. */
async function readInput(
  o: SuggestionOptions,
  labels: LabelSpill,
): Promise<{ wanted: WantedBases; baseLcid: Lcid }> {
  const wanted = createWantedBases();
  let baseLcid: Lcid = 0;
  const source = await openTranslationsSource(o.input.path, o.input.name, o.maxSize);
  try {
    const result = await readLabels(source, {
      sheet(sheet, languages, header) {
        baseLcid = header.baseLcid;
        labels.sheet(sheet, languages, header);
      },
      label(label) {
        labels.label(label);
        wanted.note(label.texts.get(baseLcid) ?? '', label.texts);
        o.onRows?.(1);
        return undefined;
      },
    });
    labels.finish(result);
    return { wanted, baseLcid: result.header.baseLcid };
  } finally {
    await source.close();
  }
}

/** The file's own translations, remembered with the row each stands in (consistency). */
async function sameFileMemory(
  o: SuggestionOptions,
  labels: LabelSpill,
  keep: Keep,
  baseLcid: Lcid,
): Promise<TranslationMemory> {
  const memory = createMemory({ keep });
  await labels.replay({
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

export async function prepareExportSuggestions(o: SuggestionOptions): Promise<ExportSuggestions> {
  const labels = createLabelSpill();
  const past = o.memory.length > 0 ? createOrderedSpill() : undefined;
  try {
    o.onPhase?.('reading the file for empty cells');
    const input = readInput(o, labels);
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
    const { baseLcid } = await input;
    // Dropped once the memories are built (the export only looks up): no longer held in memory.
    let wanted: WantedBases | undefined = (await input).wanted;
    const keep: Keep = (lcid, text, target) => lcid === baseLcid && wanted?.wants(text, target) === true;
    let memory: TranslationMemory | undefined;
    if (past !== undefined) {
      memory = createMemory({ keep });
      const into = memory;
      await past.replay(([lcid, base, target, text, source]) =>
        into.add(Number(lcid), base!, Number(target), text!, source!),
      );
    }
    o.onPhase?.('reading the file for consistency');
    const sameFile = await sameFileMemory(o, labels, keep, baseLcid);
    wanted = undefined;
    const suggester = createSuggester({ baseLcid, sameFile, ...(memory === undefined ? {} : { memory }) });
    return { suggester, memoryFiles: files?.length, labels };
  } catch (e) {
    labels.discard();
    throw e;
  } finally {
    past?.discard();
  }
}
