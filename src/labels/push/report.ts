/**
 * How a push plan is shown: per language what would change (the dry run), the conflicts, and the
 * one-line count of changes. Pure: takes a plan, returns text.
 */
import type { Problem } from '../../errors';
import type { Lcid } from '../crm-xml/model';
import { languageName } from '../memory/languages';
import type { PushConflict, PushPlan } from './types';

const n = (x: number): string => x.toLocaleString('en-US');

function quote(text: string, width = 80): string {
  const oneLine = text.replace(/\r?\n/g, '⏎');
  return `"${oneLine.length > width ? `${oneLine.slice(0, width - 1)}…` : oneLine}"`;
}

const language = (lcid: Lcid): string => `${lcid} ${languageName(lcid)}`;

/** `1049 Russian 2, 1026 Bulgarian 1`, or `none`. */
export function perLanguageText(counts: ReadonlyMap<Lcid, number>): string {
  const parts = [...counts].map(([lcid, count]) => `${language(lcid)} ${n(count)}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/** Every change grouped by language (at most `limit` listed per language), then what is kept. */
export function pushReport(plan: PushPlan, limit = 50): string {
  const total = plan.changes.length;
  const lines = [
    total === 0
      ? `${plan.header.solutionName}: nothing to push, no label text would change`
      : `${plan.header.solutionName}: ${n(total)} label text(s) would change`,
  ];
  for (const [lcid, count] of plan.changed) {
    lines.push(`  ${language(lcid)}: ${n(count)}`);
    const ofLanguage = plan.changes.filter((c) => c.lcid === lcid);
    for (const c of ofLanguage.slice(0, limit)) {
      lines.push(
        `    ${c.key}: ${quote(c.before)} → ${quote(c.after)}${c.where === '' ? '' : ` (${c.where})`}`,
      );
    }
    if (ofLanguage.length > limit) lines.push(`    … and ${n(ofLanguage.length - limit)} more`);
  }
  if (plan.kept.size > 0) {
    lines.push(
      `Kept as the environment has them (changed there since the export): ${perLanguageText(plan.kept)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const CHANGED_BY: Readonly<Record<PushConflict['changedBy'], string>> = {
  push: 'edited in the push',
  environment: 'changed in the environment',
  unknown: 'changed on both sides',
};

/** One problem per conflicting cell: where the pushed text stands; key, language, both texts. */
export function conflictProblems(conflicts: readonly PushConflict[]): Problem[] {
  return conflicts.map((c) => ({
    where: c.where,
    message:
      `${c.key} (${language(c.lcid)}, ${CHANGED_BY[c.changedBy]}): ` +
      `environment now ${quote(c.environment)}, pushed ${quote(c.pushed)}`,
  }));
}

/**
 * The plan for scripts: `{"solution","kind","translated"?,"blocked"?,"changed":{lcid:n},"kept":{lcid:n},
 * "changes":[…],"conflicts":[…],"refused":[…],"problems":[…],"warnings":[…]}` (never the file itself).
 */
export function pushJson(plan: PushPlan): string {
  const counts = (m: ReadonlyMap<Lcid, number>): Record<string, number> =>
    Object.fromEntries([...m].map(([lcid, count]) => [String(lcid), count]));
  return `${JSON.stringify(
    {
      solution: plan.header.solutionName,
      kind: plan.kind,
      ...(plan.translated === undefined ? {} : { translated: plan.translated }),
      ...(plan.blocked === undefined ? {} : { blocked: plan.blocked }),
      changed: counts(plan.changed),
      kept: counts(plan.kept),
      changes: plan.changes,
      conflicts: plan.conflicts,
      refused: plan.refused,
      problems: plan.problems,
      warnings: plan.warnings,
    },
    null,
    2,
  )}\n`;
}
