/**
 * The only way survey views create DOM: elements with attributes and text children. Text is always
 * set as text nodes (never HTML), so user-entered text cannot become markup.
 */

export type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  className?: string;
  attrs?: Readonly<Record<string, string>>;
  text?: string;
  on?: Readonly<Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  options: ElementOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (options.className !== undefined) node.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  if (options.text !== undefined) node.textContent = options.text;
  for (const [type, handler] of Object.entries(options.on ?? {})) {
    if (handler !== undefined) node.addEventListener(type, handler);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

let nextId = 0;

/** A document-unique id prefix, so that several controls on one form do not share ids. */
export function uniqueId(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}

/** A button (type=button) with text. */
export function button(
  doc: Document,
  text: string,
  onClick: () => void,
  className = 'crmkit-button',
  attrs: Readonly<Record<string, string>> = {},
): HTMLButtonElement {
  return el(doc, 'button', {
    className,
    text,
    attrs: { type: 'button', ...attrs },
    on: { click: () => onClick() },
  });
}
