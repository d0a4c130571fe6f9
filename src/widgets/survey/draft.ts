/** A response being composed in the form, and how it becomes a stored response. */
import { newResponseId, type SurveyResponse } from './document';
import type { JsonValue } from './json';

export interface ResponseDraft {
  /** Set when editing an existing response. */
  editingId?: string;
  respondent: string;
  role: string;
  channel: string;
  /** Question id → answer; no entry is "not rated". */
  answers: Map<string, JsonValue>;
  comment: string;
}

/**
 * A new draft or one that edits `editing`. A new one names the current user as respondent, with the
 * role of the user's latest own response (`previous`), if any, and the phone channel.
 */
export function draftFor(
  editing: SurveyResponse | undefined,
  userName: string,
  previous?: SurveyResponse,
): ResponseDraft {
  if (editing === undefined) {
    return {
      respondent: userName,
      role: previous?.role ?? '',
      channel: 'phone',
      answers: new Map(),
      comment: '',
    };
  }
  return {
    editingId: editing.id,
    respondent: editing.respondent,
    role: editing.role,
    channel: editing.channel,
    answers: new Map(Object.entries(editing.answers)),
    comment: editing.comment,
  };
}

/** The catalogue key of what stops the draft from being saved, if anything. */
export function draftProblem(
  draft: ResponseDraft,
): 'form.respondentRequired' | 'form.nothingAnswered' | undefined {
  if (draft.respondent.trim() === '') return 'form.respondentRequired';
  if (draft.answers.size === 0 && draft.comment.trim() === '') return 'form.nothingAnswered';
  return undefined;
}

/**
 * The response to store. An edit keeps the original's time, author and unknown fields and gets
 * `updatedAt`; a new response gets a fresh id, `at` = now and the current user as author.
 */
export function responseFromDraft(
  draft: ResponseDraft,
  original: SurveyResponse | undefined,
  userId: string,
  now: Date,
): SurveyResponse {
  const iso = now.toISOString();
  const response: SurveyResponse = {
    id: original?.id ?? newResponseId(),
    respondent: draft.respondent.trim(),
    role: draft.role,
    channel: draft.channel,
    at: original?.at ?? iso,
    authorId: original?.authorId ?? userId,
    answers: Object.fromEntries(draft.answers),
    comment: draft.comment,
    extra: original?.extra ?? {},
  };
  if (original !== undefined) response.updatedAt = iso;
  return response;
}
