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
  /** A workbook row the reader refused (formula, key cell changed, token missing). */
  | 'workbook-row'
  /** A workbook cell that had a translation when exported and is now empty. */
  | 'translation-cleared'
  /** A translation of only spaces. */
  | 'translation-blank'
  /** Machine translations in a workbook that nobody has changed yet (labels translate). */
  | 'machine-translation-unreviewed'
  /** A glossary term of the base text not translated with its preferred term (--glossary). */
  | 'glossary-term'
  /** A forbidden (deprecated) glossary term in a translation (--glossary). */
  | 'glossary-forbidden';

export interface QaProblem {
  severity: Severity;
  code: ProblemCode;
  sheet: LabelSheet;
  /** The row key as a person reads it: `account / 0b1c… / DisplayName`. */
  key: string;
  lcid: Lcid;
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
  /** Where each language's text stands, for messages (a workbook cell such as `E14`). */
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
