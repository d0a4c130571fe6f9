/**
 * The "Add response" / "Edit response" form. It edits a draft object in place (so that a re-render
 * of the rest of the control never loses what is being typed) and calls back on Save / Cancel.
 */
import { createChoiceGroup, type ChoiceGroupOption } from './choice-group';
import type { Question } from './definition';
import { COMMENT_MAX_LENGTH } from './document';
import { el, uniqueId } from '../shared/dom';
import { button } from './button';
import type { ResponseDraft } from './draft';
import type { JsonValue } from './json';
import { CHANNEL_IDS, labelOf, questionLabel, ROLE_IDS, type SurveyViewContext } from './view-context';

export interface ResponseForm {
  element: HTMLElement;
  /** Shows (or clears, with undefined) a message above the buttons, announced to screen readers. */
  showMessage: (text: string | undefined) => void;
  focusFirst: () => void;
}

/** Records mode: the table's role and channel options (value → label); an empty list leaves the field out. */
export type FormChoices = Readonly<Record<'role' | 'channel', readonly string[]>>;

function selectField(
  ctx: SurveyViewContext,
  kind: 'role' | 'channel',
  ids: readonly string[],
  draft: ResponseDraft,
): HTMLElement | null {
  const { doc, t } = ctx;
  if (ids.length === 0) return null;
  const id = uniqueId(`crmkit-survey-${kind}`);
  const select = el(doc, 'select', { className: 'crmkit-select', attrs: { id, name: kind } });
  const values = ids.includes(draft[kind]) || draft[kind] === '' ? ids : [...ids, draft[kind]];
  if (draft[kind] === '') select.append(el(doc, 'option', { text: '', attrs: { value: '' } }));
  for (const value of values) {
    select.append(el(doc, 'option', { text: labelOf(ctx, kind, value), attrs: { value } }));
  }
  select.value = draft[kind];
  select.addEventListener('change', () => {
    draft[kind] = select.value;
  });
  return el(doc, 'div', { className: 'crmkit-field' }, [
    el(doc, 'label', { className: 'crmkit-label', text: t(`form.${kind}`), attrs: { for: id } }),
    select,
  ]);
}

function questionOptions(ctx: SurveyViewContext, q: Question): ChoiceGroupOption<JsonValue>[] {
  const { t, formats } = ctx;
  switch (q.type) {
    case 'stars':
      return [1, 2, 3, 4, 5].map((n) => ({
        value: n,
        text: '★',
        label: t('form.starLabel', { value: formats.number(n) }),
      }));
    case 'nps':
      return Array.from({ length: 11 }, (_, n) => ({ value: n, text: formats.number(n) }));
    case 'yesno':
      return [
        { value: true, text: t('answer.yes') },
        { value: false, text: t('answer.no') },
      ];
    case 'choice':
      return q.options.map((o) => ({
        value: o.id,
        text: o.text[String(ctx.lcid)] ?? Object.values(o.text)[0] ?? o.id,
      }));
    case 'text':
      return [];
  }
}

function questionField(ctx: SurveyViewContext, q: Question, draft: ResponseDraft): HTMLElement {
  const { doc, t } = ctx;
  const labelId = uniqueId('crmkit-survey-q');
  const label = el(doc, 'div', {
    className: 'crmkit-label',
    text: questionLabel(ctx, q),
    attrs: { id: labelId },
  });
  const field = el(doc, 'div', { className: 'crmkit-field', attrs: { 'data-question': q.id } }, [label]);
  if (q.type === 'text') {
    const input = el(doc, 'textarea', {
      className: 'crmkit-textarea',
      attrs: { 'aria-labelledby': labelId, maxlength: String(q.maxLength), rows: '2' },
    });
    const current = draft.answers.get(q.id);
    input.value = typeof current === 'string' ? current : '';
    input.addEventListener('input', () => {
      if (input.value.trim() === '') draft.answers.delete(q.id);
      else draft.answers.set(q.id, input.value);
    });
    field.append(input);
    return field;
  }
  const group = createChoiceGroup<JsonValue>({
    doc,
    labelledBy: labelId,
    options: questionOptions(ctx, q),
    value: draft.answers.get(q.id),
    variant: q.type === 'stars' ? 'stars' : q.type === 'nps' ? 'scale' : 'pills',
    clearText: t('form.clear'),
    notRatedText: t('form.notRated'),
    onChange: (value) => {
      if (value === undefined) draft.answers.delete(q.id);
      else draft.answers.set(q.id, value);
    },
  });
  field.append(group.element);
  if (q.type === 'nps') {
    field.append(
      el(doc, 'div', { className: 'crmkit-scale-ends', attrs: { 'aria-hidden': 'true' } }, [
        el(doc, 'span', { text: t('form.npsLow') }),
        el(doc, 'span', { text: t('form.npsHigh') }),
      ]),
    );
  }
  return field;
}

