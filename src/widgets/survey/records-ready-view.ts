/**
 * The survey control in records mode once the record's responses are read: a warning when the
 * survey definition cannot be read, the summary of all the record's scores, then the responses
 * read so far (one's own editable, answers the definition cannot read shown raw and left alone),
 * with "show more" while the table holds more.
 */
import { el } from '../shared/dom';
import { aggregate } from './aggregates';
import type { SurveyDefinition } from './definition';
import type { SurveyResponse } from './document';
import type { ParseProblem } from './json';
import { renderResponseList } from './list-view';
import { RECORDS_PAGE_SIZE, type RecordResponse } from './records-model';
import { showMoreButton, showRawAnswers } from './records-view';
import { renderSummary } from './summary-view';
import { reasonText } from './survey-view';
import type { SurveyViewContext } from './view-context';
import type { SurveyRegions } from './widget-regions';

export interface ReadyRecords {
  /** The responses listed so far, newest first. */
  read: readonly RecordResponse[];
  /** The scores of every response of the record (the summary's). */
  scores: readonly SurveyResponse[];
  /** The table holds more responses than listed. */
  hasMore: boolean;
  definition: SurveyDefinition;
  definitionProblem: ParseProblem | undefined;
  /** The user's id (plain), whose own responses may be edited and deleted. */
  userId: string | undefined;
  editable: boolean;
}

export interface ReadyActions {
  onEdit: (response: SurveyResponse) => void;
  onDelete: (response: SurveyResponse) => void;
  /** Lists the next page; `shown` responses were listed. */
  onShowMore: (shown: number) => void;
}

export function renderReadyRecords(
  ctx: SurveyViewContext,
  regions: SurveyRegions,
  data: ReadyRecords,
  actions: ReadyActions,
): void {
  const { doc, t } = ctx;
  const responses = data.read.map((r) => r.response);
  const raw = new Map(
    data.read.flatMap((r) => (r.rawAnswers === undefined ? [] : [[r.response.id, r.rawAnswers]])),
  );
  const summary = { ...aggregate(data.scores, data.definition), last: responses[0] };
  const problem = data.definitionProblem;
  regions.body.replaceChildren(
    ...(problem === undefined
      ? []
      : [
          el(doc, 'div', {
            className: 'crmkit-message crmkit-message--warning',
            text: t('state.definitionInvalid', { reason: reasonText(t, problem) }),
          }),
        ]),
    renderSummary(ctx, summary),
  );
  const { userId } = data;
  const list = renderResponseList(
    ctx,
    responses,
    data.editable
      ? {
          canModify: (r) => r.authorId !== '' && r.authorId === userId && !raw.has(r.id),
          onEdit: actions.onEdit,
          onDelete: actions.onDelete,
        }
      : undefined,
    { visible: responses.length },
  );
  showRawAnswers(ctx, list, raw);
  if (data.hasMore) {
    const total = data.scores.length;
    const step = Math.min(RECORDS_PAGE_SIZE, Math.max(0, total - responses.length));
    list.append(
      showMoreButton(ctx, step || RECORDS_PAGE_SIZE, total, () => actions.onShowMore(responses.length)),
    );
  }
  regions.listRegion.replaceChildren(list);
}
