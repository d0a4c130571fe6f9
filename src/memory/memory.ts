/**
 * The translation memory: translations found earlier, looked up by exact base text and language.
 * When several translations of one base text exist, the one seen most often wins (the first seen
 * on a tie), so a memory built from many solutions suggests the team's usual wording.
 */
import type { Lcid } from '../translations/model';
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

interface Entry {
  baseLcid: Lcid;
  base: string;
  byLcid: Map<Lcid, Candidate[]>;
}

export function createMemory(): TranslationMemory {
  // Base language → normalised base text → entry: no key strings are built per lookup.
  const byBase = new Map<Lcid, Map<string, Entry>>();
  let size = 0;

  const best = (candidates: readonly Candidate[]): Candidate | undefined => {
    let top: Candidate | undefined;
    for (const c of candidates) if (top === undefined || c.count > top.count) top = c;
    return top;
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
      if (entry === undefined) {
        entry = { baseLcid, base: detach(b), byLcid: new Map() };
        entries.set(entry.base, entry);
      }
      let candidates = entry.byLcid.get(lcid);
      if (candidates === undefined) {
        candidates = [];
        entry.byLcid.set(lcid, candidates);
        size += 1;
      }
      const t = normalize(text);
      const same = candidates.find((c) => c.text === t);
      if (same) same.count += 1;
      else
        candidates.push({
          text: detach(t),
          source: detach(typeof source === 'string' ? source : source()),
          count: 1,
        });
    },
    lookup(baseLcid, base, lcid) {
      const candidates = byBase.get(baseLcid)?.get(normalize(base))?.byLcid.get(lcid);
      const top = candidates === undefined ? undefined : best(candidates);
      return top === undefined ? undefined : { text: top.text, source: top.source };
    },
    get size() {
      return size;
    },
    *units() {
      for (const entries of byBase.values()) {
        for (const entry of entries.values()) {
          const translations = new Map<Lcid, MemoryMatch>();
          for (const [lcid, candidates] of entry.byLcid) {
            const top = best(candidates);
            if (top) translations.set(lcid, { text: top.text, source: top.source });
          }
          yield { baseLcid: entry.baseLcid, base: entry.base, translations };
        }
      }
    },
  };
}
