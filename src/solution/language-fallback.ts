/**
 * crmkit's own texts (the display names and descriptions in solutions/crmkit.solution.json, the
 * controls' resx strings, the pages' catalogue) exist in its four languages. A client may declare
 * any Dynamics language; where the product has no text of its own, the English one stands in,
 * and the pack says which languages that happened for.
 */
import type { Localized, SolutionSource } from './model';

/** The declared languages the product has no texts in (each gets the English ones). */
export function fallbackLanguages(source: SolutionSource, languages: readonly number[]): number[] {
  return languages.filter((l) => source.displayNames[String(l)] === undefined);
}

/** The product's texts with the English one added for every declared language they lack. */
export function withEnglishFor(texts: Localized, languages: readonly number[]): Localized {
  const english = texts['1033'];
  if (english === undefined) return texts;
  const out: Record<string, string | undefined> = { ...texts };
  for (const l of languages) out[String(l)] ??= english;
  return out;
}
