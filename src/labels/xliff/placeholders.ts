/**
 * Dynamics placeholders (`{0}`, `{1}` …) as XLIFF inline codes, so a CAT tool shows them as tags a
 * translator moves but cannot mistype: `<ph id="1">{0}</ph>` in 1.2 (translate-toolkit drops the
 * text of `<x equiv-text>`), `<ph id="1" equiv="{0}" disp="{0}"/>` in 2.0. A target's codes take
 * the id of the source code with the same text, so reading restores each by id.
 */
import { escapeAttribute, xmlEscaper } from '../../xml/escape';
import type { XliffVersion } from './types';

/** A run of text or one placeholder with its inline-code id. */
export type InlinePart = string | { id: string; code: string };

const PLACEHOLDER = /\{\d+\}/g;

/** CR is written as a reference: a parser would turn a literal CR LF into LF. */
export const escapeXliffText = xmlEscaper('&<>\r');

/** The parts of a source text, its placeholders numbered 1, 2 … in order. */
export function sourceParts(text: string): InlinePart[] {
  return split(text, () => undefined);
}

/**
 * The parts of a target text: each placeholder takes the id of an unused source code with the same
 * text; one the source lacks gets a new id after the source's.
 */
export function targetParts(text: string, source: readonly InlinePart[]): InlinePart[] {
  const free = new Map<string, string[]>();
  let next = 1;
  for (const p of source) {
    if (typeof p === 'string') continue;
    free.set(p.code, [...(free.get(p.code) ?? []), p.id]);
    next = Math.max(next, Number(p.id) + 1);
  }
  return split(text, (code) => free.get(code)?.shift() ?? String(next++));
}

function split(text: string, idFor: (code: string) => string | undefined): InlinePart[] {
  const parts: InlinePart[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    n += 1;
    parts.push({ id: idFor(m[0]) ?? String(n), code: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The parts as XLIFF element content of the given version. */
export function inlineXml(parts: readonly InlinePart[], version: XliffVersion): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return escapeXliffText(p);
      const id = escapeAttribute(p.id);
      const code = escapeAttribute(p.code);
      return version === '1.2'
        ? `<ph id="${id}">${escapeXliffText(p.code)}</ph>`
        : `<ph id="${id}" equiv="${code}" disp="${code}"/>`;
    })
    .join('');
}

/** A placeholder as read: its id and the code it carries ('' when the tool left it empty). */
export interface ReadCode {
  id: string;
  code: string;
}

/**
 * Rebuilds a target text from what was read: each code becomes the source's code of the same id.
 * Problems name codes dropped, renumbered (another text under an id) or added.
 */
export function restoreTarget(
  parts: readonly (string | ReadCode)[],
  sourceCodes: ReadonlyMap<string, string>,
): { text: string; problems: string[] } {
  const problems: string[] = [];
  const seen = new Set<string>();
  let text = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      text += p;
      continue;
    }
    seen.add(p.id);
    const code = sourceCodes.get(p.id);
    if (code === undefined) {
      problems.push(`the placeholder <ph id="${p.id}">${p.code}</ph> is not in the source`);
      text += p.code;
    } else {
      if (p.code !== '' && p.code !== code)
        problems.push(
          `the placeholder <ph id="${p.id}"> holds ${p.code}, the source's holds ${code} (renumbered)`,
        );
      text += code;
    }
  }
  for (const [id, code] of sourceCodes) {
    if (!seen.has(id)) problems.push(`the placeholder ${code} (<ph id="${id}">) was dropped`);
  }
  return { text, problems };
}
