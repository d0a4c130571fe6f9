/**
 * The translation memory: translations found earlier, looked up by exact base text and language.
 * When several translations of one base text exist, the one seen most often wins (on a tie, the
 * one that reached that count first), so a memory built from many solutions suggests the team's
 * usual wording.
 *
 * Held compactly (an export with --memory at 1,000,000 labels keeps about half a million pairs):
 * a base text is one string and a number, a (base text, language) pair a few array slots and its
 * best translation's string; only a pair seen with a second translation gets objects of its own.
 */
import type { Lcid } from '../crm-xml/model';
import { detach } from './detach';

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

/** No slot: the end of an entry's list of languages. */
const NONE = -1;

export function createMemory(options: MemoryOptions = {}): TranslationMemory {
  const keep = options.keep;
  // Base language → normalised base text → entry number: no key strings are built per lookup.
  const byBase = new Map<Lcid, Map<string, number>>();
  // Entries (base texts): their first slot.
  const entryFirst: number[] = [];
  // Slots ((base text, language) pairs), listed per entry in the order met: the best translation,
  // its source and count; the others seen (rare) are in `more`.
  const slotLcid: Lcid[] = [];
  const slotNext: number[] = [];
  const slotText: string[] = [];
  const slotSource: string[] = [];
  const slotCount: number[] = [];
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

  /** The entry's slot for `lcid`, or NONE. */
  const slotOf = (entry: number, lcid: Lcid): number => {
    for (let s = entryFirst[entry]!; s !== NONE; s = slotNext[s]!) if (slotLcid[s] === lcid) return s;
    return NONE;
  };
  const newSlot = (entry: number, lcid: Lcid, text: string, source: string): void => {
    const s = slotLcid.length;
    slotLcid.push(lcid);
    slotNext.push(NONE);
    slotText.push(text);
    slotSource.push(source);
    slotCount.push(1);
    let last = entryFirst[entry]!;
    if (last === NONE) {
      entryFirst[entry] = s;
      return;
    }
    while (slotNext[last] !== NONE) last = slotNext[last]!;
    slotNext[last] = s;
  };
  /** Counts one more sighting of `text` for slot `s`; a translation seen more often takes the lead. */
  const count = (s: number, text: string, source: () => string): void => {
    if (slotText[s] === text) {
      slotCount[s]! += 1;
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
    if (other.count > slotCount[s]!) {
      const top: Candidate = { text: slotText[s]!, source: slotSource[s]!, count: slotCount[s]! };
      more.set(s, [...others!.filter((c) => c !== other), top]);
      slotText[s] = other.text;
      slotSource[s] = other.source;
      slotCount[s] = other.count;
    }
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
      const slot = entry === undefined ? NONE : slotOf(entry, lcid);
      if (slot === NONE && keep !== undefined && !keep(baseLcid, b, lcid)) return;
      const t = normalize(text);
      const sourceOf = (): string => intern(typeof source === 'string' ? source : source());
      if (slot !== NONE) {
        count(slot, t, sourceOf);
        return;
      }
      if (entry === undefined) {
        entry = entryFirst.length;
        entryFirst.push(NONE);
        entries.set(detach(b), entry);
      }
      newSlot(entry, lcid, detach(t), sourceOf());
    },
    lookup(baseLcid, base, lcid) {
      const entry = byBase.get(baseLcid)?.get(normalize(base));
      const s = entry === undefined ? NONE : slotOf(entry, lcid);
      return s === NONE ? undefined : { text: slotText[s]!, source: slotSource[s]! };
    },
    get size() {
      return slotLcid.length;
    },
    *units() {
      for (const [baseLcid, entries] of byBase) {
        for (const [base, entry] of entries) {
          const translations = new Map<Lcid, MemoryMatch>();
          for (let s = entryFirst[entry]!; s !== NONE; s = slotNext[s]!)
            translations.set(slotLcid[s]!, { text: slotText[s]!, source: slotSource[s]! });
          yield { baseLcid, base, translations };
        }
      }
    },
  };
}
