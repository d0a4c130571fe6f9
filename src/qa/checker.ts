/**
 * `labels check` as an accumulator: feed it every label once (in file order, from any reader),
 * then ask for the problems. Per-text rules run as rows arrive; the cross-row "variants" rule
 * reports at the end.
 */
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
import { createVariantCollector } from './variants';

export interface CheckerOptions {
  /** Which base texts may stay untranslated without a warning. */
  isKeptName?: KeptNamePredicate;
}

export interface Checker {
  add(entry: CheckEntry): void;
  /** Rows seen so far. */
  readonly rows: number;
  /** All problems, errors first, then warnings, then info; file order within a severity. */
  finish(): QaProblem[];
}

function baseFindings(base: string): Finding[] {
  if (base.trim() === '') {
    return [{ severity: 'error', code: 'empty-base', message: 'the base-language text is empty' }];
  }
  const out: Finding[] = [];
  const length = lengthFinding(base);
  if (length) out.push(length);
  const illegal = illegalCharacterFinding(base);
  if (illegal) out.push(illegal);
  return out;
}

function targetFindings(
  base: string,
  baseTypography: readonly Finding[],
  target: string,
  isKeptName: KeptNamePredicate,
): Finding[] {
  const out: Finding[] = [];
  const length = lengthFinding(target);
  if (length) out.push(length);
  const illegal = illegalCharacterFinding(target);
  if (illegal) out.push(illegal);
  if (base.trim() === '') return [...out, ...typographyFindings(target)];
  out.push(...placeholderFindings(base, target));
  out.push(...whitespaceFindings(base, target));
  if (target.replace(/\r\n/g, '\n') === base.replace(/\r\n/g, '\n') && !isKeptName(base)) {
    out.push({
      severity: 'warning',
      code: 'same-as-base',
      message: 'translation is identical to the base text',
    });
  }
  // Typography the base already has is the base's problem, reported once on the base.
  for (const f of typographyFindings(target)) {
    if (!baseTypography.some((b) => b.code === f.code)) out.push(f);
  }
  return out;
}

export function createChecker(options: CheckerOptions = {}): Checker {
  const isKeptName = options.isKeptName ?? keptNames();
  const variants = createVariantCollector();
  const found: QaProblem[] = [];
  let rows = 0;

  const push = (entry: CheckEntry, lcid: number, findings: readonly Finding[]): void => {
    const cell = entry.cells?.get(lcid);
    for (const f of findings) {
      found.push({
        severity: f.severity,
        code: f.code,
        sheet: entry.sheet,
        key: entry.key,
        lcid,
        message: cell === undefined ? f.message : `${cell}: ${f.message}`,
      });
    }
  };

  return {
    get rows() {
      return rows;
    },
    add(entry) {
      rows += 1;
      const baseTypography = typographyFindings(entry.base);
      push(entry, entry.baseLcid, [...baseFindings(entry.base), ...baseTypography]);
      for (const [lcid, text] of entry.targets) {
        if (lcid === entry.baseLcid || text === '') continue;
        push(entry, lcid, targetFindings(entry.base, baseTypography, text, isKeptName));
        variants.add(entry.sheet, entry.key, entry.base, lcid, text);
      }
    },
    finish() {
      const all = [...found, ...variants.problems()];
      // Array.prototype.sort is stable: file order is kept within a severity.
      return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    },
  };
}
