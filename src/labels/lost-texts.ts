/**
 * Translations a workbook takes away: a cell that had text and is now empty ("cleared"), or a
 * text of only spaces ("blank"). Import and check report them; `--strict` refuses them.
 */
import type { Problem } from '../errors';

export type LostKind = 'cleared' | 'blank';

/** What the text in a workbook cell does to a translation that was `before`, if it loses it. */
export function lostKind(text: string, before: string): LostKind | undefined {
  if (text === '') return before.trim() === '' ? undefined : 'cleared';
  return text.trim() === '' ? 'blank' : undefined;
}

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
