/** The survey's buttons: type=button, text only, one click handler. */
import { el } from '../shared/dom';

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
