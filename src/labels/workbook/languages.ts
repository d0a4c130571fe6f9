/**
 * Language captions for the workbook's column headers: each language in its own name with its
 * LCID ("Русский (1049)"), so a translator finds their column and import can read the LCID back.
 */
import { languageOf } from '../../languages/lcid';
import type { Lcid } from '../crm-xml/model';

/** The language's own name, capitalised ("Русский", "Български"), or "Language <lcid>". */
export function nativeLanguageName(lcid: Lcid): string {
  return languageOf(lcid)?.nativeName ?? `Language ${lcid}`;
}

/** Header caption of a language column: `Русский (1049)`. */
export function languageCaption(lcid: Lcid): string {
  return `${nativeLanguageName(lcid)} (${lcid})`;
}

/** The LCID of a language column header (`… (1049)`), or undefined when it is not one. */
export function lcidOfCaption(caption: string): Lcid | undefined {
  const match = /\((\d{4,5})\)\s*$/.exec(caption);
  return match === null ? undefined : Number(match[1]);
}

/** Primary language ids (the LCID's low 10 bits) of scripts written right to left. */
const rightToLeft = new Set([
  0x01, // Arabic
  0x0d, // Hebrew
  0x20, // Urdu
  0x29, // Persian
  0x5a, // Syriac
  0x63, // Pashto
  0x65, // Divehi
  0x8c, // Dari
  0x92, // Central Kurdish
]);

/** True for a language written right to left (its translation cells read right to left). */
export function isRightToLeft(lcid: Lcid): boolean {
  return rightToLeft.has(lcid & 0x3ff);
}
