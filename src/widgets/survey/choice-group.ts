/**
 * An accessible single-choice input (role=radiogroup) used for stars, NPS, yes/no and choices: one
 * tab stop, arrow keys / Home / End move and select, Delete or the Clear button return to the real
 * "not rated" state (nothing selected — blank is never shown as a rating).
 */
import { el } from '../shared/dom';
import { button } from './button';

export interface ChoiceGroupOption<V> {
  value: V;
  /** Visible text of the option (a star glyph, a number, a word). */
  text: string;
  /** Accessible name when it differs from the visible text ("4 of 5 stars"). */
  label?: string;
}

export interface ChoiceGroupOptions<V> {
  doc: Document;
  labelledBy: string;
  options: readonly ChoiceGroupOption<V>[];
  value: V | undefined;
  /** `stars`: options up to the selected one look filled. */
  variant: 'stars' | 'scale' | 'pills';
  clearText: string;
  notRatedText: string;
  disabled?: boolean;
  onChange: (value: V | undefined) => void;
}

export interface ChoiceGroup<V> {
  element: HTMLElement;
  setValue: (value: V | undefined) => void;
}

export function createChoiceGroup<V>(o: ChoiceGroupOptions<V>): ChoiceGroup<V> {
  const { doc } = o;
  let selected = o.options.findIndex((opt) => opt.value === o.value);
  const group = el(doc, 'div', {
    className: `crmkit-choice crmkit-choice--${o.variant}`,
    attrs: { role: 'radiogroup', 'aria-labelledby': o.labelledBy },
  });
  const radios = o.options.map((opt, i) =>
    el(doc, 'button', {
      className: 'crmkit-choice__option',
      text: opt.text,
      attrs: {
        type: 'button',
        role: 'radio',
        'aria-label': opt.label ?? opt.text,
        'data-value': String(opt.value),
      },
      on: { click: () => select(i, true) },
    }),
  );
  group.append(...radios);
  const status = el(doc, 'span', { className: 'crmkit-choice__status', text: o.notRatedText });
  const clear = button(doc, o.clearText, () => select(-1, true), 'crmkit-link-button crmkit-choice__clear');
  const wrapper = el(doc, 'div', { className: 'crmkit-choice-row' }, [group, status, clear]);

  function paint(): void {
    radios.forEach((radio, i) => {
      radio.setAttribute('aria-checked', String(i === selected));
      radio.tabIndex = i === (selected < 0 ? 0 : selected) ? 0 : -1;
      radio.classList.toggle('is-selected', i === selected);
      radio.classList.toggle('is-filled', o.variant === 'stars' && selected >= 0 && i <= selected);
      radio.disabled = o.disabled === true;
    });
    status.hidden = selected >= 0;
    clear.hidden = selected < 0 || o.disabled === true;
  }

  function select(index: number, notify: boolean): void {
    selected = index;
    paint();
    if (notify) o.onChange(index < 0 ? undefined : o.options[index]?.value);
  }

  group.addEventListener('keydown', (event) => {
    const last = radios.length - 1;
    const current = radios.indexOf(doc.activeElement as HTMLButtonElement);
    // From "not rated", the first arrow press rates the focused option (→ four times = 4 stars).
    const unrated = selected < 0;
    const from = unrated ? Math.max(current, 0) : selected;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = unrated ? from : Math.min(from + 1, last);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = unrated ? from : Math.max(from - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case ' ':
      case 'Enter':
        next = current >= 0 ? current : undefined;
        break;
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        select(-1, true);
        radios[0]?.focus();
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next === undefined || o.disabled === true) return;
    select(next, true);
    radios[next]?.focus();
  });

  paint();
  return {
    element: wrapper,
    setValue: (value) =>
      select(
        o.options.findIndex((opt) => opt.value === value),
        false,
      ),
  };
}
