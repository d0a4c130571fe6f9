/**
 * The suggestions an export can make, settled once its memories are read: for each (base text,
 * language) pair a row may ask for, the translation the suggester's rule picks (the file's own
 * first, then the past memory's best). Held as numbers and texts in shared memory (text-pool.ts),
 * so the label reader's worker makes rows with suggestions from the very table this thread uses,
 * without a copy: same table, same lookups, same bytes, whichever thread makes a row. A table may
 * be packed in layers (one per memory, each packed where its memory was read), consulted in order.
 */
import type { Lcid } from '../crm-xml/model';
import { IntList } from './int-list';
import { normalizeBase, type TranslationMemory } from './memory';
import { createTextStore, type StoreBlocks, type TextStore } from './text-pool';
import { baseHash } from './wanted';
import type { RowSuggestions } from '../workbook/label-row-xml';

/** What crosses to the worker (structured-cloneable; the arrays share their memory). */
export interface PackedSuggestions {
  baseLcid: Lcid;
  /** The base texts and translations (text-pool.ts's TextStore). */
  texts: StoreBlocks;
  /** Per entry: hash of the base text, base text (two numbers), language, translation (two), source. */
  entries: Int32Array;
  /** Open addressing by base hash: entry number + 1, 0 where free. */
  slots: Int32Array;
  /** Sources of the suggestions (file names, "this file, …"), each once. */
  sources: string[];
}

const FIELDS = 7;
const [HASH, BASE_START, BASE_FIELD, LCID, TEXT_START, TEXT_FIELD, SOURCE] = [0, 1, 2, 3, 4, 5, 6];

/**
 * The table of every suggestion `memories` can give rows of base language `baseLcid`: a pair's
 * translation from the first memory that has one (as the suggester consults them); only the pairs
 * `keep` keeps (base text as the memory holds it, and its baseHash), when given.
 */
export function packSuggestions(
  baseLcid: Lcid,
  memories: readonly TranslationMemory[],
  keep?: (base: string, lcid: Lcid, hash: number) => boolean,
): PackedSuggestions {
  const texts = createTextStore({ shared: true });
  const entries = new IntList();
  const sources = new Map<string, number>();
  memories.forEach((memory, m) => {
    const earlier = memories.slice(0, m);
    // The pairs of one base text come together: it is hashed and added to the table once.
    let lastBase: string | undefined;
    let hash = 0;
    let base: [number, number] | undefined;
    memory.eachPair(baseLcid, (baseText, lcid, best) => {
      if (baseText !== lastBase) {
        lastBase = baseText;
        hash = baseHash(baseText);
        base = undefined;
      }
      if (keep !== undefined && !keep(baseText, lcid, hash)) return;
      if (earlier.some((e) => e.lookup(baseLcid, baseText, lcid) !== undefined)) return;
      base ??= [texts.add(baseText), texts.field];
      const match = best();
      let source = sources.get(match.source);
      if (source === undefined) sources.set(match.source, (source = sources.size));
      const start = texts.add(match.text);
      entries.push(hash);
      entries.push(base[0]);
      entries.push(base[1]);
      entries.push(lcid);
      entries.push(start);
      entries.push(texts.field);
      entries.push(source);
    });
  });
  const count = entries.length / FIELDS;
  let size = 16;
  while (size < count * 2) size *= 2;
  const slots = new Int32Array(new SharedArrayBuffer(size * 4));
  for (let e = 0; e < count; e++) {
    let i = entries.get(e * FIELDS + HASH) & (size - 1);
    while (slots[i] !== 0) i = (i + 1) & (size - 1);
    slots[i] = e + 1;
  }
  return {
    baseLcid,
    texts: texts.blocks(),
    entries: entries.toShared(),
    slots,
    sources: [...sources.keys()],
  };
}

/** Lookups in a packed table, or in layers of them (the first layer with a pair gives it), on either thread. */
export class SuggestionTable implements RowSuggestions {
  readonly layers: readonly PackedSuggestions[];
  /** The sources of every layer, in order: a layer's source numbers follow the earlier layers'. */
  readonly sources: readonly string[];
  private readonly texts: TextStore[];
  /** Per layer: its first entry's number in the whole table, and its first source's. */
  private readonly firstEntry: number[] = [];
  private readonly firstSource: number[] = [];

  constructor(packed: PackedSuggestions | readonly PackedSuggestions[]) {
    this.layers = 'slots' in packed ? [packed] : packed;
    if (this.layers.length === 0) throw new Error('a suggestion table of no layers');
    if (this.layers.some((l) => l.baseLcid !== this.baseLcid))
      throw new Error('layers of other base languages');
    this.texts = this.layers.map((l) => createTextStore({ blocks: l.texts }));
    let entries = 0;
    const sources: string[] = [];
    for (const layer of this.layers) {
      this.firstEntry.push(entries);
      this.firstSource.push(sources.length);
      entries += layer.entries.length / FIELDS;
      sources.push(...layer.sources);
    }
    this.sources = sources;
  }

  get baseLcid(): Lcid {
    return this.layers[0]!.baseLcid;
  }

  /** The base text as the table compares it, or undefined when no row of it gets a suggestion. */
  key(base: string): { base: string; hash: number } | undefined {
    if (base.trim() === '') return undefined;
    const normalized = normalizeBase(base);
    return { base: normalized, hash: baseHash(normalized) };
  }

  /** The entry suggesting a translation of `key` into `lcid`, or -1. */
  find(key: { base: string; hash: number }, lcid: Lcid): number {
    for (let l = 0; l < this.layers.length; l++) {
      const { entries, slots } = this.layers[l]!;
      const mask = slots.length - 1;
      for (let i = key.hash & mask; ; i = (i + 1) & mask) {
        const e = slots[i]! - 1;
        if (e === -1) break;
        const f = e * FIELDS;
        if (entries[f + HASH] !== key.hash || entries[f + LCID] !== lcid) continue;
        if (this.texts[l]!.equals(entries[f + BASE_START]!, entries[f + BASE_FIELD]!, key.base)) {
          return this.firstEntry[l]! + e;
        }
      }
    }
    return -1;
  }

  /** The layer of entry `e`, and the entry's fields' offset in it. */
  private at(e: number): { l: number; f: number } {
    let l = this.layers.length - 1;
    while (this.firstEntry[l]! > e) l--;
    return { l, f: (e - this.firstEntry[l]!) * FIELDS };
  }

  text(e: number): string {
    const { l, f } = this.at(e);
    const entries = this.layers[l]!.entries;
    return this.texts[l]!.text(entries[f + TEXT_START]!, entries[f + TEXT_FIELD]!);
  }

  sourceNumber(e: number): number {
    const { l, f } = this.at(e);
    return this.firstSource[l]! + this.layers[l]!.entries[f + SOURCE]!;
  }

  source(e: number): string {
    return this.sources[this.sourceNumber(e)]!;
  }

  /** Number of entries over the layers (a pair in two layers counts twice). */
  get size(): number {
    return this.layers.reduce((n, l) => n + l.entries.length / FIELDS, 0);
  }
}
