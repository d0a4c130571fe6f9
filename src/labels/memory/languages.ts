/**
 * Dynamics language codes (LCIDs) and the language tags TMX uses (`xml:lang`, RFC 4646/BCP 47).
 * Any LCID may appear in a file, so an LCID missing from the table becomes the private-use tag
 * `x-lcid-<n>` and reads back as the same number.
 */
import { LANGUAGES, languageOf } from '../../languages/lcid';
import type { Lcid } from '../crm-xml/model';

const BY_TAG = new Map<string, Lcid>([...LANGUAGES.values()].map((l) => [l.tag.toLowerCase(), l.lcid]));
/** A bare language ("ru") maps to the first LCID of that language in the table. */
const BY_LANGUAGE = new Map<string, Lcid>();
for (const { lcid, tag } of LANGUAGES.values()) {
  const language = tag.split('-')[0]!.toLowerCase();
  if (!BY_LANGUAGE.has(language)) BY_LANGUAGE.set(language, lcid);
}

export function tagOfLcid(lcid: Lcid): string {
  return languageOf(lcid)?.tag ?? `x-lcid-${String(lcid)}`;
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
  return languageOf(lcid)?.englishName ?? String(lcid);
}
