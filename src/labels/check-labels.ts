/**
 * `labels check`: finds the label problems that fail an import or look broken, in a translations
 * zip, a CrmTranslations.xml or a translator's workbook.
 */
import { readInputText, type NamedFile } from '../fs/open-input';
import { createChecker } from './check/checker';
import { createSpilledVariantCollector } from './check/spilled-variants';
import { keptNames, parseKeptNames } from './check/kept-names';
import { countBySeverity, SEVERITY_ORDER, type ProblemCounts, type QaProblem } from './check/problem';
import { lostFinding } from './check/rules';
import { displayKey, type Lcid } from './crm-xml/model';
import { readLabelInput, type InputRow } from './label-input';
import type { ProgressCallbacks } from './progress-callbacks';
import { loadGlossary } from './glossary/load';
import { translationChecks } from './translate/check-hook';

export interface CheckOptions extends Pick<ProgressCallbacks, 'onRows'> {
  input: NamedFile;
  /** Names kept untranslated without a warning, one per line (`#` comments). */
  keptNames?: NamedFile;
  /** Largest XML accepted inside a zip, in bytes. */
  maxSize?: number;
  /** Cleared translations and texts of only spaces are errors, not warnings. */
  strict?: boolean;
  /** A termbase (TBX, CSV) the translations are checked against. */
  glossary?: NamedFile;
  /** Unreviewed machine translations are an error, not a warning. */
  noUnreviewedMt?: boolean;
}

export interface CheckResult {
  problems: QaProblem[];
  counts: ProblemCounts;
  /** Labels read. */
  rows: number;
}

/**
 * Texts a row loses: only spaces (any input), or cleared. A cleared cell is told by the row's
 * token, which says the row's texts changed since export: with one target language, an empty
 * cell in a changed row had text. With several, the token cannot say which cell changed.
 */
function lostTexts(row: InputRow, targets: readonly Lcid[], strict: boolean): QaProblem[] {
  const found: QaProblem[] = [];
  for (const lcid of targets) {
    const text = row.targets.get(lcid) ?? '';
    const kind =
      text !== '' && text.trim() === ''
        ? 'blank'
        : text === '' && row.edited === true && targets.length === 1
          ? 'cleared'
          : undefined;
    if (kind === undefined) continue;
    const cell = row.cells?.get(lcid);
    found.push({
      ...lostFinding(kind, strict),
      sheet: row.sheet,
      ...(cell === undefined ? {} : { cell }),
      key: displayKey(row),
      lcid,
    });
  }
  return found;
}

/** The texts the other rules see: a text of only spaces is reported once, as blank. */
function withoutBlanks(targets: ReadonlyMap<Lcid, string>): ReadonlyMap<Lcid, string> {
  if (![...targets.values()].some((t) => t !== '' && t.trim() === '')) return targets;
  return new Map([...targets].map(([lcid, t]) => [lcid, t.trim() === '' ? '' : t]));
}

export async function checkLabels(o: CheckOptions): Promise<CheckResult> {
  const extra = o.keptNames === undefined ? [] : parseKeptNames(await readInputText(o.keptNames));
  const glossary = o.glossary === undefined ? undefined : await loadGlossary(o.glossary);
  const translation = translationChecks({
    ...(glossary === undefined ? {} : { glossary }),
    unreviewedIsError: o.noUnreviewedMt === true,
  });
  // The cross-row rule groups translations by base text on disk once there are many: flat memory.
  const variants = createSpilledVariantCollector();
  const checker = createChecker({ isKeptName: keptNames(extra), variants });
  const lost: QaProblem[] = [];
  const result = await readLabelInput(
    o.input,
    ({ baseLcid, targets }) =>
      (row) => {
        lost.push(...lostTexts(row, targets, o.strict === true));
        translation.row(row, baseLcid, targets);
        checker.add({
          sheet: row.sheet,
          entity: row.entity,
          objectId: row.objectId,
          column: row.column,
          baseLcid,
          base: row.base,
          targets: withoutBlanks(row.targets),
          ...(row.cells === undefined ? {} : { cells: row.cells }),
        });
        o.onRows?.(1);
      },
    { maxEntrySize: o.maxSize },
  ).catch((e: unknown) => {
    variants.discard();
    throw e;
  });
  const problems = [...result.problems, ...lost, ...checker.finish(), ...translation.finish()]
    .map((p) => ({ ...p, file: o.input.name }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { problems, counts: countBySeverity(problems), rows: result.rows };
}
