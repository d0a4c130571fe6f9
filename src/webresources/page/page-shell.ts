/**
 * The frame every dashboard page draws into: a Fluent 2 card with a title, a live status line
 * (loading, retries), message bars (notes and errors) and the content. Text only (textContent).
 */
import type { Translate } from '../../widgets/shared/i18n';

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export type NoteKind = 'info' | 'warning' | 'error';

export interface Shell {
  readonly doc: Document;
  readonly content: HTMLElement;
  setHeader(title: string, subtitle: string): void;
  /** Shows a busy line (spinner + text) until `idle()`. */
  busy(text: string): void;
  idle(): void;
  /** Adds a message bar; `lines` become a list under the title. */
  note(kind: NoteKind, title: string, lines?: readonly string[]): HTMLElement;
}

export function createShell(root: HTMLElement, t: Translate): Shell {
  const doc = root.ownerDocument;
  root.replaceChildren();
  root.classList.add('crmkit-widget', 'crmkit-dash');
  const header = h(doc, 'header', 'crmkit-dash__header');
  const title = h(doc, 'h1', 'crmkit-dash__title');
  const subtitle = h(doc, 'p', 'crmkit-dash__subtitle');
  header.append(title, subtitle);
  const status = h(doc, 'div', 'crmkit-dash__status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const notes = h(doc, 'div', 'crmkit-dash__notes');
  const content = h(doc, 'div', 'crmkit-dash__content');
  root.append(header, status, notes, content);
  title.textContent = t('page.loadingTitle');

  return {
    doc,
    content,
    setHeader(titleText, subtitleText) {
      title.textContent = titleText;
      subtitle.textContent = subtitleText;
      doc.title = titleText;
    },
    busy(text) {
      root.setAttribute('aria-busy', 'true');
      const spinner = h(doc, 'span', 'crmkit-dash__spinner');
      spinner.setAttribute('aria-hidden', 'true');
      status.replaceChildren(spinner, h(doc, 'span', undefined, text));
    },
    idle() {
      root.removeAttribute('aria-busy');
      status.replaceChildren();
    },
    note(kind, titleText, lines = []) {
      const bar = h(doc, 'div', `crmkit-dash__note crmkit-dash__note--${kind}`);
      bar.setAttribute('role', kind === 'error' ? 'alert' : 'note');
      const icon = h(doc, 'span', 'crmkit-dash__note-icon', kind === 'info' ? 'i' : '!');
      icon.setAttribute('aria-hidden', 'true');
      const body = h(doc, 'div', 'crmkit-dash__note-body');
      body.append(h(doc, 'p', 'crmkit-dash__note-title', titleText));
      if (lines.length > 0) {
        const list = h(doc, 'ul', 'crmkit-dash__note-list');
        for (const line of lines) list.append(h(doc, 'li', undefined, line));
        body.append(list);
      }
      bar.append(icon, body);
      notes.append(bar);
      return bar;
    },
  };
}
