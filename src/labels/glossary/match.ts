/**
 * Finding glossary terms in a text: whole words, case-insensitive, the longest term first where
 * terms overlap. Translations are matched loosely (see `rendered`), since Russian, Bulgarian and
 * Ukrainian inflect nouns ("Организация" → "организации").
 */
import type { Lcid } from '../crm-xml/model';
import { preferredTerm, type Concept, type Glossary } from './model';

/** A base-language term and the translation a service should use for it. */
export interface TermHint {
  term: string;
  translation: string;
}

export interface TermFound {
  start: number;
  end: number;
  translation: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word pattern of a term: letters or digits on neither side. */
function wordPattern(body: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

function exactBody(term: string): string {
  return term.trim().split(/\s+/).map(escape).join('\\s+');
}

/** Where the hints' terms occur in `text`, left to right, without overlaps (longer terms win). */
export function findTerms(text: string, hints: readonly TermHint[]): TermFound[] {
  const found: TermFound[] = [];
  const sorted = [...hints].sort((a, b) => b.term.length - a.term.length);
  for (const hint of sorted) {
    if (hint.term.trim() === '') continue;
    for (const m of text.matchAll(wordPattern(exactBody(hint.term)))) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, translation: hint.translation });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The concepts whose base-language terms (any status) occur in `base`. */
export function conceptsIn(base: string, glossary: Glossary, baseLcid: Lcid): Concept[] {
  return glossary.concepts.filter((c) =>
    (c.terms.get(baseLcid) ?? []).some(
      (t) => t.text.trim() !== '' && wordPattern(exactBody(t.text)).test(base),
    ),
  );
}

/** The hints of the concepts found in `base`: base term → preferred translation in `lcid`. */
export function hintsFor(base: string, glossary: Glossary, baseLcid: Lcid, lcid: Lcid): TermHint[] {
  const hints: TermHint[] = [];
  for (const concept of conceptsIn(base, glossary, baseLcid)) {
    const translation = preferredTerm(concept, lcid);
    if (translation === undefined) continue;
    for (const t of concept.terms.get(baseLcid) ?? []) {
      if (t.status !== 'deprecated') hints.push({ term: t.text, translation });
    }
  }
  return hints;
}

/**
 * True when `term` appears in `text` allowing for inflection: a word of six letters or more may
 * lose its last two letters, one of four or five its last letter, and gain up to three (a crude
 * stem, no dictionary: "Организация" matches "организации", "Счёт" matches "счёта").
 */
export function rendered(text: string, term: string): boolean {
  const body = term
    .trim()
    .split(/\s+/)
    .map((w) => {
      const cut = w.length >= 6 ? 2 : w.length >= 4 ? 1 : 0;
      return cut === 0 ? escape(w) : `${escape(w.slice(0, -cut))}\\p{L}{0,3}`;
    })
    .join('\\s+');
  return wordPattern(body).test(text);
}
