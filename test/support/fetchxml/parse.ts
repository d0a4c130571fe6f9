/** FetchXML text → the evaluator's plain tree, on Node (fast-xml-parser keeps the elements' order). */
import { XMLParser } from 'fast-xml-parser';
import type { XmlNode } from './tree';

type Ordered = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseAttributeValue: false,
  parseTagValue: false,
});

function treeOf(node: Ordered): XmlNode | undefined {
  const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
  if (name === undefined) return undefined;
  const inner = (node[name] as Ordered[] | undefined) ?? [];
  const children = inner.map(treeOf).filter((c): c is XmlNode => c !== undefined);
  const text = inner.map((c) => (typeof c['#text'] === 'string' ? c['#text'] : '')).join('');
  return { name, attributes: (node[':@'] as Record<string, string> | undefined) ?? {}, children, text };
}

/** The first element of the text, or undefined when there is none. */
export function parseFetchXml(xml: string): XmlNode | undefined {
  return (parser.parse(xml) as Ordered[]).map(treeOf).find((n) => n !== undefined);
}
