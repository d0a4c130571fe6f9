/**
 * The file's own translations for consistency suggestions, when the file is read once
 * (suggestion-layer.ts). Only a base text met in two rows or more can fill one row's empty cell from
 * another row's translation, and in most files most base texts are met once. So a row's
 * translations are held back, as characters in a pool and a few numbers, until its base text is met
 * again; only then are they added to the memory, just before the second row's. Each base text's
 * translations reach the memory in file order, so it counts them (and picks among them) as if every
 * row had been added: the memory differs only by the base texts met once, which it could never
 * suggest from.
 */
import type { Lcid } from '../crm-xml/model';
import { IntList } from './int-list';
import type { TranslationMemory } from './memory';
import { createTextStore } from './text-pool';
import { baseHash } from './wanted';

/** A base text whose rows go straight to the memory. */
const REPEATED = -1;

export class RepeatedBases {
  private readonly texts = createTextStore();
  /** Per held row: base text (two numbers), place (two), translations, then language and text (two) each. */
  private readonly held = new IntList();
  /** Base text hash → where its first row is held, or REPEATED. A hash shared by two texts only lets more through. */
  private readonly seen = new Map<number, number>();

  constructor(private readonly memory: Pick<TranslationMemory, 'add'>) {}

  /** A row of the file: its base text, its texts by language, and where it stands (a suggestion's source). */
  add(baseLcid: Lcid, base: string, texts: ReadonlyMap<Lcid, string>, place: () => string): void {
    if (base.trim() === '') return;
    const hash = baseHash(base);
    const first = this.seen.get(hash);
    if (first === undefined) {
      this.seen.set(hash, this.hold(baseLcid, base, texts, place));
      return;
    }
    if (first !== REPEATED) {
      this.release(baseLcid, first);
      this.seen.set(hash, REPEATED);
    }
    for (const [lcid, text] of texts) this.memory.add(baseLcid, base, lcid, text, place);
  }

  /** Keeps a row's translations (those the memory would take); returns where. */
  private hold(baseLcid: Lcid, base: string, texts: ReadonlyMap<Lcid, string>, place: () => string): number {
    const { held } = this;
    const at = held.length;
    let count = 0;
    for (const [lcid, text] of texts) if (lcid !== baseLcid && text.trim() !== '') count++;
    if (count === 0) {
      held.push(0);
      return at;
    }
    held.push(count);
    this.store(base);
    this.store(place());
    for (const [lcid, text] of texts) {
      if (lcid === baseLcid || text.trim() === '') continue;
      held.push(lcid);
      this.store(text);
    }
    return at;
  }

  private store(text: string): void {
    this.held.push(this.texts.add(text));
    this.held.push(this.texts.field);
  }

  private text(i: number): string {
    return this.texts.text(this.held.get(i), this.held.get(i + 1));
  }

  /** Adds the row held at `at` to the memory. */
  private release(baseLcid: Lcid, at: number): void {
    const count = this.held.get(at);
    if (count === 0) return;
    const base = this.text(at + 1);
    const place = this.text(at + 3);
    for (let t = 0; t < count; t++) {
      const i = at + 5 + t * 3;
      this.memory.add(baseLcid, base, this.held.get(i), this.text(i + 1), place);
    }
  }
}
