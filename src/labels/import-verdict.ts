/**
 * What import decides once the translations file is patched: refused (a workbook of another file
 * without --force, XLIFF of other languages, conflicting edits, errors the rules found) or the
 * summary printed, its warnings as lines and what --force left out.
 */
import { CrmKitError, type Problem } from '../errors';
import type { NamedFile } from '../fs/open-input';
import type { Lcid, TranslationsHeader } from './crm-xml/model';
import { SEVERITY_ORDER, type QaProblem } from './check/problem';
import type { EditSet } from './edits';
import { ImportRefused, warningLines } from './import-report';
import type { WorkbookMeta } from './workbook/types';
import { refuseOtherLanguages } from './xliff-input';

export interface ImportSummary {
  header: TranslationsHeader;
  /** Labels changed, by language. */
  changed: Map<Lcid, number>;
  /**
   * The warnings the rules found in the workbooks (rows ignored, texts written), as `labels
   * check` reports them: same code, severity and place. Errors refuse the import (ImportRefused).
   */
  problems: QaProblem[];
  /** What to print: `problems` as lines (cleared and blank translations summed up), then leftovers. */
  warnings: Problem[];
  /** What --force left out (rows of another file's workbook that no longer match). */
  skipped: Problem[];
  /** Workbooks whose fingerprint differs from the file (only with --force). */
  foreign: string[];
}

export interface VerdictInput {
  /** The patched file's header and fingerprint. */
  read: { header: TranslationsHeader; fingerprint: string };
  into: NamedFile;
  force: boolean;
  /** Each workbook or XLIFF file with what it says it was exported from. */
  metas: readonly { file: NamedFile; meta: Pick<WorkbookMeta, 'fingerprint' | 'sourceName'> }[];
  xliffLanguages: readonly { file: NamedFile; lcid: Lcid }[];
  /** XLIFF units without a crmkit key: not imported. */
  xliffWarnings: readonly Problem[];
  /** Labels changed differently in two workbooks. */
  conflicts: readonly Problem[];
  /** Every problem the rules found: the workbooks', the new texts', then the inconsistent variants. */
  problems: QaProblem[];
  edits: Pick<EditSet, 'leftovers' | 'leftoverProblems'>;
  skipped: Problem[];
  changed: Map<Lcid, number>;
}

export function importVerdict(v: VerdictInput): ImportSummary {
  const foreign = v.metas.filter((m) => m.meta.fingerprint !== v.read.fingerprint);
  if (foreign.length > 0 && !v.force) {
    const names = foreign.map((m) => `${m.file.name} (exported from ${m.meta.sourceName})`).join(', ');
    throw new CrmKitError(
      'WORKBOOK_MISMATCH',
      `${names}: exported from another translations file than ${v.into.name}; use --force to merge by key anyway`,
    );
  }
  if (!v.force) refuseOtherLanguages(v.xliffLanguages, v.read.header, v.into.name);
  if (v.conflicts.length > 0) {
    throw new CrmKitError(
      'MERGE_CONFLICT',
      `${v.conflicts.length} label(s) changed differently in two workbooks`,
      [...v.conflicts],
    );
  }
  const errors = v.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ImportRefused(errors);
  const problems = v.problems.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const warnings = [...warningLines(problems), ...v.xliffWarnings];
  const leftovers = v.edits.leftovers();
  if (foreign.length > 0) v.skipped.push(...leftovers);
  else warnings.push(...leftovers);
  problems.push(...v.edits.leftoverProblems());
  return {
    header: v.read.header,
    changed: v.changed,
    problems,
    warnings,
    skipped: v.skipped,
    foreign: foreign.map((m) => m.file.name),
  };
}
