/**
 * Decoding XML character data, in one place. Pure (no Node imports). Only the five predefined
 * entities and numeric character references are decoded; any other entity is a fault, since
 * DOCTYPE (and so any custom entity) is refused by every reader here. What went wrong is a typed
 * EntityFault, which each caller words for its own format.
 */

/** Characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is looked for
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** Everything that can be wrong with the references in a text; `excerpt` is the text from the `&`. */
export type EntityFault =
  | { kind: 'unknown-entity'; entity: string; excerpt: string }
  | { kind: 'bare-ampersand'; excerpt: string }
  | { kind: 'illegal-character'; reference: string; excerpt: string };

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
const ENTITY_NAME = /^[A-Za-z_:][A-Za-z0-9._:-]*$/;
const CHARACTER_REFERENCE = /^#(?:x[0-9a-fA-F]+|[0-9]+)$/;
const EXCERPT = 12;

/** The character a reference body (`#x41`, `#65`) names, or undefined when XML cannot carry it. */
function referencedChar(body: string): string | undefined {
  const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  if (code > 0x10ffff) return undefined;
  const ch = String.fromCodePoint(code);
  return XML_ILLEGAL.test(ch) ? undefined : ch;
}

/**
 * Decodes the predefined entities and character references of raw XML text (attribute values or
 * element content); returns the first fault instead when there is one. A text without `&` comes
 * back as it is.
 */
export function decodeEntities(text: string): string | EntityFault {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let last = 0;
  for (; amp !== -1; amp = text.indexOf('&', last)) {
    const excerpt = text.slice(amp, amp + EXCERPT);
    const semi = text.indexOf(';', amp + 1);
    if (semi === -1) return { kind: 'bare-ampersand', excerpt };
    const body = text.slice(amp + 1, semi);
    let ch: string | undefined;
    if (body.startsWith('#')) {
      if (!CHARACTER_REFERENCE.test(body)) return { kind: 'bare-ampersand', excerpt };
      ch = referencedChar(body);
      if (ch === undefined) return { kind: 'illegal-character', reference: `&${body};`, excerpt };
    } else {
      ch = PREDEFINED.get(body);
      if (ch === undefined) {
        return ENTITY_NAME.test(body)
          ? { kind: 'unknown-entity', entity: `&${body};`, excerpt }
          : { kind: 'bare-ampersand', excerpt };
      }
    }
    out += text.slice(last, amp) + ch;
    last = semi + 1;
  }
  return out + text.slice(last);
}
