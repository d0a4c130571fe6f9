/**
 * The criteria of a saved view (`filter=view:<guid>`): its `<filter>` elements and linked tables are
 * copied into the dashboard's own aggregate query as plain data (columns, orders and anything else
 * dropped), then written back through the escaping FetchXML builder.
 */
import { ConfigError } from './data-params';
import type { CriteriaNode } from '../dataverse/fetchxml';

/** The part of a DOM Element this module reads (a browser DOMParser result satisfies it). */
export interface ElementLike {
  readonly tagName: string;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  readonly children: ArrayLike<ElementLike>;
  readonly textContent: string | null;
}

/** Parses XML into its root element; undefined when it is not well-formed. */
export type XmlParse = (xml: string) => ElementLike | undefined;

const kept = new Set<CriteriaNode['name']>(['filter', 'condition', 'value', 'link-entity']);

function toNode(el: ElementLike): CriteriaNode | undefined {
  const name = el.tagName.toLowerCase();
  if (!kept.has(name as CriteriaNode['name'])) return undefined;
  const attributes: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) attributes[a.name] = a.value;
  const children = Array.from(el.children)
    .map(toNode)
    .filter((n): n is CriteriaNode => n !== undefined);
  const node: CriteriaNode = { name: name as CriteriaNode['name'], attributes, children };
  if (name === 'value') return { ...node, text: el.textContent ?? '' };
  return node;
}

/** The filters and linked tables of a view's FetchXML, refusing a view of another table. */
export function viewCriteria(fetchXml: string, table: string, parse: XmlParse): CriteriaNode[] {
  const unreadable = new ConfigError([{ param: 'filter', key: 'param.viewUnreadable', values: {} }]);
  if (/<!DOCTYPE|<!ENTITY/i.test(fetchXml)) throw unreadable;
  const root = parse(fetchXml);
  if (root?.tagName.toLowerCase() !== 'fetch') throw unreadable;
  const entity = Array.from(root.children).find((c) => c.tagName.toLowerCase() === 'entity');
  if (entity === undefined) throw unreadable;
  const viewTable = Array.from(entity.attributes).find((a) => a.name === 'name')?.value ?? '';
  if (viewTable !== table) {
    throw new ConfigError([{ param: 'filter', key: 'param.viewOtherTable', values: { table: viewTable } }]);
  }
  return Array.from(entity.children)
    .map(toNode)
    .filter((n): n is CriteriaNode => n !== undefined && (n.name === 'filter' || n.name === 'link-entity'));
}

/** An XmlParse over the browser's DOMParser (its own module: pages load view criteria on demand). */
export { domXmlParse } from './dom-xml';
