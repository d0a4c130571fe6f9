/** An in-place confirmation of a destructive action: the question (announced), the action, Cancel. */
import { el } from '../shared/dom';
import { button } from './button';

export interface ConfirmPrompt {
  /** `span` inside a row's action bar, `p` in a block of its own. */
  tag: 'span' | 'p';
  question: string;
  acceptLabel: string;
  /** The accept button's `data-action`. */
  action: string;
  cancelLabel: string;
  onAccept: () => void;
  onCancel: () => void;
}

/** Replaces the container's buttons with the prompt and focuses the (danger) accept button. */
export function showConfirmPrompt(container: HTMLElement, prompt: ConfirmPrompt): void {
  const doc = container.ownerDocument;
  const accept = button(doc, prompt.acceptLabel, prompt.onAccept, 'crmkit-button crmkit-button--danger', {
    'data-action': prompt.action,
  });
  container.replaceChildren(
    el(doc, prompt.tag, {
      className: 'crmkit-survey__confirm',
      text: prompt.question,
      attrs: { role: 'alert' },
    }),
    accept,
    button(doc, prompt.cancelLabel, prompt.onCancel, 'crmkit-button'),
  );
  accept.focus();
}
