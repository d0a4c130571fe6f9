/**
 * The first pass of the `inconsistent` rule as import applies it, kept small for 1,000,000-label
 * workbooks: per base text and language it keeps fixed-size numbers in typed arrays (a 32-bit hash
 * of the base text, a 64-bit hash of its first translation, two flags), never the strings; only
 * the base texts of edited rows are kept, once each. Texts are hashed as `\r\n` → `\n`.
 *
 * Base texts whose hashes collide share a slot: the slot can only look more suspect, never less,
 * and every edited base text of a suspect slot is a suspect, so a collision adds candidates but
 * loses none; the second read (`editedVariants`) confirms them with the real texts.
 */
import type { Lcid } from '../crm-xml/model';
import { detach } from '../memory/detach';
import type { WorkbookRow } from '../workbook/types';

const TOUCHED = 1;
const SEVERAL = 2;

/** Two independent 32-bit hashes of `text` into `out`, skipping the `\r` of a `\r\n` (both line ends hash alike). */
function hashInto(text: string, out: Uint32Array): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const n = text.length;
  let length = n;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) {
      length--;
      continue;
    }
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out[0] = fmix(a ^ length);
  out[1] = fmix(b + Math.imul(length, 0x27d4eb2d));
}

/** Murmur3's finaliser: spreads every input bit over the output. */
function fmix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const normalize = (text: string): string => (text.includes('\r') ? text.replace(/\r\n/g, '\n') : text);

export interface VariantScreen {
  screen(row: WorkbookRow): void;
  /** Base texts (`\r\n` as `\n`) translated several ways where one of the texts was edited. */
  suspects(): Set<string>;
}

/**
 * `baseHashBits` (default 32) keeps only that many bits of each base text's hash: tests use a few
 * to make collisions common. `initialSlots` (a power of two) is where the table starts.
 */
export function variantScreen(options: { baseHashBits?: number; initialSlots?: number } = {}): VariantScreen {
  const bits = options.baseHashBits ?? 32;
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  let size = options.initialSlots ?? 1 << 12;
  let used = 0;
  let baseHash = new Uint32Array(size);
  /** Language index + 1 per slot; 0: an empty slot. */
  let lang = new Uint16Array(size);
  let text0 = new Uint32Array(size);
  let text1 = new Uint32Array(size);
  let flags = new Uint8Array(size);
  const lcids = new Map<Lcid, number>();
  /** Base hash → the edited base texts with that hash. */
  const bases = new Map<number, string | string[]>();
  const h = new Uint32Array(2);

  const start = (base: number, language: number): number =>
    fmix(base ^ Math.imul(language, 0x9e3779b1)) & (size - 1);

  const find = (base: number, language: number): number => {
    let i = start(base, language);
    while (lang[i] !== 0 && (lang[i] !== language || baseHash[i] !== base)) i = (i + 1) & (size - 1);
    return i;
  };

  const grow = () => {
    const old = { baseHash, lang, text0, text1, flags };
    size *= 2;
    baseHash = new Uint32Array(size);
    lang = new Uint16Array(size);
    text0 = new Uint32Array(size);
    text1 = new Uint32Array(size);
    flags = new Uint8Array(size);
    for (let j = 0; j < old.lang.length; j++) {
      const language = old.lang[j] ?? 0;
      if (language === 0) continue;
      const i = find(old.baseHash[j] ?? 0, language);
      baseHash[i] = old.baseHash[j] ?? 0;
      lang[i] = language;
      text0[i] = old.text0[j] ?? 0;
      text1[i] = old.text1[j] ?? 0;
      flags[i] = old.flags[j] ?? 0;
    }
  };

  const keepBase = (hash: number, text: string) => {
    const base = normalize(text);
    const kept = bases.get(hash);
    if (kept === undefined) bases.set(hash, detach(base));
    else if (typeof kept === 'string') {
      if (kept !== base) bases.set(hash, [kept, detach(base)]);
    } else if (!kept.includes(base)) kept.push(detach(base));
  };

  const languageOf = (lcid: Lcid): number => {
    let index = lcids.get(lcid);
    if (index === undefined) {
      index = lcids.size + 1;
      lcids.set(lcid, index);
    }
    return index;
  };

  return {
    screen(row) {
      if (row.base === '') return;
      const touched = !row.unchangedSinceExport;
      let base = -1;
      for (const [lcid, text] of row.texts) {
        if (text.trim() === '') continue;
        if (base < 0) {
          hashInto(row.base, h);
          base = ((h[0] ?? 0) & mask) >>> 0;
          if (touched) keepBase(base, row.base);
        }
        const language = languageOf(lcid);
        hashInto(text, h);
        const t0 = h[0] ?? 0;
        const t1 = h[1] ?? 0;
        const i = find(base, language);
        if (lang[i] === 0) {
          baseHash[i] = base;
          lang[i] = language;
          text0[i] = t0;
          text1[i] = t1;
          flags[i] = touched ? TOUCHED : 0;
          if (++used * 4 > size * 3) grow();
          continue;
        }
        const several = text0[i] !== t0 || text1[i] !== t1 ? SEVERAL : 0;
        flags[i] = (flags[i] ?? 0) | (touched ? TOUCHED : 0) | several;
      }
    },
    suspects() {
      const out = new Set<string>();
      for (let i = 0; i < size; i++) {
        if (lang[i] === 0 || flags[i] !== (TOUCHED | SEVERAL)) continue;
        const kept = bases.get(baseHash[i] ?? 0);
        if (typeof kept === 'string') out.add(kept);
        else kept?.forEach((b) => out.add(b));
      }
      return out;
    },
  };
}
