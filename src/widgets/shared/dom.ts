/**
 * The only way the widgets, controls and pages create DOM: elements with a class, attributes, event
 * handlers and text. Text is always set as text (textContent or text nodes), never as HTML, so
 * record data and user-entered text (stage names, responses, error messages) cannot become markup.
 */

/** A child: a node, a string (becomes a text node), or nothing (skipped, for conditional parts). */
export type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  className?: string | undefined;
  /** Attributes in order; `undefined` and `false` are left out, `true` is written as present (''). */
  attrs?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** The element's text (textContent), before any children. */
  text?: string | undefined;
  on?: Readonly<Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>>;
}

/** An HTML element. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  options: ElementOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  return build(doc.createElement(tag), options, children);
}

const svgNamespace = 'http://www.w3.org/2000/svg';

/** An SVG element (charts), with the same options as `el`. */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  tag: K,
  options: ElementOptions = {},
  children: readonly Child[] = [],
): SVGElementTagNameMap[K] {
  return build(doc.createElementNS(svgNamespace, tag), options, children);
}

function build<E extends Element>(node: E, options: ElementOptions, children: readonly Child[]): E {
  if (options.className !== undefined) node.setAttribute('class', options.className);
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  if (options.text !== undefined) node.textContent = options.text;
  for (const [type, handler] of Object.entries(options.on ?? {})) {
    if (handler !== undefined) node.addEventListener(type, handler);
  }
  append(node, children);
  return node;
}

/** Appends children to a node (strings as text nodes; null, undefined and false skipped). */
export function append(parent: Node, children: readonly Child[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
}

let nextId = 0;

/** A document-unique id prefix, so that several controls on one form do not share ids. */
export function uniqueId(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}
