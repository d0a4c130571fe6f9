/** Decoding and encoding of XML character data as CrmTranslations.xml carries it. */

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes raw XML text: the five predefined entities and numeric references; literal CR LF / CR
 * become LF (XML end-of-line handling), while `&#13;` stays a CR. Returns an error message for an
 * undefined entity (no entity is ever expanded beyond these).
 */
export function decodeXmlText(raw: string): string | { error: string } {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  let out = '';
  let last = 0;
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', last)) {
    const semi = text.indexOf(';', amp + 1);
    const name = semi === -1 ? '' : text.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (/^#(?:x[0-9a-fA-F]+|[0-9]+)$/.test(name) && code <= 0x10ffff) ch = String.fromCodePoint(code);
      if (ch !== undefined && XML_ILLEGAL.test(ch)) {
        return { error: `character reference ${text.slice(amp, semi + 1)} to a character XML cannot carry` };
      }
    } else {
      ch = PREDEFINED[name];
    }
    if (ch === undefined) {
      return { error: `undefined entity or stray "&": ${text.slice(amp, Math.min(amp + 12, text.length))}` };
    }
    out += text.slice(last, amp) + ch;
    last = semi + 1;
  }
  return out + text.slice(last);
}

/** Escapes text for a `<Data>` element the way Dynamics writes it; line breaks as `&#10;`/`&#13;`. */
export function encodeXmlText(text: string): string {
  return text.replace(/[&<>\r\n]/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
  '\n': '&#10;',
};

/** Characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
// eslint-disable-next-line no-control-regex
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
