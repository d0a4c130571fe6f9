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
  /** `wants`, for a base text whose baseHash is known. */
  wantsHash(hash: number, lcid: Lcid): boolean;
  /** The table as plain data in shared memory, for other threads (structured-cloneable). */
  pack(): PackedWanted;
}

/** A WantedBases table as plain data (see `pack`, and createWantedBases to read it). */
export interface PackedWanted {
  bits: [Lcid, number][];
  hashes: Int32Array;
  masks: Int32Array;
  used: Uint8Array;
  count: number;
}

/** Languages get one bit each (31 fit in a small integer); any later language is always wanted. */
const MAX_BITS = 31;

/**
 * Hash → languages translated in every row with that base text (AND of the rows' masks), in two
 * typed arrays by open addressing (a Map of a million numbers takes several times the room).
 */
class MaskTable {
  private hashes: Int32Array = new Int32Array(1 << 14);
  private masks: Int32Array = new Int32Array(1 << 14);
  private used: Uint8Array = new Uint8Array(1 << 14);
  private count = 0;

  static of(packed: PackedWanted): MaskTable {
    const table = new MaskTable();
    table.hashes = packed.hashes;
    table.masks = packed.masks;
    table.used = packed.used;
    table.count = packed.count;
    return table;
  }

  /** Copies of the arrays in shared memory: threads given them read them without copies of their own. */
  pack(): Omit<PackedWanted, 'bits'> {
    const share = <T extends Int32Array | Uint8Array>(array: T, make: (b: SharedArrayBuffer) => T): T => {
      const copy = make(new SharedArrayBuffer(array.byteLength));
      copy.set(array);
      return copy;
    };
    return {
      hashes: share(this.hashes, (b) => new Int32Array(b)),
      masks: share(this.masks, (b) => new Int32Array(b)),
      used: share(this.used, (b) => new Uint8Array(b)),
      count: this.count,
    };
  }

  /** The slot of `hash`, or of where it would go. */
  private slot(hash: number): number {
    const mask = this.hashes.length - 1;
    let i = hash & mask;
    while (this.used[i] === 1 && this.hashes[i] !== hash) i = (i + 1) & mask;
    return i;
  }

  get(hash: number): number | undefined {
    const i = this.slot(hash);
    return this.used[i] === 1 ? this.masks[i] : undefined;
  }

  /** Records a row's mask: ANDed with those of the rows before. */
  and(hash: number, rowMask: number): void {
    const i = this.slot(hash);
    if (this.used[i] === 1) {
      this.masks[i]! &= rowMask;
      return;
    }
    this.used[i] = 1;
    this.hashes[i] = hash;
    this.masks[i] = rowMask;
    if (++this.count * 2 > this.hashes.length) this.grow();
  }

  private grow(): void {
    const { hashes, masks, used } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.masks = new Int32Array(hashes.length * 2);
    this.used = new Uint8Array(hashes.length * 2);
    for (let i = 0; i < hashes.length; i++) {
      if (used[i] !== 1) continue;
      const j = this.slot(hashes[i]!);
      this.used[j] = 1;
      this.hashes[j] = hashes[i]!;
      this.masks[j] = masks[i]!;
    }
  }
}

/** A table to note rows in, or one noted elsewhere (`packed`, given up by whoever packed it). */
export function createWantedBases(packed?: PackedWanted): WantedBases {
  const bits = new Map<Lcid, number>(packed?.bits);
  const bitOf = (lcid: Lcid): number | undefined => {
    let bit = bits.get(lcid);
    if (bit === undefined && bits.size < MAX_BITS) {
      bit = 1 << bits.size;
      bits.set(lcid, bit);
    }
    return bit;
  };
  const everywhere = packed === undefined ? new MaskTable() : MaskTable.of(packed);
  const wantsHash = (hash: number, lcid: Lcid): boolean => {
    const mask = everywhere.get(hash);
    if (mask === undefined) return false;
    const bit = bits.get(lcid);
    return bit === undefined || (mask & bit) === 0;
  };
  return {
    note(base, targets) {
      if (base.trim() === '') return;
      let mask = 0;
      for (const [lcid, text] of targets) if (text !== '') mask |= bitOf(lcid) ?? 0;
      everywhere.and(baseHash(base), mask);
    },
    wants: (base, lcid) => wantsHash(baseHash(base), lcid),
    wantsHash,
    pack: () => ({ bits: [...bits], ...everywhere.pack() }),
  };
}

/**
 * For a label of a file with base language `baseLcid`: whether it has a translation a memory
 * keeping only what `wanted` (of base language `wantedLcid`) wants would keep, the others blanked
 * (such a memory ignores empty texts). A label without one adds nothing to such a memory, and
 * need not be read any further.
 */
export function keepWanted(
  wanted: WantedBases,
  wantedLcid: Lcid,
): (texts: Map<Lcid, string>, baseLcid: Lcid) => boolean {
  return (texts, baseLcid) => {
    if (baseLcid !== wantedLcid) return false;
    const base = texts.get(baseLcid) ?? '';
    if (base.trim() === '') return false;
    let kept = false;
    for (const [lcid, text] of texts) {
      if (lcid === baseLcid || text === '') continue;
      if (text.trim() !== '' && wanted.wants(base, lcid)) kept = true;
      else texts.set(lcid, '');
    }
    return kept;
  };
}
