/**
 * One set of rules for `labels check` and `labels import`: how each problem of a workbook is
 * classified (code and severity), so that a problem check calls an error is refused by import
 * and a warning of one is a warning of the other. The text rules themselves are in checker.ts
 * and text-rules.ts; this module adds the workbook's own problems (rows the reader refused,
 * translations cleared or left as spaces) and what import checks in a text it would write.
 */
import { hash } from 'node:crypto';
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

const digest = (text: string): string => hash('sha1', text.replace(/\r\n/g, '\n'), 'base64').slice(0, 12);

/** The texts of a row the `inconsistent` rule sees: check leaves out empty and blank ones. */
function variantTexts(row: WorkbookRow): [Lcid, string][] {
  if (row.base === '') return [];
  return [...row.texts].filter(([, text]) => text.trim() !== '');
}

/**
 * The `inconsistent` rule as import applies it, in two passes over a workbook so that memory stays
 * small: `screen` sees every row and keeps a short digest per base text and language; `suspects`
 * gives the base texts translated several ways where one of the texts was edited; only when there
 * are some is the workbook read again, its rows with those base texts fed to `variants`.
 */
export function variantScreen(): { screen(row: WorkbookRow): void; suspects(): Set<string> } {
  /** `${lcid}:${base digest}` → `<touched 0|1><several 0|1><first text digest>`. */
  const seen = new Map<string, string>();
  const bases = new Map<string, string>();
  return {
    screen(row) {
      const touched = !row.unchangedSinceExport;
      let baseDigest: string | undefined;
      for (const [lcid, text] of variantTexts(row)) {
        baseDigest ??= digest(row.base);
        const key = `${lcid}:${baseDigest}`;
        const before = seen.get(key);
        const textDigest = digest(text);
        if (before === undefined) {
          seen.set(key, `${touched ? 1 : 0}0${textDigest}`);
        } else {
          const t = touched || before[0] === '1' ? 1 : 0;
          const several = before[1] === '1' || before.slice(2) !== textDigest ? 1 : 0;
          seen.set(key, `${t}${several}${before.slice(2)}`);
        }
        if (touched) bases.set(baseDigest, row.base.replace(/\r\n/g, '\n'));
      }
    },
    suspects() {
      const out = new Set<string>();
      for (const [key, state] of seen) {
        if (!state.startsWith('11')) continue;
        const base = bases.get(key.slice(key.indexOf(':') + 1));
        if (base !== undefined) out.add(base);
      }
      return out;
    },
  };
}

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
