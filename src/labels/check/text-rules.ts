/**
 * Rules over one text and its base: pure functions returning findings without a place; the
 * checker adds sheet, key and language. Each rule is independent, so each is tested alone.
 */
import { XML_ILLEGAL } from '../../xml/entities';
import type { ProblemCode, Severity } from './problem';

import { MAX_LABEL_LENGTH } from '../crm-xml/model';

export { MAX_LABEL_LENGTH };

export interface Finding {
  severity: Severity;
  code: ProblemCode;
  message: string;
}

const PLACEHOLDER = /\{(\d+)\}/g;

/** The distinct `{n}` placeholders of a text, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  if (!text.includes('{')) return [];
  const seen = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) seen.add(`{${String(Number(m[1]))}}`);
  return [...seen];
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

/** `{0}` in the base must be in the translation and vice versa; a translation may reorder them. */
export function placeholderFindings(base: string, target: string): Finding[] {
  if (!base.includes('{') && !target.includes('{')) return [];
  const inBase = placeholdersOf(base);
  const inTarget = placeholdersOf(target);
  const missing = inBase.filter((p) => !inTarget.includes(p));
  const extra = inTarget.filter((p) => !inBase.includes(p));
  if (missing.length > 0 && missing.length === extra.length) {
    return [
      {
        severity: 'error',
        code: 'placeholder-renumbered',
        message: `placeholders renumbered: base has ${list(inBase)}, translation has ${list(inTarget)}`,
      },
    ];
  }
  const findings: Finding[] = [];
  if (missing.length > 0) {
    findings.push({
      severity: 'error',
      code: 'placeholder-missing',
      message: `placeholder ${list(missing)} of the base text is missing from the translation`,
    });
  }
  if (extra.length > 0) {
    findings.push({
      severity: 'error',
      code: 'placeholder-extra',
      message: `placeholder ${list(extra)} is not in the base text`,
    });
  }
  return findings;
}

export function firstIllegalCharacter(text: string): { index: number; codePoint: number } | undefined {
  const m = XML_ILLEGAL.exec(text);
  if (m === null) return undefined;
  return { index: m.index, codePoint: m[0].charCodeAt(0) };
}

export function illegalCharacterFinding(text: string): Finding | undefined {
  const found = firstIllegalCharacter(text);
  if (found === undefined) return undefined;
  const hex = found.codePoint.toString(16).toUpperCase().padStart(4, '0');
  return {
    severity: 'error',
    code: 'illegal-character',
    message: `character U+${hex} at position ${found.index + 1} cannot be carried by XML`,
  };
}

export function lengthFinding(text: string): Finding | undefined {
  if (text.length <= MAX_LABEL_LENGTH) return undefined;
  return {
    severity: 'error',
    code: 'too-long',
    message: `${text.length} characters, Dynamics accepts at most ${MAX_LABEL_LENGTH}`,
  };
}

function lineBreaks(text: string): number {
  if (!text.includes('\n') && !text.includes('\r')) return 0;
  return (text.replace(/\r\n/g, '\n').match(/[\n\r]/g) ?? []).length;
}

function describeEdge(edge: string): string {
  if (edge === '') return 'none';
  return JSON.stringify(edge.replace(/\r\n/g, '\n'));
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x3000 ||
    code === 0x1680 ||
    code === 0x202f ||
    code === 0x205f
  );
}

function lead(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i === 0 ? '' : s.slice(0, i);
}

function trail(s: string): string {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return i === s.length ? '' : s.slice(i);
}

function norm(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n/g, '\n') : s;
}

/** Leading/trailing whitespace and the number of line breaks should follow the base. */
export function whitespaceFindings(base: string, target: string): Finding[] {
  const findings: Finding[] = [];
  const baseLead = lead(base);
  const targetLead = lead(target);
  if (baseLead !== targetLead && norm(baseLead) !== norm(targetLead)) {
    findings.push({
      severity: 'warning',
      code: 'whitespace',
      message: `leading whitespace ${describeEdge(targetLead)} differs from the base (${describeEdge(baseLead)})`,
    });
  }
  const baseTrail = trail(base);
  const targetTrail = trail(target);
  if (baseTrail !== targetTrail && norm(baseTrail) !== norm(targetTrail)) {
    findings.push({
      severity: 'warning',
      code: 'whitespace',
      message: `trailing whitespace ${describeEdge(targetTrail)} differs from the base (${describeEdge(baseTrail)})`,
    });
  }
  const baseBreaks = lineBreaks(base);
  const targetBreaks = lineBreaks(target);
  if (baseBreaks !== targetBreaks) {
    findings.push({
      severity: 'warning',
      code: 'line-breaks',
      message: `${targetBreaks} line break(s) where the base has ${baseBreaks}`,
    });
  }
  return findings;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

function isLetters(word: string): boolean {
  return /^\p{L}+$/u.test(word);
}

/** The first word written twice in a row ("the the"), compared without case; undefined if none. */
export function repeatedWord(text: string): string | undefined {
  let prevStart = -1;
  let prevEnd = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    if (start === i) break;
    const length = i - start;
    if (prevStart >= 0 && length === prevEnd - prevStart) {
      const a = text.slice(prevStart, prevEnd);
      const b = text.slice(start, i);
      if (a.toLowerCase() === b.toLowerCase() && isLetters(a)) return a;
    }
    prevStart = start;
    prevEnd = i;
  }
  return undefined;
}

/** Doubled spaces and a word written twice in a row ("the the"). */
export function typographyFindings(text: string): readonly Finding[] {
  const hasDoubled = text.includes('  ') && text.trim().includes('  ');
  const repeated = text.length > 2 ? repeatedWord(text) : undefined;
  if (!hasDoubled && repeated === undefined) return NO_FINDINGS;
  const findings: Finding[] = [];
  if (hasDoubled) findings.push({ severity: 'info', code: 'double-space', message: 'doubled space' });
  if (repeated !== undefined) {
    findings.push({ severity: 'info', code: 'repeated-word', message: `repeated word "${repeated}"` });
  }
  return findings;
}
