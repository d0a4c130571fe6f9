/**
 * `labels check` as an accumulator: feed it every label once (in file order, from any reader),
 * then ask for the problems. Per-text rules run as rows arrive; the cross-row "variants" rule
 * reports at the end.
 */
import { detach } from '../memory/detach';
import { displayKey } from '../crm-xml/model';
import type { CheckEntry, QaProblem } from './problem';
import { SEVERITY_ORDER } from './problem';
import { keptNames, type KeptNamePredicate } from './kept-names';
import {
  illegalCharacterFinding,
  lengthFinding,
  placeholderFindings,
  typographyFindings,
  whitespaceFindings,
  type Finding,
} from './text-rules';
import { createVariantCollector, type VariantCollector } from './variants';

export interface CheckerOptions {
  /** Which base texts may stay untranslated without a warning. */
  isKeptName?: KeptNamePredicate;
  /** Where the cross-row "variants" rule collects (default: in memory). */
  variants?: VariantCollector;
}

export interface Checker {
  add(entry: CheckEntry): void;
  /** Rows seen so far. */
  readonly rows: number;
  /** All problems, errors first, then warnings, then info; file order within a severity. */
  finish(): QaProblem[];
}

type Emit = (finding: Finding) => void;

function checkBase(base: string, emit: Emit): void {
  if (base.trim() === '') {
    emit(emptyBaseFinding());
    return;
  }
  const length = lengthFinding(base);
  if (length) emit(length);
  const illegal = illegalCharacterFinding(base);
  if (illegal) emit(illegal);
}

function checkTarget(
  base: string,
  baseTypography: readonly Finding[],
  target: string,
  isKeptName: KeptNamePredicate,
  emit: Emit,
): void {
  const length = lengthFinding(target);
  if (length) emit(length);
  const illegal = illegalCharacterFinding(target);
  if (illegal) emit(illegal);
  if (base.trim() !== '') {
    for (const f of placeholderFindings(base, target)) emit(f);
    for (const f of whitespaceFindings(base, target)) emit(f);
    if (
      (target === base || target.replace(/\r\n/g, '\n') === base.replace(/\r\n/g, '\n')) &&
      !isKeptName(base)
    ) {
      emit({
        severity: 'warning',
        code: 'same-as-base',
        message: 'translation is identical to the base text',
      });
    }
  }
  // Typography the base already has is the base's problem, reported once on the base.
  for (const f of typographyFindings(target)) {
    if (!baseTypography.some((b) => b.code === f.code)) emit(f);
  }
}

/**
 * What the rules say about one translation of `base` (empty texts are not checked): the findings
 * `labels check` reports for it, which `labels import` reports for a text it would write.
 */
export function translationFindings(
  base: string,
  target: string,
  isKeptName: KeptNamePredicate = keptNames(),
): Finding[] {
  const found: Finding[] = [];
  if (target === '') return found;
  checkTarget(base, typographyFindings(base), target, isKeptName, (f) => found.push(f));
  return found;
}

/** The finding of an empty base text, which import reports for a translation typed for it. */
export function emptyBaseFinding(): Finding {
  return { severity: 'error', code: 'empty-base', message: 'the base-language text is empty' };
}

export function createChecker(options: CheckerOptions = {}): Checker {
  const isKeptName = options.isKeptName ?? keptNames();
  const variants = options.variants ?? createVariantCollector();
  const found: QaProblem[] = [];
  let rows = 0;

  let entry: CheckEntry | undefined;
  let entryKey: string | undefined;
  let lcid = 0;
  const keyOfEntry = (e: CheckEntry): string => (entryKey ??= detach(displayKey(e)));
  const emit: Emit = (f) => {
    if (entry === undefined) return;
    const cell = entry.cells?.get(lcid);
    found.push({
      severity: f.severity,
      code: f.code,
      sheet: entry.sheet,
      ...(cell === undefined ? {} : { cell }),
      key: keyOfEntry(entry),
      lcid,
      message: f.message,
    });
  };

  return {
    get rows() {
      return rows;
    },
    add(e) {
      rows += 1;
      entry = e;
      entryKey = undefined;
      lcid = e.baseLcid;
      const baseTypography = typographyFindings(e.base);
      checkBase(e.base, emit);
      for (const f of baseTypography) emit(f);
      for (const [l, text] of e.targets) {
        if (l === e.baseLcid || text === '') continue;
        lcid = l;
        checkTarget(e.base, baseTypography, text, isKeptName, emit);
        variants.add(e.sheet, () => keyOfEntry(e), e.base, l, text, e.cells?.get(l));
      }
      entry = undefined;
    },
    finish() {
      const all = [...found, ...variants.problems()];
      // Array.prototype.sort is stable: file order is kept within a severity.
      return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    },
  };
}
