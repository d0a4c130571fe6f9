import type { JsonValue } from '../../../src/widgets/survey/json';
import {
  emptyDocument,
  type SurveyDocument,
  type SurveyResponse,
} from '../../../src/widgets/survey/document';

/** A response with sensible defaults; answers as given. */
export function response(
  id: string,
  answers: Record<string, JsonValue>,
  extra: Partial<SurveyResponse> = {},
): SurveyResponse {
  return {
    id,
    respondent: 'Anna Petrova',
    role: 'sales',
    channel: 'phone',
    at: '2026-11-20T10:00:00.000Z',
    authorId: 'user-anna',
    answers,
    comment: '',
    extra: {},
    ...extra,
  };
}

export function documentOf(...responses: SurveyResponse[]): SurveyDocument {
  return { ...emptyDocument(), responses };
}
