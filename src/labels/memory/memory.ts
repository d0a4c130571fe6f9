/**
 * The translation memory: translations found earlier, looked up by exact base text and language.
 * When several translations of one base text exist, the one seen most often wins (on a tie, the
 * one that reached that count first), so a memory built from many solutions suggests the team's
 * usual wording.
 *
 * Held compactly (an export with --memory at 1,000,000 labels keeps about half a million pairs):
 * texts as characters in pools (text-pool.ts; one byte each for a text of one alphabet), base
 * texts found through a hash table of numbers, a (base text, language) pair as a few numbers; only
 * a pair seen with a second translation gets objects of its own.
 */
import type { Lcid } from '../crm-xml/model';
import { detach } from './detach';
import { IntList } from './int-list';
import { createTextStore } from './text-pool';

export interface MemoryMatch {
  text: string;
  /** Where it came from (a file name), shown as "from memory: <source>". */
  source: string;
}

/** A base text with its best translation per language, as written to TMX. */
export interface MemoryUnit {
  baseLcid: Lcid;
  base: string;
  translations: ReadonlyMap<Lcid, MemoryMatch>;
}

export interface TranslationMemory {
  /** Records one translation; empty texts and texts of the base language itself are ignored. */
  add(baseLcid: Lcid, base: string, lcid: Lcid, text: string, source: string | (() => string)): void;
  lookup(baseLcid: Lcid, base: string, lcid: Lcid): MemoryMatch | undefined;
  /** Number of distinct (base text, language) pairs held. */
  readonly size: number;
  units(): Iterable<MemoryUnit>;
  /**
   * Each (base text, language) pair of base language `baseLcid` with its best translation, in the
   * order of units(): a base text is read once for all its pairs, a translation only when `best`
   * is called (a table keeping a few of the pairs reads only those).
   */
  eachPair(baseLcid: Lcid, visit: (base: string, lcid: Lcid, best: () => MemoryMatch) => void): void;
}

/** Line-break style is not a difference (Excel and LibreOffice change it). */
function normalize(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
}

/** A base text as the memory compares it. */
export const normalizeBase = normalize;

export interface MemoryOptions {
  /**
   * Translations worth keeping, by base text (given normalised) and language; `add` ignores the
   * others. A memory that only serves lookups known beforehand stays small this way.
   */
  keep?: (baseLcid: Lcid, base: string, lcid: Lcid) => boolean;
}

/** A translation other than a pair's best, with how often it was seen. */
interface Candidate extends MemoryMatch {
  count: number;
}

/** No entry, no slot: the end of an entry's list of languages. */
const NONE = -1;

/** FNV-1a over the base language and the UTF-16 code units of the (normalised) base text. */
function hashOf(baseLcid: Lcid, base: string): number {
  let h = Math.imul(0x811c9dc5 ^ baseLcid, 0x01000193);
  for (let i = 0; i < base.length; i++) h = Math.imul(h ^ base.charCodeAt(i), 0x01000193);
  return h | 0;
}

