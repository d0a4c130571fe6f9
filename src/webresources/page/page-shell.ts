/**
 * The frame every dashboard page draws into: a Fluent 2 card with a title, a live status line
 * (loading, retries), message bars (notes and errors) and the content. Text only (textContent).
 */
import { el } from '../../widgets/shared/dom';
import type { Translate } from '../../widgets/shared/i18n';

export type NoteKind = 'info' | 'warning' | 'error';

export interface Shell {
  readonly doc: Document;
  readonly content: HTMLElement;
  setHeader(title: string, subtitle: string): void;
  /** Shows a busy line (spinner + text) until `idle()`. */
  busy(text: string): void;
  idle(): void;
  /**
   * Adds a message bar; `lines` become a list under the title, `details` (the server's own text)
   * a collapsed <details> part under them.
   */
  note(kind: NoteKind, title: string, lines?: readonly string[], details?: string): HTMLElement;
}

export function createShell(root: HTMLElement, t: Translate): Shell {
  const doc = root.ownerDocument;
  root.replaceChildren();
  root.classList.add('crmkit-widget', 'crmkit-dash');
  const header = el(doc, 'header', { className: 'crmkit-dash__header' });
  const title = el(doc, 'h1', { className: 'crmkit-dash__title' });
  const subtitle = el(doc, 'p', { className: 'crmkit-dash__subtitle' });
  header.append(title, subtitle);
  const status = el(doc, 'div', {
    className: 'crmkit-dash__status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const notes = el(doc, 'div', { className: 'crmkit-dash__notes' });
  const content = el(doc, 'div', { className: 'crmkit-dash__content' });
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
      const spinner = el(doc, 'span', {
        className: 'crmkit-dash__spinner',
        attrs: { 'aria-hidden': 'true' },
      });
      status.replaceChildren(spinner, el(doc, 'span', { text }));
    },
    idle() {
      root.removeAttribute('aria-busy');
      status.replaceChildren();
    },
    note(kind, titleText, lines = [], details) {
      const bar = el(doc, 'div', {
        className: `crmkit-dash__note crmkit-dash__note--${kind}`,
        attrs: { role: kind === 'error' ? 'alert' : 'note' },
      });
      const icon = el(doc, 'span', {
        className: 'crmkit-dash__note-icon',
        text: kind === 'info' ? 'i' : '!',
      });
      icon.setAttribute('aria-hidden', 'true');
      const body = el(doc, 'div', { className: 'crmkit-dash__note-body' });
      body.append(el(doc, 'p', { className: 'crmkit-dash__note-title', text: titleText }));
      if (lines.length > 0) {
        const list = el(doc, 'ul', { className: 'crmkit-dash__note-list' });
        for (const line of lines) list.append(el(doc, 'li', { text: line }));
        body.append(list);
      }
      if (details !== undefined && details !== '') {
        const more = el(doc, 'details', { className: 'crmkit-dash__note-details' });
        more.append(el(doc, 'summary', { text: t('note.details') }));
        more.append(el(doc, 'p', { className: 'crmkit-dash__note-server', text: details }));
        body.append(more);
      }
      bar.append(icon, body);
      notes.append(bar);
      return bar;
    },
  };
}
