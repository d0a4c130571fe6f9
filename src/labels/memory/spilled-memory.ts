/**
 * A memory being built from inputs of any size: translations are grouped by base text on disk
 * (src/fs/record-spill.ts), then each group becomes a memory of its own whose units are handed on
 * and dropped, so `labels memory build` keeps its peak memory flat as its inputs grow. A unit is
 * the same as one memory of everything would make (same best translation, same tie-break: groups
 * keep the order the translations were read in); units come group by group once the translations
 * went to disk, in first-seen order otherwise.
 */
import { createRecordSpill, type RecordSpill } from '../../fs/record-spill';
import { createMemory, normalizeBase, type MemoryUnit, type TranslationMemory } from './memory';

export interface SpilledMemory extends Pick<TranslationMemory, 'add'> {
  /** Translations taken (non-empty, not of the base language itself). */
  readonly taken: number;
  /** Distinct (base text, language) pairs of the units handed on so far. */
  readonly size: number;
  /** Every unit, once; the translations on disk are removed as they are read. */
  units(): Generator<MemoryUnit>;
  discard(): void;
}

export function createSpilledMemory(spill: RecordSpill = createRecordSpill()): SpilledMemory {
  let size = 0;
  return {
    add(baseLcid, base, lcid, text, source) {
      // What a memory would ignore is not worth a record.
      if (base.trim() === '' || text.trim() === '' || lcid === baseLcid) return;
      spill.add(`${baseLcid}\u0000${normalizeBase(base)}`, [
        String(baseLcid),
        base,
        String(lcid),
        text,
        typeof source === 'string' ? source : source(),
      ]);
    },
    get taken() {
      return spill.count;
    },
    get size() {
      return size;
    },
    *units() {
      for (const group of spill.groupStreams()) {
        const memory = createMemory();
        for (const [baseLcid, base, lcid, text, source] of group)
          memory.add(Number(baseLcid), base!, Number(lcid), text!, source!);
        size += memory.size;
        yield* memory.units();
      }
    },
    discard: () => spill.discard(),
  };
}
