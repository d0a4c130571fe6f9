/**
 * Rules over one text and its base: pure functions returning findings without a place; the
 * checker adds sheet, key and language. Each rule is independent, so each is tested alone.
 */
import type { ProblemCode, Severity } from './problem';

/** Dynamics refuses a translation import with any label longer than this. */
export const MAX_LABEL_LENGTH = 500;

export interface Finding {
  severity: Severity;
  code: ProblemCode;
  message: string;
}

const PLACEHOLDER = /\{(\d+)\}/g;

/** The distinct `{n}` placeholders of a text, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) seen.add(`{${String(Number(m[1]))}}`);
  return [...seen];
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

/** `{0}` in the base must be in the translation and vice versa; a translation may reorder them. */
export function placeholderFindings(base: string, target: string): Finding[] {
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

/** Characters XML 1.0 cannot carry: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F. */
/* eslint-disable no-control-regex -- these control characters are exactly what the rule looks for */
const ILLEGAL_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

export function firstIllegalCharacter(text: string): { index: number; codePoint: number } | undefined {
  const m = ILLEGAL_XML.exec(text);
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
  return (text.replace(/\r\n/g, '\n').match(/[\n\r]/g) ?? []).length;
}

function describeEdge(edge: string): string {
  if (edge === '') return 'none';
  return JSON.stringify(edge.replace(/\r\n/g, '\n'));
}

/** Leading/trailing whitespace and the number of line breaks should follow the base. */
export function whitespaceFindings(base: string, target: string): Finding[] {
  const findings: Finding[] = [];
  const lead = (s: string): string => /^\s*/.exec(s)?.[0] ?? '';
  const trail = (s: string): string => /\s*$/.exec(s)?.[0] ?? '';
  const norm = (s: string): string => s.replace(/\r\n/g, '\n');
  if (norm(lead(base)) !== norm(lead(target))) {
    findings.push({
      severity: 'warning',
      code: 'whitespace',
      message: `leading whitespace ${describeEdge(lead(target))} differs from the base (${describeEdge(lead(base))})`,
    });
  }
  if (norm(trail(base)) !== norm(trail(target))) {
    findings.push({
      severity: 'warning',
      code: 'whitespace',
      message: `trailing whitespace ${describeEdge(trail(target))} differs from the base (${describeEdge(trail(base))})`,
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

/** Doubled spaces and a word written twice in a row ("the the"). */
export function typographyFindings(text: string): Finding[] {
  const findings: Finding[] = [];
  const doubled = text.trim().indexOf('  ');
  if (doubled >= 0) {
    findings.push({
      severity: 'info',
      code: 'double-space',
      message: 'doubled space',
    });
  }
  const repeated = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/iu.exec(text);
  if (repeated !== null) {
    findings.push({
      severity: 'info',
      code: 'repeated-word',
      message: `repeated word "${repeated[1] ?? ''}"`,
    });
  }
  return findings;
}
