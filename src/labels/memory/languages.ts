/**
 * Dynamics language codes (LCIDs) and the language tags TMX uses (`xml:lang`, RFC 4646/BCP 47).
 * Any LCID may appear in a file, so an LCID missing from the table becomes the private-use tag
 * `x-lcid-<n>` and reads back as the same number.
 */
import type { Lcid } from '../crm-xml/model';

const TAGS: Readonly<Record<number, string>> = {
  1025: 'ar-SA',
  1026: 'bg-BG',
  1027: 'ca-ES',
  1028: 'zh-TW',
  1029: 'cs-CZ',
  1030: 'da-DK',
  1031: 'de-DE',
  1032: 'el-GR',
  1033: 'en-US',
  1035: 'fi-FI',
  1036: 'fr-FR',
  1037: 'he-IL',
  1038: 'hu-HU',
  1040: 'it-IT',
  1041: 'ja-JP',
  1042: 'ko-KR',
  1043: 'nl-NL',
  1044: 'nb-NO',
  1045: 'pl-PL',
  1046: 'pt-BR',
  1048: 'ro-RO',
  1049: 'ru-RU',
  1050: 'hr-HR',
  1051: 'sk-SK',
  1053: 'sv-SE',
  1054: 'th-TH',
  1055: 'tr-TR',
  1057: 'id-ID',
  1058: 'uk-UA',
  1060: 'sl-SI',
  1061: 'et-EE',
  1062: 'lv-LV',
  1063: 'lt-LT',
  1066: 'vi-VN',
  1069: 'eu-ES',
  1081: 'hi-IN',
  1086: 'ms-MY',
  1087: 'kk-KZ',
  1110: 'gl-ES',
  2052: 'zh-CN',
  2070: 'pt-PT',
  2074: 'sr-Latn-RS',
  3076: 'zh-HK',
  3082: 'es-ES',
  3098: 'sr-Cyrl-RS',
};

const BY_TAG = new Map<string, Lcid>(
  Object.entries(TAGS).map(([lcid, tag]) => [tag.toLowerCase(), Number(lcid)]),
);
/** A bare language ("ru") maps to the first LCID of that language in the table. */
const BY_LANGUAGE = new Map<string, Lcid>();
for (const [lcid, tag] of Object.entries(TAGS)) {
  const language = tag.split('-')[0]!.toLowerCase();
  if (!BY_LANGUAGE.has(language)) BY_LANGUAGE.set(language, Number(lcid));
}

export function tagOfLcid(lcid: Lcid): string {
  return TAGS[lcid] ?? `x-lcid-${String(lcid)}`;
}

/** The LCID of a TMX language tag; undefined when the tag names no language we can place. */
export function lcidOfTag(tag: string): Lcid | undefined {
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  const priv = /^x-lcid-(\d+)$/.exec(t);
  if (priv) return Number(priv[1]);
  return BY_TAG.get(t) ?? BY_LANGUAGE.get(t.split('-')[0] ?? '');
}

/** "Russian" for 1049 (English names, for tables and messages); the number when unknown. */
export function languageName(lcid: Lcid): string {
  const tag = TAGS[lcid];
  if (tag === undefined) return String(lcid);
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag.split('-')[0]!) ?? tag;
  } catch {
    return tag;
  }
}
