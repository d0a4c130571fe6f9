/**
 * A client's termbase: concepts, each with its terms per language and their status. Read from TBX
 * (v3 TBX-Basic, v2 martif) or CSV; used to match the terms of a base text, to tell a translation
 * service which translation to use, and to check translations.
 */
import type { Lcid } from '../crm-xml/model';

/** TBX administrative status, folded: superseded counts as deprecated (forbidden). */
export type TermStatus = 'preferred' | 'admitted' | 'deprecated';

export interface Term {
  text: string;
  status: TermStatus;
}

export interface Concept {
  /** The concept's id in the file (TBX `id`, CSV line number), for messages. */
  id: string;
  terms: ReadonlyMap<Lcid, readonly Term[]>;
}

export interface Glossary {
  /** The file as the user named it. */
  name: string;
  concepts: readonly Concept[];
}

/** The translation to use in `lcid`: the preferred term, else the first one not deprecated. */
export function preferredTerm(concept: Concept, lcid: Lcid): string | undefined {
  const terms = concept.terms.get(lcid) ?? [];
  return (terms.find((t) => t.status === 'preferred') ?? terms.find((t) => t.status !== 'deprecated'))?.text;
}

/** Terms that must not be used in `lcid`. */
export function forbiddenTerms(concept: Concept, lcid: Lcid): string[] {
  return (concept.terms.get(lcid) ?? []).filter((t) => t.status === 'deprecated').map((t) => t.text);
}
