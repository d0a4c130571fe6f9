/**
 * The one table of language facts by Dynamics language code (LCID): every language Dynamics 365 /
 * Dataverse supports (Microsoft's "Language and associated collation used with Dataverse" list,
 * without the regional variants that only set formats), with its BCP 47 tag, English name and
 * the language's own name. Profiles, label files, workbooks, XLIFF and memory derive from it
 * without crossing layers. The tags live in `tags.ts` (browser code needs only them).
 * The names are fixed text rather than Intl.DisplayNames, so they do not change with the ICU
 * data of the Node.js that runs crmkit.
 */

import { LANGUAGE_TAGS, PRODUCT_LANGUAGES, type ProductLcid } from './tags';

export interface LanguageFacts {
  lcid: number;
  /** BCP 47 tag with its region (`ru-RU`, `sr-Latn-RS`), as TMX `xml:lang` carries it. */
  tag: string;
  /** The language's English name, without region ("Portuguese" for 1046 and 2070). */
  englishName: string;
  /** The language's own name, capitalised, with region where Dynamics has several ("Português (Brasil)"). */
  nativeName: string;
}

/** The names of every language `tags.ts` knows: English name, own name. */
const NAMES: readonly (readonly [number, string, string])[] = [
  [1025, 'Arabic', 'العربية'],
  [1026, 'Bulgarian', 'Български'],
  [1027, 'Catalan', 'Català'],
  [1028, 'Chinese', '中文（台灣）'],
  [1029, 'Czech', 'Čeština'],
  [1030, 'Danish', 'Dansk'],
  [1031, 'German', 'Deutsch'],
  [1032, 'Greek', 'Ελληνικά'],
  [1033, 'English', 'English'],
  [1035, 'Finnish', 'Suomi'],
  [1036, 'French', 'Français'],
  [1037, 'Hebrew', 'עברית'],
  [1038, 'Hungarian', 'Magyar'],
  [1040, 'Italian', 'Italiano'],
  [1041, 'Japanese', '日本語'],
  [1042, 'Korean', '한국어'],
  [1043, 'Dutch', 'Nederlands'],
  [1044, 'Norwegian Bokmål', 'Norsk bokmål'],
  [1045, 'Polish', 'Polski'],
  [1046, 'Portuguese', 'Português (Brasil)'],
  [1048, 'Romanian', 'Română'],
  [1049, 'Russian', 'Русский'],
  [1050, 'Croatian', 'Hrvatski'],
  [1051, 'Slovak', 'Slovenčina'],
  [1053, 'Swedish', 'Svenska'],
  [1054, 'Thai', 'ไทย'],
  [1055, 'Turkish', 'Türkçe'],
  [1057, 'Indonesian', 'Indonesia'],
  [1058, 'Ukrainian', 'Українська'],
  [1060, 'Slovenian', 'Slovenščina'],
  [1061, 'Estonian', 'Eesti'],
  [1062, 'Latvian', 'Latviešu'],
  [1063, 'Lithuanian', 'Lietuvių'],
  [1066, 'Vietnamese', 'Tiếng Việt'],
  [1069, 'Basque', 'Euskara'],
  [1081, 'Hindi', 'हिन्दी'],
  [1086, 'Malay', 'Melayu'],
  [1087, 'Kazakh', 'Қазақ тілі'],
  [1110, 'Galician', 'Galego'],
  [2052, 'Chinese', '中文（中国）'],
  [2070, 'Portuguese', 'Português europeu'],
  [2074, 'Serbian', 'Srpski (latinica)'],
  [3076, 'Chinese', '中文（中國香港特別行政區）'],
  [3082, 'Spanish', 'Español'],
  [3098, 'Serbian', 'Српски (ћирилица)'],
];

export const LANGUAGES: ReadonlyMap<number, LanguageFacts> = new Map(
  NAMES.map(([lcid, englishName, nativeName]) => [
    lcid,
    { lcid, tag: LANGUAGE_TAGS.get(lcid) ?? '', englishName, nativeName },
  ]),
);

/** The facts of an LCID, or undefined when the table does not know it (any LCID may appear in a file). */
export function languageOf(lcid: number): LanguageFacts | undefined {
  return LANGUAGES.get(lcid);
}

/** Every LCID Dynamics 365 supports, ascending (45 languages). */
export const DYNAMICS_LANGUAGES: readonly number[] = [...LANGUAGES.keys()];

/** True for a language Dynamics 365 supports (one a profile may declare). */
export function isDynamicsLanguage(lcid: number): boolean {
  return LANGUAGES.has(lcid);
}

/**
 * The BCP 47 tag of an LCID (`de-DE`, `sr-Latn-RS`); an LCID the table does not know (any may
 * appear in a file) becomes the private-use tag `x-lcid-<n>`, which `lcidOfLanguageTag` reads back.
 */
export function languageTag(lcid: number): string {
  return LANGUAGES.get(lcid)?.tag ?? `x-lcid-${String(lcid)}`;
}

/** The English name ("German"; "Portuguese" for 1046 and 2070); the number when unknown. */
export function languageName(lcid: number): string {
  return LANGUAGES.get(lcid)?.englishName ?? String(lcid);
}

/** Name and code for messages: "German (1031)", or "language 9999" when the table does not know it. */
export function languageLabel(lcid: number): string {
  const facts = LANGUAGES.get(lcid);
  return facts === undefined ? `language ${String(lcid)}` : `${facts.englishName} (${String(lcid)})`;
}

/** True for a language crmkit's own texts (CLI, workbook captions, widgets) exist in. */
export function isProductLanguage(lcid: number): lcid is ProductLcid {
  return (PRODUCT_LANGUAGES as readonly number[]).includes(lcid);
}

export { PRODUCT_LANGUAGES, type ProductLcid };
export { lcidOfLanguageTag } from './tag-match';
