/** The list of responses, newest first: who, role, channel, when, each answer, the comment. */
import { validAnswer } from './aggregates';
import { showConfirmPrompt } from './confirm-prompt';
import type { Question } from './definition';
import type { SurveyResponse } from './document';
import { el, uniqueId } from '../shared/dom';
import { button } from './button';
import type { JsonValue } from './json';
import { starGlyphs } from './summary-view';
import { formatTime, labelOf, questionLabel, type SurveyViewContext } from './view-context';

export interface ResponseActions {
  canModify: (response: SurveyResponse) => boolean;
  onEdit: (response: SurveyResponse) => void;
  onDelete: (response: SurveyResponse) => void;
}

function answerNode(ctx: SurveyViewContext, q: Question, raw: JsonValue | undefined): Node {
  const { doc, t, formats } = ctx;
  const value = validAnswer(q, raw);
  if (value === undefined) {
    // A stored value this question type cannot hold is shown as written rather than hidden.
    const text = raw === undefined || raw === null ? t('list.notRated') : JSON.stringify(raw);
    return el(doc, 'span', { className: 'crmkit-survey__muted', text });
  }
  switch (q.type) {
    case 'stars':
      return el(doc, 'span', { className: 'crmkit-survey__answer-stars' }, [
        starGlyphs(doc, value as number),
        el(doc, 'span', { text: t('summary.csatOutOf', { value: formats.number(value as number) }) }),
      ]);
    case 'nps':
      return doc.createTextNode(formats.number(value as number));
    case 'yesno':
      return doc.createTextNode(t(value === true ? 'answer.yes' : 'answer.no'));
    case 'choice': {
      const option = q.options.find((o) => o.id === value);
      const text =
        option === undefined
          ? String(value)
          : (option.text[String(ctx.lcid)] ?? Object.values(option.text)[0]);
      return doc.createTextNode(text ?? String(value));
    }
    case 'text':
      return doc.createTextNode(String(value));
  }
}

function responseItem(
  ctx: SurveyViewContext,
  r: SurveyResponse,
  actions: ResponseActions | undefined,
): HTMLElement {
  const { doc, t } = ctx;
  const meta = [
    labelOf(ctx, 'role', r.role),
    labelOf(ctx, 'channel', r.channel),
    formatTime(ctx, r.at),
  ].filter((part) => part !== '');
  const header = el(doc, 'div', { className: 'crmkit-survey__item-header' }, [
    el(doc, 'span', { className: 'crmkit-survey__who', text: r.respondent, attrs: { tabindex: '-1' } }),
    el(doc, 'span', { className: 'crmkit-survey__meta', text: meta.join(' · ') }),
    r.updatedAt === undefined
      ? null
      : el(doc, 'span', {
          className: 'crmkit-survey__meta',
          text: t('list.edited', { date: formatTime(ctx, r.updatedAt) }),
        }),
  ]);
  const answers = el(doc, 'dl', { className: 'crmkit-survey__answers' });
  const known = new Set<string>();
  for (const q of ctx.definition.questions) {
    known.add(q.id);
    answers.append(
      el(doc, 'div', { className: 'crmkit-survey__answer' }, [
        el(doc, 'dt', { text: questionLabel(ctx, q) }),
        el(doc, 'dd', {}, [answerNode(ctx, q, r.answers[q.id])]),
      ]),
    );
  }
  for (const [id, value] of Object.entries(r.answers)) {
    if (known.has(id)) continue;
    answers.append(
      el(doc, 'div', { className: 'crmkit-survey__answer crmkit-survey__answer--other' }, [
        el(doc, 'dt', { text: `${t('list.unknownQuestion')} (${id})` }),
        el(doc, 'dd', { text: typeof value === 'string' ? value : JSON.stringify(value) }),
      ]),
    );
  }
  const item = el(doc, 'li', { className: 'crmkit-survey__item', attrs: { 'data-response-id': r.id } }, [
    header,
    answers,
  ]);
  if (r.comment !== '') {
    item.append(
      el(doc, 'p', { className: 'crmkit-survey__comment' }, [
        el(doc, 'span', { className: 'crmkit-visually-hidden', text: `${t('list.comment')}: ` }),
        r.comment,
      ]),
    );
  }
  if (actions?.canModify(r) === true) {
    const bar = el(doc, 'div', { className: 'crmkit-survey__item-actions' });
    const showActions = (): void => {
      bar.replaceChildren(
        button(doc, t('list.edit'), () => actions.onEdit(r), 'crmkit-link-button', {
          'data-action': 'edit',
          'aria-label': t('list.editOf', { name: r.respondent }),
        }),
        button(doc, t('list.delete'), confirm, 'crmkit-link-button', {
          'data-action': 'delete',
          'aria-label': t('list.deleteOf', { name: r.respondent }),
        }),
      );
    };
    const confirm = (): void => {
      showConfirmPrompt(bar, {
        tag: 'span',
        question: t('list.deleteConfirm'),
        acceptLabel: t('list.delete'),
        action: 'confirm-delete',
        cancelLabel: t('form.cancel'),
        onAccept: () => actions.onDelete(r),
        onCancel: showActions,
      });
    };
    showActions();
    item.append(bar);
  }
  return item;
}

