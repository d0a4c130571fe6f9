/**
 * How import reports what the rules found: the error that refuses a workbook, with every problem
 * in its place, and the warnings as lines (cleared and blank translations summed up per kind).
 */
import { CrmKitError, type Problem } from '../errors';
import type { QaProblem } from './check/problem';
import { placedProblem, problemPlace } from './check/report';
import { lostTextsWarning, type LostKind } from './lost-texts';

/** The import was refused for problems the rules call errors (VALIDATION, exit 4). */
export class ImportRefused extends CrmKitError {
  constructor(readonly labelProblems: readonly QaProblem[]) {
    super(
      'VALIDATION',
      `${labelProblems.length} problem(s) in the workbooks; nothing was written`,
      labelProblems.map(placedProblem),
    );
  }
}

const LOST: Readonly<Partial<Record<QaProblem['code'], { kind: LostKind; outcome: string }>>> = {
  'translation-cleared': {
    kind: 'cleared',
    outcome: 'the output has them empty, as the workbook does (--strict refuses them) [translation-cleared]',
  },
  'translation-blank': {
    kind: 'blank',
    outcome: 'the output has them as typed (--strict refuses them) [translation-blank]',
  },
};

/** The warnings as lines: one per problem, cleared and blank translations summed up per kind. */
export function warningLines(warnings: readonly QaProblem[]): Problem[] {
  // Info (typography) stays in `problems`: import prints warnings only.
  const lines = warnings
    .filter((p) => p.severity === 'warning' && LOST[p.code] === undefined)
    .map(placedProblem);
  for (const code of ['translation-cleared', 'translation-blank'] as const) {
    const places = warnings.filter((p) => p.code === code);
    const lost = LOST[code];
    if (places.length === 0 || lost === undefined) continue;
    const named = places.map((p) => ({ where: problemPlace(p), message: `${p.key}, ${p.lcid}` }));
    lines.push(lostTextsWarning(lost.kind, named, lost.outcome));
  }
  return lines;
}
