/**
 * The label model shared by the translations reader/writer, the workbook, checks, stats and
 * translation memory. Plain data: no I/O, no classes.
 */

/** The two CrmTranslations.xml worksheets that carry translatable text. */
export type LabelSheet = 'Localized Labels' | 'Display Strings';

export const LABEL_SHEETS: readonly LabelSheet[] = ['Display Strings', 'Localized Labels'];

/** A language code as Dynamics writes it (1033 English, 1049 Russian, 1026 Bulgarian, 1058 Ukrainian…). */
export type Lcid = number;

/** One translatable label: a row of "Localized Labels" or "Display Strings". */
export interface Label {
  sheet: LabelSheet;
  /** "Entity name": an entity logical name or a component group such as `Solution`, `RibbonCustomization`. */
  entity: string;
  /** "Object ID" on Localized Labels; "Display String Key" on Display Strings. */
  objectId: string;
  /** "Object Column Name" on Localized Labels (case-sensitive); '' on Display Strings. */
  column: string;
  /** Text per language (base language included). A language with no cell or an empty cell maps to ''. */
  texts: ReadonlyMap<Lcid, string>;
}

/** What the "Information" sheet and the header rows tell about a CrmTranslations.xml. */
export interface TranslationsHeader {
  organizationId: string;
  exportedOn: string;
  baseLanguageName: string;
  baseLcid: Lcid;
  solutionName: string;
  /** Language columns of each sheet in file order (base language first, as Dynamics writes it). */
  languages: Readonly<Record<LabelSheet, readonly Lcid[]>>;
}

/** The identity of a label: sheet, entity, object id and column. Stable across sorting and edits. */
export function labelKey(label: Pick<Label, 'sheet' | 'entity' | 'objectId' | 'column'>): string {
  return `${label.sheet}\u0000${label.entity}\u0000${label.objectId}\u0000${label.column}`;
}

/** The key as a person reads it in a message: `account / 0b1c… / DisplayName`. */
export function displayKey(label: Pick<Label, 'sheet' | 'entity' | 'objectId' | 'column'>): string {
  return label.column === ''
    ? `${label.entity} / ${label.objectId}`
    : `${label.entity} / ${label.objectId} / ${label.column}`;
}

/** Every language a file carries, base first then the others in file order, without repeats. */
export function allLanguages(header: TranslationsHeader): Lcid[] {
  const seen = new Set<Lcid>([header.baseLcid]);
  for (const sheet of LABEL_SHEETS) for (const lcid of header.languages[sheet]) seen.add(lcid);
  return [...seen];
}

/** Dynamics refuses a whole translation import when any label is longer than this. */
export const MAX_LABEL_LENGTH = 500;

/** A translation counts as the same when it differs only by line-break style (CR LF vs LF). */
export function sameText(a: string, b: string): boolean {
  return a === b || a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
}