/** How many responses are rendered at first and per "Show more" (keeps long documents fast). */
export const LIST_PAGE_SIZE = 50;

export interface ListPaging {
  /** How many of the newest responses to show (default LIST_PAGE_SIZE). */
  visible?: number;
  /** Told the new number when the user asks for more, so that a re-render keeps it. */
  onShowMore?: (visible: number) => void;
}

/** Responses newest first; `actions` adds Edit/Delete to those the user may change. */
export function renderResponseList(
  ctx: SurveyViewContext,
  responses: readonly SurveyResponse[],
  actions?: ResponseActions,
  paging: ListPaging = {},
): HTMLElement {
  const { doc, t } = ctx;
  const section = el(doc, 'section', { className: 'crmkit-survey__list' });
  const headingId = uniqueId('crmkit-survey-list');
  section.setAttribute('aria-labelledby', headingId);
  section.append(
    el(doc, 'h3', { className: 'crmkit-survey__heading', text: t('list.title'), attrs: { id: headingId } }),
  );
  if (responses.length === 0) {
    section.append(el(doc, 'p', { className: 'crmkit-survey__muted', text: t('list.empty') }));
    return section;
  }
  const time = new Map(responses.map((r) => [r, Date.parse(r.at)]));
  const sorted = [...responses].sort((a, b) => time.get(b)! - time.get(a)!);
  const list = el(doc, 'ul', { className: 'crmkit-survey__items' });
  let shown = 0;
  const more = el(doc, 'div', { className: 'crmkit-survey__more' });
  const showUpTo = (count: number): void => {
    const next = Math.min(count, sorted.length);
    const fragment = doc.createDocumentFragment();
    for (const r of sorted.slice(shown, next)) fragment.append(responseItem(ctx, r, actions));
    list.append(fragment);
    shown = next;
    const rest = sorted.length - shown;
    more.replaceChildren();
    if (rest > 0) {
      const step = Math.min(rest, LIST_PAGE_SIZE);
      more.append(
        button(
          doc,
          t('list.showMore', { count: ctx.formats.number(step), total: ctx.formats.number(sorted.length) }),
          () => {
            const firstNew = shown;
            showUpTo(shown + LIST_PAGE_SIZE);
            paging.onShowMore?.(shown);
            list.children[firstNew]?.querySelector<HTMLElement>('.crmkit-survey__who')?.focus();
          },
          'crmkit-button',
          { 'data-action': 'show-more' },
        ),
      );
    }
  };
  showUpTo(Math.max(paging.visible ?? LIST_PAGE_SIZE, LIST_PAGE_SIZE));
  section.append(list, more);
  return section;
}