export function renderResponseForm(
  ctx: SurveyViewContext,
  draft: ResponseDraft,
  onSave: () => void,
  onCancel: () => void,
  choices?: FormChoices,
): ResponseForm {
  const { doc, t, formats } = ctx;
  const titleId = uniqueId('crmkit-survey-form');
  const respondentId = uniqueId('crmkit-survey-respondent');
  const respondent = el(doc, 'input', {
    className: 'crmkit-input',
    attrs: { id: respondentId, type: 'text', maxlength: '200', autocomplete: 'off' },
  });
  respondent.value = draft.respondent;
  respondent.addEventListener('input', () => {
    draft.respondent = respondent.value;
  });

  const commentId = uniqueId('crmkit-survey-comment');
  const counter = el(doc, 'div', { className: 'crmkit-counter', attrs: { 'aria-live': 'polite' } });
  const comment = el(doc, 'textarea', {
    className: 'crmkit-textarea',
    attrs: { id: commentId, maxlength: String(COMMENT_MAX_LENGTH), rows: '3' },
  });
  comment.value = draft.comment;
  const paintCounter = (): void => {
    counter.textContent = t('form.characters', {
      count: formats.number(comment.value.length),
      max: formats.number(COMMENT_MAX_LENGTH),
    });
  };
  comment.addEventListener('input', () => {
    draft.comment = comment.value;
    paintCounter();
  });
  paintCounter();

  const message = el(doc, 'div', {
    className: 'crmkit-message crmkit-message--error',
    attrs: { role: 'alert' },
  });
  message.hidden = true;

  const form = el(
    doc,
    'form',
    {
      className: 'crmkit-survey__form',
      attrs: { 'aria-labelledby': titleId, novalidate: '' },
      on: {
        submit: (event) => {
          event.preventDefault();
          onSave();
        },
        keydown: (event) => {
          if ((event as KeyboardEvent).key === 'Escape') onCancel();
        },
      },
    },
    [
      el(doc, 'h3', {
        className: 'crmkit-survey__heading',
        text: t(draft.editingId === undefined ? 'form.addTitle' : 'form.editTitle'),
        attrs: { id: titleId },
      }),
      el(doc, 'div', { className: 'crmkit-survey__form-row' }, [
        el(doc, 'div', { className: 'crmkit-field' }, [
          el(doc, 'label', {
            className: 'crmkit-label',
            text: t('form.respondent'),
            attrs: { for: respondentId },
          }),
          respondent,
        ]),
        selectField(ctx, 'role', choices?.role ?? ROLE_IDS, draft),
        selectField(ctx, 'channel', choices?.channel ?? CHANNEL_IDS, draft),
      ]),
      ...ctx.definition.questions.map((q) => questionField(ctx, q, draft)),
      el(doc, 'div', { className: 'crmkit-field' }, [
        el(doc, 'label', { className: 'crmkit-label', text: t('form.comment'), attrs: { for: commentId } }),
        comment,
        counter,
      ]),
      message,
      el(doc, 'div', { className: 'crmkit-survey__buttons' }, [
        el(doc, 'button', {
          className: 'crmkit-button crmkit-button--primary',
          text: t('form.save'),
          attrs: { type: 'submit', 'data-action': 'save' },
        }),
        button(doc, t('form.cancel'), onCancel, 'crmkit-button', { 'data-action': 'cancel' }),
      ]),
    ],
  );
  return {
    element: form,
    showMessage: (text) => {
      message.hidden = text === undefined;
      message.textContent = text ?? '';
    },
    focusFirst: () => respondent.focus(),
  };
}
