/**
 * The suggestions an export can make, settled once its memories are read: for each (base text,
 * language) pair a row may ask for, the translation the suggester's rule picks (the file's own
 * first, then the past memory's best). Held as plain numbers and code units in shared memory, so
 * the label reader's worker can make rows with suggestions from the very table this thread uses,
 * without a copy: same table, same lookups, same bytes, whichever thread makes a row.
 */
import type { Lcid } from '../crm-xml/model';
import { normalizeBase, type TranslationMemory } from './memory';

/** What crosses to the worker (structured-cloneable; the arrays share their memory). */
export interface PackedSuggestions {
  baseLcid: Lcid;
  /** Code units of the base texts and translations. */
  chars: Uint16Array;
  /** Per entry: hash of the base text, base start, base length, language, text start, text length, source. */
  entries: Int32Array;
  /** Open addressing by base hash: entry number + 1, 0 where free. */
  slots: Int32Array;
  /** Sources of the suggestions (file names, "this file, …"), each once. */
  sources: string[];
}

const FIELDS = 7;
const [HASH, BASE_START, BASE_LENGTH, LCID, TEXT_START, TEXT_LENGTH, SOURCE] = [0, 1, 2, 3, 4, 5, 6];

/** FNV-1a over the UTF-16 code units of a normalised base text. */
function hashOf(base: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < base.length; i++) h = Math.imul(h ^ base.charCodeAt(i), 0x01000193);
  return h | 0;
}

const shared = (bytes: number): SharedArrayBuffer => new SharedArrayBuffer(Math.max(bytes, 4));

/**
 * The table of every suggestion `memories` can give rows of base language `baseLcid`: a pair's
 * translation from the first memory that has one (as the suggester consults them).
 */
export function packSuggestions(baseLcid: Lcid, memories: readonly TranslationMemory[]): PackedSuggestions {
  let units = new Uint16Array(1 << 16);
  let used = 0;
  const place = (text: string): number => {
    if (used + text.length > units.length) {
      const larger = new Uint16Array(Math.max(units.length * 2, used + text.length));
      larger.set(units.subarray(0, used));
      units = larger;
    }
    for (let i = 0; i < text.length; i++) units[used + i] = text.charCodeAt(i);
    used += text.length;
    return used - text.length;
  };
  const numbers: number[] = [];
  const sources = new Map<string, number>();
  memories.forEach((memory, m) => {
    const earlier = memories.slice(0, m);
    for (const unit of memory.units()) {
      if (unit.baseLcid !== baseLcid) continue;
      let base = -1;
      const hash = hashOf(unit.base);
      for (const [lcid, match] of unit.translations) {
        if (earlier.some((e) => e.lookup(baseLcid, unit.base, lcid) !== undefined)) continue;
        if (base === -1) base = place(unit.base);
        let source = sources.get(match.source);
        if (source === undefined) sources.set(match.source, (source = sources.size));
        numbers.push(hash, base, unit.base.length, lcid, place(match.text), match.text.length, source);
      }
    }
  });
  const chars = new Uint16Array(shared(used * 2));
  chars.set(units.subarray(0, used));
  const entries = new Int32Array(shared(numbers.length * 4));
  entries.set(numbers);
  const count = numbers.length / FIELDS;
  let size = 16;
  while (size < count * 2) size *= 2;
  const slots = new Int32Array(shared(size * 4));
  for (let e = 0; e < count; e++) {
    let i = entries[e * FIELDS + HASH]! & (size - 1);
    while (slots[i] !== 0) i = (i + 1) & (size - 1);
    slots[i] = e + 1;
  }
  return { baseLcid, chars, entries, slots, sources: [...sources.keys()] };
}

/** Lookups in a packed table, on either thread. */
export class SuggestionTable {
  private readonly mask: number;

  constructor(readonly packed: PackedSuggestions) {
    this.mask = packed.slots.length - 1;
  }

  get baseLcid(): Lcid {
    return this.packed.baseLcid;
  }

  /** The base text as the table compares it, or undefined when no row of it gets a suggestion. */
  key(base: string): { base: string; hash: number } | undefined {
    if (base.trim() === '') return undefined;
    const normalized = normalizeBase(base);
    return { base: normalized, hash: hashOf(normalized) };
  }

  /** The entry suggesting a translation of `key` into `lcid`, or -1. */
  find(key: { base: string; hash: number }, lcid: Lcid): number {
    const { entries, slots, chars } = this.packed;
    for (let i = key.hash & this.mask; ; i = (i + 1) & this.mask) {
      const e = slots[i]! - 1;
      if (e === -1) return -1;
      const f = e * FIELDS;
      if (entries[f + HASH] !== key.hash || entries[f + LCID] !== lcid) continue;
      if (entries[f + BASE_LENGTH] !== key.base.length) continue;
      const start = entries[f + BASE_START]!;
      let same = true;
      for (let c = 0; c < key.base.length && same; c++) same = chars[start + c] === key.base.charCodeAt(c);
      if (same) return e;
    }
  }

  text(e: number): string {
    const f = e * FIELDS;
    const start = this.packed.entries[f + TEXT_START]!;
    const length = this.packed.entries[f + TEXT_LENGTH]!;
    let text = '';
    for (let at = start; at < start + length; at += 4096)
      text += String.fromCharCode(...this.packed.chars.subarray(at, Math.min(at + 4096, start + length)));
    return text;
  }

  sourceNumber(e: number): number {
    return this.packed.entries[e * FIELDS + SOURCE]!;
  }

  source(e: number): string {
    return this.packed.sources[this.sourceNumber(e)]!;
  }

  /** Number of (base text, language) pairs. */
  get size(): number {
    return this.packed.entries.length / FIELDS;
  }
}
