import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { CrmKitError } from '../errors';

/** The UTF-8 byte order mark Microsoft writes at the start of every XML file in a solution zip. */
export const BOM = '\uFEFF';
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** UTF-8 bytes of an XML document, with the BOM Microsoft writes. */
export function xmlBytesWithBom(xml: string): Uint8Array {
  return encoder.encode(xml.startsWith(BOM) ? xml : BOM + xml);
}

export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Decodes UTF-8, keeping a leading BOM as U+FEFF so callers can tell it was there. */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** An element as fast-xml-parser gives it with `preserveOrder: false` and attributes prefixed `@_`. */
export type XmlNode = Record<string, unknown>;

/**
 * Parses an XML document after refusing DOCTYPE and ENTITY declarations (no entity expansion, no
 * external fetches). `where` names the file in error messages.
 */
export function parseXml(text: string, where: string, arrays: readonly string[] = []): XmlNode {
  const body = stripBom(text);
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) {
    throw new CrmKitError('XML_DOCTYPE', `${where}: DOCTYPE and ENTITY declarations are refused`);
  }
  const arraySet = new Set(arrays);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: true,
    htmlEntities: false,
    trimValues: true,
    isArray: (name) => arraySet.has(name),
  });
  const sax = new SaxesParser({ xmlns: false });
  try {
    sax.write(body).close();
    const result: unknown = parser.parse(body);
    if (typeof result !== 'object' || result === null) {
      throw new CrmKitError('XML_MALFORMED', `${where}: not an XML document`);
    }
    return result as XmlNode;
  } catch (e) {
    if (e instanceof CrmKitError) throw e;
    const detail = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    throw new CrmKitError('XML_MALFORMED', `${where}: malformed XML (${detail})`);
  }
}

/** A child element (or the first of several), when it is an element. */
export function child(node: unknown, name: string): XmlNode | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlNode)[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (first === '') return {};
  return typeof first === 'object' && first !== null ? (first as XmlNode) : undefined;
}

/** Every child element of a name, as a list (empty when there is none). */
export function children(node: unknown, name: string): XmlNode[] {
  if (typeof node !== 'object' || node === null) return [];
  const value = (node as XmlNode)[name];
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : { '#text': v }));
}

/** The text of a child element (`<Name>x</Name>` → "x"), or undefined. */
export function text(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlNode)[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string' || typeof first === 'number') return String(first);
  if (typeof first === 'object' && first !== null) {
    const t = (first as XmlNode)['#text'];
    return typeof t === 'string' || typeof t === 'number' ? String(t) : '';
  }
  return undefined;
}

/** An attribute value, or undefined. */
export function attr(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlNode)[`@_${name}`];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export { encoder as utf8Encoder };
