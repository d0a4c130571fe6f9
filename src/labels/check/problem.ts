/**
 * What `labels check` reports: one problem per label, language and rule, with a severity that
 * decides the exit status (errors fail, warnings fail only past `--max-warnings`).
 */
import type { LabelSheet, Lcid } from '../crm-xml/model';

export type Severity = 'error' | 'warning' | 'info';

export type ProblemCode =
  | 'too-long'
  | 'empty-base'
  | 'placeholder-missing'
  | 'placeholder-extra'
  | 'placeholder-renumbered'
  | 'illegal-character'
  | 'whitespace'
  | 'line-breaks'
  | 'same-as-base'
  | 'inconsistent'
  | 'double-space'
  | 'repeated-word'
  /** No longer reported: a refused workbook row is `row-added`, `key-changed` or `formula`. */
  | 'workbook-row'
  /** A workbook cell that had a translation when exported and is now empty. */
  | 'translation-cleared'
  /** A translation of only spaces. */
  | 'translation-blank'
  /** A workbook row without crmkit's row token: typed in or pasted by hand; it is ignored. */
  | 'row-added'
  /** A key cell of a workbook row differs from what was exported; the row is ignored. */
  | 'key-changed'
  /** A formula in a workbook cell; the row is ignored. */
  | 'formula'
  /** Import only: an edited workbook row whose label is no longer in the file; not imported. */
  | 'not-in-file'
  /** Machine translations in a workbook that nobody has changed yet (labels translate). */
  | 'machine-translation-unreviewed'
  /** A glossary term of the base text not translated with its preferred term (--glossary). */
  | 'glossary-term'
  /** A forbidden (deprecated) glossary term in a translation (--glossary). */
  | 'glossary-forbidden';

export interface QaProblem {
  severity: Severity;
  code: ProblemCode;
  /** The file as the user named it (the workbook, zip or xml checked or imported). */
  file?: string;
  sheet: LabelSheet;
  /** The workbook cell, e.g. `E14` (workbooks only; a zip or xml has no cells). */
  cell?: string;
  /** The row key as a person reads it: `account / 0b1c… / DisplayName`. */
  key: string;
  /**
   * The language of the column the text stands in (a translation: its target language). A
   * problem of a whole workbook row (key changed, row added, formula in a key cell) has the
   * language of the first translation typed in the row, else the workbook's first target.
   */
  lcid: Lcid;
  /** What is wrong, without the place (file, sheet, cell, key and language are fields). */
  message: string;
}

/** One label as the checks see it, whether it came from CrmTranslations.xml or a workbook. */
export interface CheckEntry {
  sheet: LabelSheet;
  /** The row key (made readable with `displayKey` only when a problem is reported). */
  entity: string;
  objectId: string;
  column: string;
  baseLcid: Lcid;
  base: string;
  /** Texts by language; '' when untranslated. An entry for the base language is ignored. */
  targets: ReadonlyMap<Lcid, string>;
  /** Where each language's text stands (a workbook cell such as `E14`), the base's included. */
  cells?: ReadonlyMap<Lcid, string>;
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(problems: readonly QaProblem[]): ProblemCounts {
  const counts: ProblemCounts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity] += 1;
  return counts;
}
