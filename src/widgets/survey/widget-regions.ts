/**
 * The survey control's fixed regions (header, notice, body, form, list, status) and its two message
 * lines: the notice (the outcome of the user's last change) and the status (a slow or failed re-read).
 */
import { el } from '../shared/dom';

export type NoticeKind = 'info' | 'error';

export class SurveyRegions {
  readonly root: HTMLElement;
  readonly header: HTMLElement;
  readonly body: HTMLElement;
  readonly formRegion: HTMLElement;
  readonly listRegion: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly status: HTMLElement;

  constructor(container: HTMLElement) {
    const doc = container.ownerDocument;
    this.header = el(doc, 'div', { className: 'crmkit-survey__header' });
    this.notice = el(doc, 'div', { className: 'crmkit-survey__notice', attrs: { role: 'status' } });
    this.status = el(doc, 'p', { className: 'crmkit-survey__status', attrs: { role: 'status' } });
    this.body = el(doc, 'div', { className: 'crmkit-survey__body' });
    this.formRegion = el(doc, 'div', { className: 'crmkit-survey__form-region' });
    this.listRegion = el(doc, 'div', { className: 'crmkit-survey__list-region' });
    this.root = el(doc, 'div', { className: 'crmkit-widget crmkit-survey' }, [
      this.header,
      this.notice,
      this.body,
      this.formRegion,
      this.listRegion,
      this.status,
    ]);
    container.append(this.root);
  }

  get doc(): Document {
    return this.root.ownerDocument;
  }

  setBusy(busy: boolean): void {
    if (busy) this.root.setAttribute('aria-busy', 'true');
    else this.root.removeAttribute('aria-busy');
  }

  setStatus(text: string | undefined): void {
    this.status.textContent = text ?? '';
  }

  setNotice(text: string | undefined, kind: NoticeKind = 'info'): void {
    this.notice.replaceChildren(
      text === undefined
        ? ''
        : el(this.doc, 'div', { className: `crmkit-message crmkit-message--${kind}`, text }),
    );
  }

  /** Keeps keyboard users in the control after the focused element went away. */
  focusAfterChange(): void {
    const target =
      this.root.querySelector<HTMLElement>('[data-action="add"]') ?? this.root.querySelector('h2');
    if (target !== null && !target.hasAttribute('tabindex') && target.tagName === 'H2') target.tabIndex = -1;
    target?.focus();
  }
}
