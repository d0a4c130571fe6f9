/**
 * The plain element tree the FetchXML evaluator reads, whichever parser made it: the browser
 * stand-in builds it from DOMParser's document, the Node stand-in from fast-xml-parser. No imports,
 * so esbuild bundles it into the browser host as it is.
 */
export interface XmlNode {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: readonly XmlNode[];
  text: string;
}

export type Row = Readonly<Record<string, unknown>>;

/** The HRESULTs the evaluator refuses with, as Microsoft's "Web service error codes" lists them. */
export const refusalCodes = {
  /** InvalidArgument: a query the stand-in does not understand (it never guesses). */
  invalid: 0x80040203,
  /** QueryBuilderNoAttribute: a column the table does not have. */
  noAttribute: 0x80041103,
  /** AggregateQueryRecordLimit: an aggregate over more than 50,000 records. */
  aggregateLimit: 0x8004e023,
} as const;

/** A query Dataverse would refuse; `code` is the HRESULT as an unsigned number. */
export class FetchXmlRefusal extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** For the aggregate limit: how many rows the refused query's joins and filters produced. */
    readonly matched?: number,
  ) {
    super(message);
    this.name = 'FetchXmlRefusal';
  }
}

export function refuse(why: string, code: number = refusalCodes.invalid, matched?: number): never {
  throw new FetchXmlRefusal(code, `FetchXML: ${why}`, matched);
}

/** DOMParser's element → the plain tree (the browser stand-in). */
export function treeOfElement(el: Element): XmlNode {
  const attributes: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) attributes[a.name] = a.value;
  const children = Array.from(el.children).map(treeOfElement);
  return {
    name: el.tagName,
    attributes,
    children,
    text: children.length === 0 ? (el.textContent ?? '') : '',
  };
}
