/**
 * The translation memory: translations found earlier, looked up by exact base text and language.
 * When several translations of one base text exist, the one seen most often wins (on a tie, the
 * one that reached that count first), so a memory built from many solutions suggests the team's
 * usual wording.
 */
import type { Lcid } from '../crm-xml/model';
import { detach } from './detach';

export interface MemoryMatch {
  text: string;
  /** Where it came from (a file name), shown as "from memory: <source>". */
  source: string;
}

interface Candidate extends MemoryMatch {
  count: number;
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

/** One language of a base text: the current best translation, and the others seen. */
interface Slot {
  lcid: Lcid;
  top: Candidate;
  more?: Candidate[];
}

/** Kept small (a few hundred thousand of them in a big memory): slots in an array, not a Map. */
interface Entry {
  baseLcid: Lcid;
  base: string;
  slots: Slot[];
}

export function createMemory(options: MemoryOptions = {}): TranslationMemory {
  const keep = options.keep;
  // Base language → normalised base text → entry: no key strings are built per lookup.
  const byBase = new Map<Lcid, Map<string, Entry>>();
  // Most translations share a handful of sources (file names): one string each.
  const sources = new Map<string, string>();
  const intern = (source: string): string => {
    const known = sources.get(source);
    if (known !== undefined) return known;
    const kept = detach(source);
    if (sources.size < 10_000) sources.set(kept, kept);
    return kept;
  };
  let size = 0;

  const slotOf = (entry: Entry, lcid: Lcid): Slot | undefined => {
    for (const slot of entry.slots) if (slot.lcid === lcid) return slot;
    return undefined;
  };

  return {
    add(baseLcid, base, lcid, text, source) {
      if (base.trim() === '' || text.trim() === '' || lcid === baseLcid) return;
      let entries = byBase.get(baseLcid);
      if (entries === undefined) {
        entries = new Map();
        byBase.set(baseLcid, entries);
      }
      const b = normalize(base);
      let entry = entries.get(b);
      const slot = entry === undefined ? undefined : slotOf(entry, lcid);
      if (slot === undefined && keep !== undefined && !keep(baseLcid, b, lcid)) return;
      if (entry === undefined) {
        entry = { baseLcid, base: detach(b), slots: [] };
        entries.set(entry.base, entry);
      }
      const t = normalize(text);
      const candidate = (): Candidate => ({
        text: detach(t),
        source: intern(typeof source === 'string' ? source : source()),
        count: 1,
      });
      if (slot === undefined) {
        entry.slots.push({ lcid, top: candidate() });
        size += 1;
        return;
      }
      if (slot.top.text === t) {
        slot.top.count += 1;
        return;
      }
      const other = slot.more?.find((c) => c.text === t);
      if (other === undefined) {
        (slot.more ??= []).push(candidate());
        return;
      }
      other.count += 1;
      // A translation seen more often than the current best takes its place.
      if (other.count > slot.top.count) {
        slot.more = [...(slot.more ?? []).filter((c) => c !== other), slot.top];
        slot.top = other;
      }
    },
    lookup(baseLcid, base, lcid) {
      const entry = byBase.get(baseLcid)?.get(normalize(base));
      const top = entry === undefined ? undefined : slotOf(entry, lcid)?.top;
      return top === undefined ? undefined : { text: top.text, source: top.source };
    },
    get size() {
      return size;
    },
    *units() {
      for (const entries of byBase.values()) {
        for (const entry of entries.values()) {
          const translations = new Map<Lcid, MemoryMatch>();
          for (const slot of entry.slots)
            translations.set(slot.lcid, { text: slot.top.text, source: slot.top.source });
          yield { baseLcid: entry.baseLcid, base: entry.base, translations };
        }
      }
    },
  };
}
