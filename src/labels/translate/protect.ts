/**
 * Placeholders and markup a translation service must not touch: `{0}`, `%1`, `%s` and tags are
 * replaced by tags the service keeps (DeepL: `<x id="1"/>` with `ignore_tags=x`; Azure: a
 * `notranslate` span; an OpenAI-compatible model: `<x id="1"/>`, told in the prompt), and put
 * back exactly afterwards. A result where one is missing, repeated or unknown is refused.
 */
import { decodeEntities } from '../../xml/entities';
import { escapeAttribute, escapeText } from '../../xml/escape';
import { findTerms, type TermHint } from '../glossary/match';

/** `xml`: escaped text, `<x id/>` (DeepL); `html`: escaped text, notranslate spans (Azure); `plain`: as is, `<x id/>`. */
export type MaskStyle = 'xml' | 'html' | 'plain';

/** What is protected: `{0}`, `%1`, `%s`/`%d`, and XML/HTML tags. */
const PROTECTED = /\{\d+\}|%\d+|%[sd]|<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/g;

export interface Masked {
  /** The text as sent to the service. */
  text: string;
  /** The protected parts, in order: part i is tag id i + 1. */
  parts: readonly string[];
}

function tag(style: MaskStyle, id: number, original: string): string {
  return style === 'html'
    ? `<span class="notranslate" id="p${id}">${escapeText(original)}</span>`
    : `<x id="${id}"/>`;
}

/** The tags of a masked text as a service returns them (ids 1…n). */
function tagPattern(style: MaskStyle): RegExp {
  return style === 'html'
    ? /<span class="notranslate" id="p(\d+)">[^<]*<\/span>/g
    : /<x id="(\d+)"\s*\/>|<x id="(\d+)"><\/x>/g;
}

/** Wraps the glossary terms of a plain segment in Azure's dynamic dictionary markup. */
function withTerms(segment: string, hints: readonly TermHint[]): string {
  let out = '';
  let at = 0;
  for (const found of findTerms(segment, hints)) {
    out += escapeText(segment.slice(at, found.start));
    const term = segment.slice(found.start, found.end);
    out += `<mstrans:dictionary translation="${escapeAttribute(found.translation)}">${escapeText(term)}</mstrans:dictionary>`;
    at = found.end;
  }
  return out + escapeText(segment.slice(at));
}

/** Replaces what must survive by tags; `hints` (html only) become dynamic dictionary entries. */
export function mask(text: string, style: MaskStyle, hints: readonly TermHint[] = []): Masked {
  const parts: string[] = [];
  let out = '';
  let at = 0;
  const plain = (segment: string): string =>
    style === 'plain' ? segment : style === 'html' ? withTerms(segment, hints) : escapeText(segment);
  for (const m of text.matchAll(PROTECTED)) {
    out += plain(text.slice(at, m.index));
    parts.push(m[0]);
    out += tag(style, parts.length, m[0]);
    at = m.index + m[0].length;
  }
  return { text: out + plain(text.slice(at)), parts };
}

export type Restored = { ok: true; text: string } | { ok: false; why: string };

/** Puts the protected parts back; refuses a result that lost, repeated or invented one. */
export function restore(result: string, masked: Masked, style: MaskStyle): Restored {
  const seen = new Set<number>();
  let bad: string | undefined;
  const text = result.replace(tagPattern(style), (whole, a?: string, b?: string) => {
    const id = Number(a ?? b);
    const part = masked.parts[id - 1];
    if (part === undefined) bad ??= `an unknown tag ${whole}`;
    else if (seen.has(id)) bad ??= `${part} twice`;
    seen.add(id);
    return part ?? '';
  });
  if (bad !== undefined) return { ok: false, why: bad };
  const lost = masked.parts.filter((_, i) => !seen.has(i + 1));
  if (lost.length > 0) return { ok: false, why: `lost ${lost.join(' ')}` };
  if (style === 'plain') return { ok: true, text };
  // Escaped styles: any markup left was added by the service (the text's own is in the parts).
  const rest = text.replace(new RegExp(PROTECTED.source, 'g'), (p) => (masked.parts.includes(p) ? '' : p));
  if (/<\/?[A-Za-z]/.test(rest)) return { ok: false, why: 'markup the base text does not have' };
  const pieces = text.split(new RegExp(`(${PROTECTED.source})`));
  let decoded = '';
  for (const [i, piece] of pieces.entries()) {
    if (i % 2 === 1 && masked.parts.includes(piece)) {
      decoded += piece;
      continue;
    }
    const d = decodeEntities(piece);
    if (typeof d !== 'string') return { ok: false, why: `a broken character reference (${d.excerpt})` };
    decoded += d;
  }
  return { ok: true, text: decoded };
}
