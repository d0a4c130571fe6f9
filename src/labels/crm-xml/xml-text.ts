/** Decoding and encoding of XML character data as CrmTranslations.xml carries it. */
import { decodeEntities, type EntityFault } from '../../xml/entities';
import { xmlEscaper } from '../../xml/escape';

function describe(fault: EntityFault): string {
  return fault.kind === 'illegal-character'
    ? `character reference ${fault.reference} to a character XML cannot carry`
    : `undefined entity or stray "&": ${fault.excerpt}`;
}

/**
 * Decodes raw XML text: the five predefined entities and numeric references; literal CR LF / CR
 * become LF (XML end-of-line handling), while `&#13;` stays a CR. Returns an error message for an
 * undefined entity (no entity is ever expanded beyond these).
 */
export function decodeXmlText(raw: string): string | { error: string } {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  const decoded = decodeEntities(text);
  return typeof decoded === 'string' ? decoded : { error: describe(decoded) };
}

/** Escapes text for a `<Data>` element the way Dynamics writes it; line breaks as `&#10;`/`&#13;`. */
export const encodeXmlText = xmlEscaper('&<>\r\n');
