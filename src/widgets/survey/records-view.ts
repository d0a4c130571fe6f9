/**
 * Records mode's own views: what the body says instead of the summary (table missing, record not
 * saved, no Web API, a fault, loading), the raw text of unreadable answers, and "Show more".
 */
import type { Translate } from '../shared/i18n';
import { el } from '../shared/dom';
import { button } from './button';
import { plainId } from './records-model';
import type { RecordsFault } from './records-sync';
import type { SurveyViewContext } from './view-context';

export function faultText(t: Translate, fault: RecordsFault): string {
  if (fault.kind === 'privilege') return t(`records.no.${fault.action}`, { privilege: fault.privilege });
  return t(fault.kind === 'gone' ? 'records.gone' : 'records.unavailable');
}

/** The header: title, the read-only badge, and Add when `onAdd` is given. */
export function recordsHeader(
  ctx: SurveyViewContext,
  input: { readable: boolean; editable: boolean },
  onAdd: (() => void) | undefined,
): HTMLElement[] {
  const { doc, t } = ctx;
  return [
    el(doc, 'h2', { className: 'crmkit-survey__title', text: t('summary.title') }),
    ...(input.readable && !input.editable
      ? [el(doc, 'span', { className: 'crmkit-badge', text: t('state.readOnly') })]
      : []),
    ...(onAdd === undefined
      ? []
      : [
          button(doc, t('form.add'), onAdd, 'crmkit-button crmkit-button--primary', { 'data-action': 'add' }),
        ]),
  ];
}

export interface RecordsState {
  input: { readable: boolean; table: string; recordId: string | undefined };
  schemaOk: boolean;
  hasApi: boolean;
  /** A fault of the first read (none once the list was shown). */
  fault: RecordsFault | undefined;
  ready: boolean;
  onRetry: () => void;
}

/** The body's message when there is no list to show (yet); undefined when there is. */
export function recordsState(ctx: SurveyViewContext, s: RecordsState): HTMLElement | undefined {
  const { doc, t } = ctx;
  const message = (text: string, kind: string): HTMLElement =>
    el(doc, 'div', { className: `crmkit-message crmkit-message--${kind}`, text });
  const { input } = s;
  if (!input.readable) return el(doc, 'p', { className: 'crmkit-survey__masked', text: t('state.masked') });
  if (!s.schemaOk) {
    const key = input.table.trim() === '' ? 'records.needsTable' : 'records.badTable';
    return message(t(key, { table: input.table }), 'error');
  }
  if (plainId(input.recordId) === undefined) return message(t('records.unsaved'), 'info');
  if (!s.hasApi) return message(t('records.unavailable'), 'warning');
  if (s.fault !== undefined) {
    const box = message(faultText(t, s.fault), 'warning');
    box.append(
      ' ',
      button(doc, t('records.retry'), s.onRetry, 'crmkit-link-button', { 'data-action': 'retry' }),
    );
    return box;
  }
  return s.ready
    ? undefined
    : el(doc, 'p', { className: 'crmkit-survey__muted', text: t('records.loading') });
}

/** Under each response whose answers are not readable: a note and the stored text, as text. */
export function showRawAnswers(
  ctx: SurveyViewContext,
  list: HTMLElement,
  raw: ReadonlyMap<string, string>,
): void {
  const { doc, t } = ctx;
  for (const item of Array.from(list.querySelectorAll<HTMLElement>('[data-response-id]'))) {
    const text = raw.get(item.dataset.responseId ?? '');
    if (text === undefined) continue;
    item.append(
      el(doc, 'div', {
        className: 'crmkit-message crmkit-message--warning',
        text: t('records.answersUnreadable'),
      }),
      el(doc, 'pre', { className: 'crmkit-survey__raw', text }),
    );
  }
}

export function showMoreButton(
  ctx: SurveyViewContext,
  step: number,
  total: number,
  onClick: () => void,
): HTMLElement {
  const label = ctx.t('list.showMore', { count: ctx.formats.number(step), total: ctx.formats.number(total) });
  return el(ctx.doc, 'div', { className: 'crmkit-survey__more' }, [
    button(ctx.doc, label, onClick, 'crmkit-button', { 'data-action': 'show-more' }),
  ]);
}
