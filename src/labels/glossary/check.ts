/**
 * Checking a translation against the glossary: for each concept whose term is in the base text, a
 * warning when the translation does not use the preferred term, an error when it uses a
 * forbidden (deprecated or superseded) one.
 */
import type { Lcid } from '../crm-xml/model';
import { conceptsIn, rendered } from './match';
import { forbiddenTerms, preferredTerm, type Glossary } from './model';

export interface GlossaryFinding {
  severity: 'error' | 'warning';
  code: 'glossary-forbidden' | 'glossary-term';
  message: string;
}

export function glossaryFindings(
  glossary: Glossary,
  baseLcid: Lcid,
  base: string,
  lcid: Lcid,
  target: string,
): GlossaryFinding[] {
  if (target.trim() === '' || base.trim() === '') return [];
  const findings: GlossaryFinding[] = [];
  for (const concept of conceptsIn(base, glossary, baseLcid)) {
    const source = (concept.terms.get(baseLcid) ?? [])[0]?.text ?? concept.id;
    const forbidden = forbiddenTerms(concept, lcid).filter((t) => rendered(target, t));
    for (const term of forbidden) {
      findings.push({
        severity: 'error',
        code: 'glossary-forbidden',
        message: `"${term}" is a forbidden translation of "${source}" in ${glossary.name}`,
      });
    }
    const preferred = preferredTerm(concept, lcid);
    if (preferred !== undefined && forbidden.length === 0 && !rendered(target, preferred)) {
      findings.push({
        severity: 'warning',
        code: 'glossary-term',
        message: `"${source}" is not translated as "${preferred}" (${glossary.name})`,
      });
    }
  }
  return findings;
}
