/**
 * The survey response table's texts in crmkit's four languages. They live here, beside the code
 * that writes them into customizations.xml, rather than in translations/ui: they are solution
 * metadata that Dataverse shows (table, column, choice, form, view and chart names), not strings a
 * control or page renders, and each language module is typed against the English keys, so the
 * compiler refuses a missing text.
 */
import { BG_SYSTEM } from './bg-system';
import { BG_TABLE } from './bg-table';
import { EN_SYSTEM } from './en-system';
import { EN_TABLE } from './en-table';
import { RU_SYSTEM } from './ru-system';
import { RU_TABLE } from './ru-table';
import { UK_SYSTEM } from './uk-system';
import { UK_TABLE } from './uk-table';

export type LabelKey = keyof typeof EN_SYSTEM | keyof typeof EN_TABLE;

/** The languages the table's texts exist in, English first. */
export const TABLE_LANGUAGES = [1033, 1049, 1026, 1058] as const;
export type TableLanguage = (typeof TABLE_LANGUAGES)[number];

export const TABLE_LABELS: Readonly<Record<TableLanguage, Readonly<Record<LabelKey, string>>>> = {
  1033: { ...EN_SYSTEM, ...EN_TABLE },
  1049: { ...RU_SYSTEM, ...RU_TABLE },
  1026: { ...BG_SYSTEM, ...BG_TABLE },
  1058: { ...UK_SYSTEM, ...UK_TABLE },
};

/** One text per language, for the languages given (others fall back to English). */
export type Texts = ReadonlyArray<{ lcid: number; text: string }>;

export function isTableLanguage(lcid: number): lcid is TableLanguage {
  return (TABLE_LANGUAGES as readonly number[]).includes(lcid);
}

/** The texts of a key in each of the client's languages; a language crmkit has no texts in gets English. */
export function textsOf(key: LabelKey, languages: readonly number[]): Texts {
  return languages.map((lcid) => ({
    lcid,
    text: TABLE_LABELS[isTableLanguage(lcid) ? lcid : 1033][key],
  }));
}
