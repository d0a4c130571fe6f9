/**
 * Language captions for the workbook's column headers: each language in its own name with its
 * LCID ("Русский (1049)"), so a translator finds their column and import can read the LCID back.
 */
import type { Lcid } from '../crm-xml/model';

/** LCIDs Dynamics provisions, mapped to BCP 47 tags (an LCID not listed is shown by number). */
const lcidTags: Readonly<Record<number, string>> = {
  1025: 'ar',
  1026: 'bg',
  1027: 'ca',
  1028: 'zh-TW',
  1029: 'cs',
  1030: 'da',
  1031: 'de',
  1032: 'el',
  1033: 'en',
  1035: 'fi',
  1036: 'fr',
  1037: 'he',
  1038: 'hu',
  1040: 'it',
  1041: 'ja',
  1042: 'ko',
  1043: 'nl',
  1044: 'nb',
  1045: 'pl',
  1046: 'pt-BR',
  1048: 'ro',
  1049: 'ru',
  1050: 'hr',
  1051: 'sk',
  1053: 'sv',
  1054: 'th',
  1055: 'tr',
  1057: 'id',
  1058: 'uk',
  1060: 'sl',
  1061: 'et',
  1062: 'lv',
  1063: 'lt',
  1066: 'vi',
  1069: 'eu',
  1081: 'hi',
  1086: 'ms',
  1087: 'kk',
  1110: 'gl',
  2052: 'zh-CN',
  2070: 'pt-PT',
  2074: 'sr-Latn',
  3076: 'zh-HK',
  3082: 'es',
  3098: 'sr-Cyrl',
};

/** The language's own name, capitalised ("Русский", "Български"), or "Language <lcid>". */
export function nativeLanguageName(lcid: Lcid): string {
  const tag = lcidTags[lcid];
  if (tag === undefined) return `Language ${lcid}`;
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (name === undefined || name === '') return `Language ${lcid}`;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return `Language ${lcid}`;
  }
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
