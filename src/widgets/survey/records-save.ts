/**
 * What saving a response form writes to the response table: the row of the draft (answers,
 * scores, subject, definition version) and, for a new response, the binding that makes it regard
 * the open record; nothing while the draft has a problem (the form says which).
 */
import type { Translate } from '../shared/i18n';
import type { SurveyDefinition } from './definition';
import { draftProblem, type ResponseDraft } from './draft';
import * as m from './records-model';
import type { RecordsHostInput } from './records-options';

export type SaveRequest =
  | { kind: 'problem'; message: string }
  | { kind: 'update'; id: string; row: m.Row }
  | { kind: 'create'; row: m.Row }
  /** A new response while the record is not saved: nothing to write. */
  | { kind: 'none' };

export interface SaveContext {
  schema: m.RecordsSchema;
  definition: SurveyDefinition;
  input: RecordsHostInput;
  t: Translate;
  /** The choice options' labels by value (the channel's goes into the subject). */
  labels: ReadonlyMap<string, string>;
  /** The open record's entity set from the metadata, when known. */
  entitySet: string | undefined;
}

export function saveRequest(draft: ResponseDraft, c: SaveContext): SaveRequest {
  const problem = draftProblem(draft);
  if (problem !== undefined) return { kind: 'problem', message: c.t(problem) };
  const { schema, definition, input, t } = c;
  const subject = m.subjectOf(
    definition,
    draft,
    (kind) => t(`summary.${kind}`),
    draft.channel === '' ? '' : (c.labels.get(draft.channel) ?? ''),
  );
  const row = m.rowOfDraft(schema, definition, draft, subject, m.definitionVersion(input.definition));
  const id = draft.editingId;
  if (id !== undefined) return { kind: 'update', id, row };
  const recordId = m.plainId(input.recordId);
  if (recordId === undefined || input.entityType === undefined) return { kind: 'none' };
  const set = c.entitySet ?? m.defaultEntitySet(input.entityType);
  return { kind: 'create', row: { ...row, ...m.regardingBinding(schema, input.entityType, set, recordId) } };
}