export function createMemory(options: MemoryOptions = {}): TranslationMemory {
  const keep = options.keep;
  // Base texts and translations: characters only, each known by two numbers (text-pool.ts).
  const texts = createTextStore();
  // Entries (base texts): base language, hash, base text, first slot.
  const entryLcid = new IntList();
  const entryHash = new IntList();
  const entryStart = new IntList();
  const entryLength = new IntList();
  const entryFirst = new IntList();
  // Open addressing by hash: entry number + 1, 0 where free; at most half full.
  let table = new Int32Array(1024);
  // Base languages in the order met (units come grouped by base language, as met).
  const baseLcids: Lcid[] = [];
  // Slots ((base text, language) pairs), listed per entry in the order met: the best translation,
  // its source and count; the others seen (rare) are in `more`.
  const slotLcid = new IntList();
  const slotNext = new IntList();
  const slotStart = new IntList();
  const slotLength = new IntList();
  const slotCount = new IntList();
  const slotSource: string[] = [];
  const more = new Map<number, Candidate[]>();
  // Most translations share a handful of sources (file names): one string each.
  const sources = new Map<string, string>();
  const intern = (source: string): string => {
    const known = sources.get(source);
    if (known !== undefined) return known;
    const kept = detach(source);
    if (sources.size < 10_000) sources.set(kept, kept);
    return kept;
  };

  const find = (baseLcid: Lcid, base: string, hash: number): number => {
    const mask = table.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const e = table[i]! - 1;
      if (e === NONE) return NONE;
      if (
        entryHash.get(e) === hash &&
        entryLcid.get(e) === baseLcid &&
        texts.equals(entryStart.get(e), entryLength.get(e), base)
      )
        return e;
    }
  };
  const place = (e: number, into: Int32Array): void => {
    const mask = into.length - 1;
    let i = entryHash.get(e) & mask;
    while (into[i] !== 0) i = (i + 1) & mask;
    into[i] = e + 1;
  };
  const newEntry = (baseLcid: Lcid, base: string, hash: number): number => {
    const e = entryLcid.length;
    if (!baseLcids.includes(baseLcid)) baseLcids.push(baseLcid);
    entryLcid.push(baseLcid);
    entryHash.push(hash);
    entryStart.push(texts.add(base));
    entryLength.push(texts.field);
    entryFirst.push(NONE);
    if ((e + 1) * 2 > table.length) {
      const grown = new Int32Array(table.length * 2);
      for (let other = 0; other < e; other++) place(other, grown);
      table = grown;
    }
    place(e, table);
    return e;
  };
  /** The entry's slot for `lcid`, or NONE. */
  const slotOf = (entry: number, lcid: Lcid): number => {
    for (let s = entryFirst.get(entry); s !== NONE; s = slotNext.get(s))
      if (slotLcid.get(s) === lcid) return s;
    return NONE;
  };
  const newSlot = (entry: number, lcid: Lcid, text: string, source: string): void => {
    const s = slotLcid.length;
    slotLcid.push(lcid);
    slotNext.push(NONE);
    slotStart.push(texts.add(text));
    slotLength.push(texts.field);
    slotSource.push(source);
    slotCount.push(1);
    let last = entryFirst.get(entry);
    if (last === NONE) {
      entryFirst.set(entry, s);
      return;
    }
    while (slotNext.get(last) !== NONE) last = slotNext.get(last);
    slotNext.set(last, s);
  };
  const textOf = (s: number): string => texts.text(slotStart.get(s), slotLength.get(s));
  /** Counts one more sighting of `text` for slot `s`; a translation seen more often takes the lead. */
  const count = (s: number, text: string, source: () => string): void => {
    if (texts.equals(slotStart.get(s), slotLength.get(s), text)) {
      slotCount.set(s, slotCount.get(s) + 1);
      return;
    }
    const others = more.get(s);
    const other = others?.find((c) => c.text === text);
    if (other === undefined) {
      const candidate = { text: detach(text), source: source(), count: 1 };
      if (others === undefined) more.set(s, [candidate]);
      else others.push(candidate);
      return;
    }
    other.count += 1;
    if (other.count > slotCount.get(s)) {
      const top: Candidate = { text: textOf(s), source: slotSource[s]!, count: slotCount.get(s) };
      more.set(s, [...others!.filter((c) => c !== other), top]);
      slotStart.set(s, texts.add(other.text));
      slotLength.set(s, texts.field);
      slotSource[s] = other.source;
      slotCount.set(s, other.count);
    }
  };

  return {
    add(baseLcid, base, lcid, text, source) {
      if (base.trim() === '' || text.trim() === '' || lcid === baseLcid) return;
      const b = normalize(base);
      const hash = hashOf(baseLcid, b);
      let entry = find(baseLcid, b, hash);
      const slot = entry === NONE ? NONE : slotOf(entry, lcid);
      if (slot === NONE && keep !== undefined && !keep(baseLcid, b, lcid)) return;
      const t = normalize(text);
      const sourceOf = (): string => intern(typeof source === 'string' ? source : source());
      if (slot !== NONE) {
        count(slot, t, sourceOf);
        return;
      }
      if (entry === NONE) entry = newEntry(baseLcid, b, hash);
      newSlot(entry, lcid, t, sourceOf());
    },
    lookup(baseLcid, base, lcid) {
      const b = normalize(base);
      const entry = find(baseLcid, b, hashOf(baseLcid, b));
      const s = entry === NONE ? NONE : slotOf(entry, lcid);
      return s === NONE ? undefined : { text: textOf(s), source: slotSource[s]! };
    },
    get size() {
      return slotLcid.length;
    },
    eachPair(baseLcid, visit) {
      for (let e = 0; e < entryLcid.length; e++) {
        if (entryLcid.get(e) !== baseLcid) continue;
        const base = texts.text(entryStart.get(e), entryLength.get(e));
        for (let s = entryFirst.get(e); s !== NONE; s = slotNext.get(s))
          visit(base, slotLcid.get(s), () => ({ text: textOf(s), source: slotSource[s]! }));
      }
    },
    *units() {
      for (const baseLcid of baseLcids) {
        for (let e = 0; e < entryLcid.length; e++) {
          if (entryLcid.get(e) !== baseLcid) continue;
          const translations = new Map<Lcid, MemoryMatch>();
          for (let s = entryFirst.get(e); s !== NONE; s = slotNext.get(s))
            translations.set(slotLcid.get(s), { text: textOf(s), source: slotSource[s]! });
          yield { baseLcid, base: texts.text(entryStart.get(e), entryLength.get(e)), translations };
        }
      }
    },
  };
}
