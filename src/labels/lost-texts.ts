/**
 * Translations a workbook takes away: a cell that had text and is now empty ("cleared"), or a
 * text of only spaces ("blank"). Import and check report them (rules.ts classifies them);
 * import sums each kind up in one warning.
 */
import type { Problem } from '../errors';
import type { LostKind } from './check/rules';

export { lostKind, type LostKind } from './check/rules';

const WHAT: Readonly<Record<LostKind, string>> = {
  cleared: 'translation(s) cleared (the cell had text and is now empty)',
  blank: 'translation(s) of only spaces',
};

/** How many places a summary names before "and N more". */
export const LISTED = 10;

/**
 * One warning per kind, naming the first places (`file › Sheet!E3 (key)`) and how many more.
 * `outcome` says what the command does with them.
 */
export function lostTextsWarning(kind: LostKind, places: readonly Problem[], outcome: string): Problem {
  const named = places.slice(0, LISTED).map((p) => `${p.where} (${p.message})`);
  const more = places.length - named.length;
  return {
    where: `${places.length} ${WHAT[kind]}`,
    message: `${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}; ${outcome}`,
  };
}
