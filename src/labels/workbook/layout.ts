/**
 * The columns of a label sheet, shared by the writer and the reader:
 * key columns | Context | base text | one column per target language | hidden row token.
 */
import type { LabelSheet, Lcid } from '../crm-xml/model';
import type { UiLcid } from '../crm-xml/context-texts';
import { captions } from './captions';
import { languageCaption } from './languages';

/** Bumped whenever the columns below change; the reader refuses other versions. */
export const FORMAT_VERSION = 1;

/** Name of the very hidden sheet that records `WorkbookMeta`. */
export const META_SHEET = '_crmkit';

/** The key columns of each sheet, as CrmTranslations.xml has them (captions in captions.ts). */
export const KEY_FIELDS: Readonly<
  Record<LabelSheet, readonly ('entity' | 'objectId' | 'column' | 'displayStringKey')[]>
> = {
  'Localized Labels': ['entity', 'objectId', 'column'],
  'Display Strings': ['entity', 'displayStringKey'],
};

/** Width (in characters of the default font) that shows a 36-character GUID whole. */
export const GUID_WIDTH = 38;

export interface SheetLayout {
  sheet: LabelSheet;
  keyCount: number;
  /** 1-based column numbers. */
  contextCol: number;
  baseCol: number;
  /** Column of each target language, in order. */
  targetCols: readonly { lcid: Lcid; col: number }[];
  tokenCol: number;
  captions: readonly string[];
  widths: readonly number[];
}

export function sheetLayout(
  sheet: LabelSheet,
  baseLcid: Lcid,
  targets: readonly Lcid[],
  language: UiLcid = 1033,
): SheetLayout {
  const words = captions[language];
  const keys = KEY_FIELDS[sheet].map((field) => words[field]);
  const keyCount = keys.length;
  const contextCol = keyCount + 1;
  const baseCol = keyCount + 2;
  const targetCols = targets.map((lcid, i) => ({ lcid, col: baseCol + 1 + i }));
  const tokenCol = baseCol + targets.length + 1;
  // Object ID holds a GUID (36 characters) and must show whole; Display String Key is shorter.
  const keyWidths = sheet === 'Localized Labels' ? [16, GUID_WIDTH, 20] : [16, 30];
  return {
    sheet,
    keyCount,
    contextCol,
    baseCol,
    targetCols,
    tokenCol,
    captions: [
      ...keys,
      words.context,
      languageCaption(baseLcid),
      ...targets.map(languageCaption),
      words.token,
    ],
    widths: [...keyWidths, 26, 45, ...targets.map(() => 45), 12],
  };
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
