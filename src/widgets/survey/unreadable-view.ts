/**
 * A stored value that does not parse: the localized reason, the raw text (read-only, selectable,
 * with a Copy button) and — only when the user may edit, and only after a confirmation — "Start over".
 */
import { showConfirmPrompt } from './confirm-prompt';
import { el, uniqueId } from '../shared/dom';
import { button } from './button';
import type { SurveyViewContext } from './view-context';

async function copyText(doc: Document, area: HTMLTextAreaElement): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard !== undefined) {
    try {
      await clipboard.writeText(area.value);
      return true;
    } catch {
      // fall through to selecting the text, so that Ctrl+C works
    }
  }
  area.focus();
  area.select();
  return false;
}

export function renderUnreadable(
  ctx: SurveyViewContext,
  raw: string,
  reason: string,
  canStartOver: boolean,
  onStartOver: () => void,
): HTMLElement {
  const { doc, t } = ctx;
  const areaId = uniqueId('crmkit-survey-raw');
  const area = el(doc, 'textarea', {
    className: 'crmkit-textarea crmkit-survey__raw',
    attrs: { id: areaId, readonly: '', rows: '6', spellcheck: 'false' },
  });
  area.value = raw;
  const copied = el(doc, 'span', { className: 'crmkit-survey__muted', attrs: { 'aria-live': 'polite' } });
  const actions = el(doc, 'div', { className: 'crmkit-survey__buttons' });
  const showActions = (): void => {
    const nodes = [
      button(
        doc,
        t('state.copy'),
        () => {
          void copyText(doc, area).then((ok) => {
            copied.textContent = ok ? t('state.copied') : '';
          });
        },
        'crmkit-button',
        { 'data-action': 'copy' },
      ),
      canStartOver
        ? button(doc, t('state.startOver'), confirm, 'crmkit-button', { 'data-action': 'start-over' })
        : null,
      copied,
    ];
    actions.replaceChildren(...nodes.filter((n) => n !== null));
  };
  const confirm = (): void => {
    showConfirmPrompt(actions, {
      tag: 'p',
      question: t('state.startOverConfirm'),
      acceptLabel: t('state.startOverAccept'),
      action: 'confirm-start-over',
      cancelLabel: t('form.cancel'),
      onAccept: onStartOver,
      onCancel: showActions,
    });
  };
  showActions();
  return el(doc, 'div', { className: 'crmkit-survey__unreadable' }, [
    el(doc, 'div', {
      className: 'crmkit-message crmkit-message--error',
      text: t('state.invalid', { reason }),
    }),
    el(doc, 'label', { className: 'crmkit-label', text: t('state.rawLabel'), attrs: { for: areaId } }),
    area,
    actions,
  ]);
}
