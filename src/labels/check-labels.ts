/**
 * `labels check`: finds the label problems that fail an import or look broken, in a translations
 * zip, a CrmTranslations.xml or a translator's workbook.
 */
import { readInputText, type NamedFile } from '../fs/open-input';
import { createChecker } from './check/checker';
import { keptNames, parseKeptNames } from './check/kept-names';
import { countBySeverity, type ProblemCounts, type QaProblem } from './check/problem';
import { LABEL_SHEETS, type Lcid } from './crm-xml/model';
import { readLabelInput, type InputResult } from './label-input';
import type { ProgressCallbacks } from './progress-callbacks';

export interface CheckOptions extends Pick<ProgressCallbacks, 'onRows'> {
  input: NamedFile;
  /** Names kept untranslated without a warning, one per line (`#` comments). */
  keptNames?: NamedFile;
  /** Largest XML accepted inside a zip, in bytes. */
  maxSize?: number;
}

export interface CheckResult {
  problems: QaProblem[];
  counts: ProblemCounts;
  /** Labels read. */
  rows: number;
}

/** A refused workbook row becomes an error of the check, with its place. */
function workbookProblem(p: InputResult['problems'][number], baseLcid: Lcid): QaProblem {
  const sheet = LABEL_SHEETS.find((s) => p.where.includes(`› ${s}`)) ?? 'Localized Labels';
  return {
    severity: 'error',
    code: 'workbook-row',
    sheet,
    key: p.where,
    lcid: baseLcid,
    message: `${p.message} (${p.code})`,
  };
}

export async function checkLabels(o: CheckOptions): Promise<CheckResult> {
  const extra = o.keptNames === undefined ? [] : parseKeptNames(await readInputText(o.keptNames));
  const checker = createChecker({ isKeptName: keptNames(extra) });
  const result = await readLabelInput(
    o.input,
    ({ baseLcid }) =>
      (row) => {
        checker.add({
          sheet: row.sheet,
          entity: row.entity,
          objectId: row.objectId,
          column: row.column,
          baseLcid,
          base: row.base,
          targets: row.targets,
          ...(row.cells === undefined ? {} : { cells: row.cells }),
        });
        o.onRows?.(1);
      },
    { maxEntrySize: o.maxSize },
  );
  const problems = [...result.problems.map((p) => workbookProblem(p, result.baseLcid)), ...checker.finish()];
  return { problems, counts: countBySeverity(problems), rows: result.rows };
}
