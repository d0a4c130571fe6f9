/**
 * One set of rules for `labels check` and `labels import`: how each problem of a workbook is
 * classified (code and severity), so that a problem check calls an error is refused by import
 * and a warning of one is a warning of the other. The text rules themselves are in checker.ts
 * and text-rules.ts; this module adds the workbook's own problems (rows the reader refused,
 * translations cleared or left as spaces) and what import checks in a text it would write.
 */
import { displayKey, type Lcid } from '../crm-xml/model';
import type { WorkbookProblem, WorkbookRow } from '../workbook/types';
import { emptyBaseFinding, translationFindings } from './checker';
import type { KeptNamePredicate } from './kept-names';
import type { ProblemCode, QaProblem, Severity } from './problem';
import type { Finding } from './text-rules';
import { createVariantCollector } from './variants';

export type { Finding };

/** The reader's refusals: a row added by hand is ignored (a warning); a changed key or a formula loses the row's texts. */
const READ_RULES: Readonly<Record<string, { code: ProblemCode; severity: Severity }>> = {
  TOKEN_MISSING: { code: 'row-added', severity: 'warning' },
  KEY_CHANGED: { code: 'key-changed', severity: 'error' },
  FORMULA: { code: 'formula', severity: 'error' },
};

/** A row the workbook reader refused, as a problem of `file`. */
export function workbookRowProblem(p: WorkbookProblem, file: string): QaProblem {
  const rule = READ_RULES[p.code] ?? { code: 'workbook-row', severity: 'error' };
  return {
    severity: rule.severity,
    code: rule.code,
    file,
    sheet: p.sheet,
    cell: p.cell,
    key: p.key,
    lcid: p.lcid,
    message: p.message,
  };
}

/** A translation the workbook takes away: `cleared` (had text, now empty) or `blank` (only spaces). */
export type LostKind = 'cleared' | 'blank';

/** What the text of a cell does to a translation that was `before`, if it loses it. */
export function lostKind(text: string, before: string): LostKind | undefined {
  if (text === '') return before.trim() === '' ? undefined : 'cleared';
  return text.trim() === '' ? 'blank' : undefined;
}

/** Cleared and blank translations are warnings; `strict` makes them errors. */
export function lostFinding(kind: LostKind, strict: boolean): Finding {
  const refuses = strict ? '' : ' (--strict refuses it)';
  const severity = strict ? 'error' : 'warning';
  return kind === 'cleared'
    ? {
        severity,
        code: 'translation-cleared',
        message: `the translation was cleared (the cell had text when exported); the label loses its translation${refuses}`,
      }
    : { severity, code: 'translation-blank', message: `the translation is only spaces${refuses}` };
}

/**
 * What the rules find in `text`, typed over `before` in a label whose base text is `base`: what
 * check reports for that cell, and import for the edit (an error: the edit is not written).
 */
export function editFindings(
  base: string,
  text: string,
  before: string,
  strict: boolean,
  isKeptName?: KeptNamePredicate,
): Finding[] {
  const found: Finding[] = [];
  if (text !== '' && base.trim() === '') found.push(emptyBaseFinding());
  const lost = lostKind(text, before);
  if (lost !== undefined) return [...found, lostFinding(lost, strict)];
  return [...found, ...translationFindings(base, text, isKeptName)];
}

/** The texts of a row the `inconsistent` rule sees: check leaves out empty and blank ones. */
function variantTexts(row: WorkbookRow): [Lcid, string][] {
  if (row.base === '') return [];
  return [...row.texts].filter(([, text]) => text.trim() !== '');
}

/**
 * The `inconsistent` rule as import applies it, in two passes over a workbook so that memory stays
 * small: `variantScreen` (variant-screen.ts) sees every row and keeps fixed-size hashes per base
 * text and language; its `suspects` are the base texts translated several ways where one of the
 * texts was edited; only when there are some is the workbook read again, its rows with those base
 * texts fed to `editedVariants`, which confirms them with the real texts.
 */
export { variantScreen } from './variant-screen';

/** The second pass: rows whose base text is a suspect, as check sees them; edited texts marked. */
export function editedVariants(suspects: ReadonlySet<string>): {
  add(row: WorkbookRow): void;
  problems(file: string): QaProblem[];
} {
  const variants = createVariantCollector();
  return {
    add(row) {
      if (!suspects.has(row.base.replace(/\r\n/g, '\n'))) return;
      const touched = !row.unchangedSinceExport;
      for (const [lcid, text] of variantTexts(row)) {
        variants.add(row.sheet, () => displayKey(row), row.base, lcid, text, row.cells.get(lcid), touched);
      }
    },
    problems: (file) => variants.problems(true).map((p) => ({ ...p, file })),
  };
}
