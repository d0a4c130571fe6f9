/**
 * Escaping text for XML, in one place. Pure (no Node imports), so browser code may use it.
 * What a writer escapes differs on purpose (element text, a quoted attribute, line breaks kept as
 * references), so `xmlEscaper` makes an escaper for a chosen set of characters; the common two
 * are ready-made.
 */

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
]);

/** The escape of one character: its predefined entity, else a decimal character reference. */
function escapeChar(c: string): string {
  return ENTITIES.get(c) ?? `&#${c.codePointAt(0)!};`;
}

/**
 * An escaper for exactly the characters in `chars` (BMP characters): `&`, `<`, `>`, `"`, `'` become their
 * predefined entities, any other character (a CR, a tab) a decimal reference (`&#13;`).
 */
export function xmlEscaper(chars: string): (text: string) => string {
  const set = chars.replace(/[\\\]^-]/g, '\\$&');
  const all = new RegExp(`[${set}]`, 'g');
  return (text) => text.replace(all, escapeChar);
}

/** Escapes text for element content: `&`, `<` and `>` (quotes need no escaping there). */
export const escapeText = xmlEscaper('&<>');

/** Escapes text for an attribute value in either quotes (and for element content): all five. */
export const escapeAttribute = xmlEscaper('&<>"\'');
