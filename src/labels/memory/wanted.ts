/**
 * The (base text, language) pairs a suggestion can be asked for: those of rows with that
 * language's cell empty. Base texts are held as 32-bit hashes (a collision only keeps an extra
 * entry, never drops a needed one), so a memory can skip every other translation and stay small.
 */
import type { Lcid } from '../crm-xml/model';
import { normalizeBase } from './memory';

/** FNV-1a over UTF-16 code units of the normalised text. */
export function baseHash(base: string): number {
  const text = normalizeBase(base);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export interface WantedBases {
  /** Records one row: its base text and its target texts by language (absent = empty). */
  note(base: string, targets: ReadonlyMap<Lcid, string>): void;
  /** True when some noted row with this base text has this language's cell empty. */
  wants(base: string, lcid: Lcid): boolean;
}

/** Languages get one bit each (31 fit in a small integer); any later language is always wanted. */
const MAX_BITS = 31;

export function createWantedBases(): WantedBases {
  const bits = new Map<Lcid, number>();
  const bitOf = (lcid: Lcid): number | undefined => {
    let bit = bits.get(lcid);
    if (bit === undefined && bits.size < MAX_BITS) {
      bit = 1 << bits.size;
      bits.set(lcid, bit);
    }
    return bit;
  };
  // Hash → languages translated in every row with that base text (AND of the rows' masks).
  const everywhere = new Map<number, number>();
  return {
    note(base, targets) {
      if (base.trim() === '') return;
      let mask = 0;
      for (const [lcid, text] of targets) if (text !== '') mask |= bitOf(lcid) ?? 0;
      const h = baseHash(base);
      const known = everywhere.get(h);
      everywhere.set(h, known === undefined ? mask : known & mask);
    },
    wants(base, lcid) {
      const mask = everywhere.get(baseHash(base));
      if (mask === undefined) return false;
      const bit = bits.get(lcid);
      return bit === undefined || (mask & bit) === 0;
    },
  };
}
