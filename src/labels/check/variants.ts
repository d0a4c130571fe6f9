/**
 * "The same base text translated differently in one language": collected in one pass and
 * reported at the end. Kept compact for 200,000-label files: one small record per distinct base
 * text, holding references to strings the reader already made; places beyond the first are
 * remembered only once a second variant appears.
 */
import type { LabelSheet, Lcid } from '../crm-xml/model';
import { detach } from '../memory/detach';
import type { QaProblem } from './problem';

interface Place {
  sheet: LabelSheet;
  key: string;
  cell?: string;
}

interface Variant {
  text: string;
  places: Place[];
  count: number;
}

interface Slot {
  /** Orders the slots' problems: the place of the base text's first translation in the input. */
  order: number;
  /** Per language index: the first translation seen, its place and how often it was seen. */
  first: (string | undefined)[];
  firstAt: (Place | undefined)[];
  firstCount: number[];
  /** Per language index, only when a different translation appeared. */
  others?: Map<number, Variant[]>;
  /** Per language index: true once a text added as `touched` (an edited cell) was seen. */
  touched?: boolean[];
}

const MAX_PLACES = 3;

function norm(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
}

function quote(text: string): string {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return JSON.stringify(t);
}

function describePlaces(places: readonly Place[], count: number): string {
  const shown = places.map((p) => `${p.sheet}: ${p.key}`).join('; ');
  return count > places.length ? `${shown}; ${count - places.length} more` : shown;
}

const place = (sheet: LabelSheet, key: string, cell: string | undefined): Place =>
  cell === undefined ? { sheet, key } : { sheet, key, cell: detach(cell) };

export interface VariantCollector {
  /**
   * `key` gives the row's display key; it is asked for only when the place must be kept.
   * `touched` marks a text an import would write (an edited cell). `order` (default: how many
   * were added before) orders the problems of a base text seen here first.
   */
  add(
    sheet: LabelSheet,
    key: () => string,
    base: string,
    lcid: Lcid,
    text: string,
    cell?: string,
    touched?: boolean,
    order?: number,
  ): void;
  /** The base texts translated several ways; with `touchedOnly`, those with a touched text only. */
  problems(touchedOnly?: boolean): QaProblem[];
  /** The problems, each with the `order` of its base text's first translation. */
  problemsInOrder(touchedOnly?: boolean): { order: number; problem: QaProblem }[];
}

export function createVariantCollector(): VariantCollector {
  const slots = new Map<string, Slot>();
  const lcids: Lcid[] = [];
  const indexOf = (lcid: Lcid): number => {
    const i = lcids.indexOf(lcid);
    if (i >= 0) return i;
    lcids.push(lcid);
    return lcids.length - 1;
  };

  let added = 0;

  return {
    add(sheet, key, base, lcid, text, cell, touched, order = added) {
      added++;
      if (base === '' || text === '') return;
      const b = norm(base);
      const t = norm(text);
      const li = indexOf(lcid);
      let slot = slots.get(b);
      if (slot === undefined) {
        slot = { order, first: [], firstAt: [], firstCount: [] };
        slots.set(detach(b), slot);
      }
      if (touched === true) (slot.touched ??= [])[li] = true;
      const first = slot.first[li];
      if (first === undefined) {
        slot.first[li] = detach(t);
        slot.firstAt[li] = place(sheet, key(), cell);
        slot.firstCount[li] = 1;
        return;
      }
      if (first === t) {
        slot.firstCount[li] = (slot.firstCount[li] ?? 0) + 1;
        return;
      }
      slot.others ??= new Map();
      let variants = slot.others.get(li);
      if (variants === undefined) {
        variants = [];
        slot.others.set(li, variants);
      }
      let variant = variants.find((v) => v.text === t);
      if (variant === undefined) {
        variant = { text: detach(t), places: [], count: 0 };
        variants.push(variant);
      }
      variant.count += 1;
      if (variant.places.length < MAX_PLACES) variant.places.push(place(sheet, key(), cell));
    },

    problems(touchedOnly = false) {
      return this.problemsInOrder(touchedOnly).map((p) => p.problem);
    },

    problemsInOrder(touchedOnly = false) {
      const out: { order: number; problem: QaProblem }[] = [];
      for (const [base, slot] of slots) {
        if (slot.others === undefined) continue;
        for (const [li, variants] of slot.others) {
          if (touchedOnly && slot.touched?.[li] !== true) continue;
          const lcid = lcids[li]!;
          const firstText = slot.first[li]!;
          const firstAt = slot.firstAt[li]!;
          const all = [{ text: firstText, places: [firstAt], count: slot.firstCount[li] ?? 1 }, ...variants];
          const listed = all
            .map((v) => `${quote(v.text)} (${describePlaces(v.places, v.count)})`)
            .join(' vs ');
          const at = variants[0]!.places[0]!;
          out.push({
            order: slot.order,
            problem: {
              severity: 'warning',
              code: 'inconsistent',
              sheet: at.sheet,
              ...(at.cell === undefined ? {} : { cell: at.cell }),
              key: at.key,
              lcid,
              message: `base text ${quote(base)} is translated ${all.length} ways: ${listed}`,
            },
          });
        }
      }
      return out;
    },
  };
}
