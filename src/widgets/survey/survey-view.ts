/**
 * Renders the control's regions for one state: the header (title, read-only badge, Add), then the
 * masked text, the unreadable value, or the summary and the response list.
 */
import type { Translate } from '../shared/i18n';
import { aggregate } from './aggregates';
import type { DocumentReadResult, SurveyResponse } from './document';
import { el } from '../shared/dom';
import { button } from './button';
import type { ParseProblem } from './json';
import { renderResponseList } from './list-view';
import { renderSummary } from './summary-view';
import { renderUnreadable } from './unreadable-view';
import type { SurveyViewContext } from './view-context';
import type { SurveyRegions } from './widget-regions';

export function reasonText(t: Translate, problem: ParseProblem): string {
  return t(`reason.${problem.code}`, { path: problem.path, version: problem.version ?? '' });
}

/** What the host allows; a subset of `SurveyHostInput`. */
export interface SurveyAccess {
  readable: boolean;
  editable: boolean;
  userId: string;
}

export interface SurveyViewState {
  access: SurveyAccess;
  state: DocumentReadResult;
  definitionProblem: ParseProblem | undefined;
  formOpen: boolean;
  listVisible: number;
}

export interface SurveyViewActions {
  onAdd: () => void;
  onStartOver: () => void;
  onEdit: (response: SurveyResponse) => void;
  onDelete: (response: SurveyResponse) => void;
  onShowMore: (visible: number) => void;
}

export function renderSurvey(
  regions: SurveyRegions,
  ctx: SurveyViewContext,
  view: SurveyViewState,
  actions: SurveyViewActions,
): void {
  const { access: input, state } = view;
  const { doc, t } = ctx;
  const canAdd = input.readable && input.editable && state.ok;
  const title = el(doc, 'h2', { className: 'crmkit-survey__title', text: t('summary.title') });
  regions.header.replaceChildren(title);
  if (input.readable && !input.editable) {
    regions.header.append(el(doc, 'span', { className: 'crmkit-badge', text: t('state.readOnly') }));
  }
  if (canAdd && !view.formOpen) {
    regions.header.append(
      button(doc, t('form.add'), actions.onAdd, 'crmkit-button crmkit-button--primary', {
        'data-action': 'add',
      }),
    );
  }
  if (!input.readable) {
    regions.body.replaceChildren(
      el(doc, 'p', { className: 'crmkit-survey__masked', text: t('state.masked') }),
    );
    regions.listRegion.replaceChildren();
    regions.formRegion.hidden = true;
    return;
  }
  if (!state.ok) {
    regions.body.replaceChildren(
      renderUnreadable(ctx, state.raw, reasonText(t, state.problem), input.editable, actions.onStartOver),
    );
    regions.listRegion.replaceChildren();
    regions.formRegion.hidden = true;
    return;
  }
  const definitionWarning =
    view.definitionProblem === undefined
      ? null
      : el(doc, 'div', {
          className: 'crmkit-message crmkit-message--warning',
          text: t('state.definitionInvalid', { reason: reasonText(t, view.definitionProblem) }),
        });
  const responses = state.document.responses;
  regions.body.replaceChildren(
    ...[definitionWarning, renderSummary(ctx, aggregate(responses, ctx.definition))].filter(
      (n) => n !== null,
    ),
  );
  regions.listRegion.replaceChildren(
    renderResponseList(
      ctx,
      responses,
      input.editable
        ? {
            canModify: (r) => r.authorId !== '' && r.authorId === input.userId,
            onEdit: actions.onEdit,
            onDelete: actions.onDelete,
          }
        : undefined,
      { visible: view.listVisible, onShowMore: actions.onShowMore },
    ),
  );
  regions.formRegion.hidden = !input.editable || !view.formOpen;
}
