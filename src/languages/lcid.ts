/**
 * The one table of language facts by Dynamics language code (LCID): BCP 47 tag, English name and
 * the language's own name. Pure (no imports), so the CrmTranslations format code, the workbook,
 * the memory, the solution packer and browser code all derive from it without crossing layers.
 * The names are fixed text rather than Intl.DisplayNames, so they do not change with the ICU
 * data of the Node.js that runs crmkit.
 */

export interface LanguageFacts {
  lcid: number;
  /** BCP 47 tag with its region (`ru-RU`, `sr-Latn-RS`), as TMX `xml:lang` carries it. */
  tag: string;
  /** The language's English name, without region ("Portuguese" for 1046 and 2070). */
  englishName: string;
  /** The language's own name, capitalised, with region where Dynamics has several ("Português (Brasil)"). */
  nativeName: string;
}

/** The LCIDs Dynamics provisions, in ascending order. */
const TABLE: readonly (readonly [number, string, string, string])[] = [
  [1025, 'ar-SA', 'Arabic', 'العربية'],
  [1026, 'bg-BG', 'Bulgarian', 'Български'],
  [1027, 'ca-ES', 'Catalan', 'Català'],
  [1028, 'zh-TW', 'Chinese', '中文（台灣）'],
  [1029, 'cs-CZ', 'Czech', 'Čeština'],
  [1030, 'da-DK', 'Danish', 'Dansk'],
  [1031, 'de-DE', 'German', 'Deutsch'],
  [1032, 'el-GR', 'Greek', 'Ελληνικά'],
  [1033, 'en-US', 'English', 'English'],
  [1035, 'fi-FI', 'Finnish', 'Suomi'],
  [1036, 'fr-FR', 'French', 'Français'],
  [1037, 'he-IL', 'Hebrew', 'עברית'],
  [1038, 'hu-HU', 'Hungarian', 'Magyar'],
  [1040, 'it-IT', 'Italian', 'Italiano'],
  [1041, 'ja-JP', 'Japanese', '日本語'],
  [1042, 'ko-KR', 'Korean', '한국어'],
  [1043, 'nl-NL', 'Dutch', 'Nederlands'],
  [1044, 'nb-NO', 'Norwegian Bokmål', 'Norsk bokmål'],
  [1045, 'pl-PL', 'Polish', 'Polski'],
  [1046, 'pt-BR', 'Portuguese', 'Português (Brasil)'],
  [1048, 'ro-RO', 'Romanian', 'Română'],
  [1049, 'ru-RU', 'Russian', 'Русский'],
  [1050, 'hr-HR', 'Croatian', 'Hrvatski'],
  [1051, 'sk-SK', 'Slovak', 'Slovenčina'],
  [1053, 'sv-SE', 'Swedish', 'Svenska'],
  [1054, 'th-TH', 'Thai', 'ไทย'],
  [1055, 'tr-TR', 'Turkish', 'Türkçe'],
  [1057, 'id-ID', 'Indonesian', 'Indonesia'],
  [1058, 'uk-UA', 'Ukrainian', 'Українська'],
  [1060, 'sl-SI', 'Slovenian', 'Slovenščina'],
  [1061, 'et-EE', 'Estonian', 'Eesti'],
  [1062, 'lv-LV', 'Latvian', 'Latviešu'],
  [1063, 'lt-LT', 'Lithuanian', 'Lietuvių'],
  [1066, 'vi-VN', 'Vietnamese', 'Tiếng Việt'],
  [1069, 'eu-ES', 'Basque', 'Euskara'],
  [1081, 'hi-IN', 'Hindi', 'हिन्दी'],
  [1086, 'ms-MY', 'Malay', 'Melayu'],
  [1087, 'kk-KZ', 'Kazakh', 'Қазақ тілі'],
  [1110, 'gl-ES', 'Galician', 'Galego'],
  [2052, 'zh-CN', 'Chinese', '中文（中国）'],
  [2070, 'pt-PT', 'Portuguese', 'Português europeu'],
  [2074, 'sr-Latn-RS', 'Serbian', 'Srpski (latinica)'],
  [3076, 'zh-HK', 'Chinese', '中文（中國香港特別行政區）'],
  [3082, 'es-ES', 'Spanish', 'Español'],
  [3098, 'sr-Cyrl-RS', 'Serbian', 'Српски (ћирилица)'],
];

export const LANGUAGES: ReadonlyMap<number, LanguageFacts> = new Map(
  TABLE.map(([lcid, tag, englishName, nativeName]) => [lcid, { lcid, tag, englishName, nativeName }]),
);

/** The facts of an LCID, or undefined when the table does not know it (any LCID may appear in a file). */
export function languageOf(lcid: number): LanguageFacts | undefined {
  return LANGUAGES.get(lcid);
}

/** The languages every crmkit string exists in: English, Russian, Bulgarian, Ukrainian. */
export const PRODUCT_LANGUAGES = [1033, 1049, 1026, 1058] as const;
export type ProductLcid = (typeof PRODUCT_LANGUAGES)[number];
