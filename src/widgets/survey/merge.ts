/**
 * Three-way merge of the responses document, for a save that re-reads the record first.
 * `base` is the stored value this control last knew, `local` what this form holds (the user's
 * unsaved changes on top of `base`), `latest` the value stored now (other users' saves on top of
 * `base`). Our changes are replayed on `latest`: responses we added or edited are written, ones we
 * deleted are removed; a response someone else deleted stays deleted, and our edit of such a
 * response is reported in `lostEdits` instead of being brought back silently.
 */
import { sameResponse, type SurveyDocument, type SurveyResponse } from './document';

export interface MergeResult {
  document: SurveyDocument;
  /** Ids of responses we edited that someone else deleted meanwhile (not written). */
  lostEdits: string[];
}

const byId = (doc: SurveyDocument): Map<string, SurveyResponse> =>
  new Map(doc.responses.map((r) => [r.id, r]));

export function mergeDocuments(
  base: SurveyDocument,
  local: SurveyDocument,
  latest: SurveyDocument,
): MergeResult {
  const baseById = byId(base);
  const localById = byId(local);
  const latestIds = new Set(latest.responses.map((r) => r.id));
  const changedHere = (r: SurveyResponse): boolean => {
    const before = baseById.get(r.id);
    return before === undefined || !sameResponse(before, r);
  };
  const responses: SurveyResponse[] = [];
  for (const theirs of latest.responses) {
    const ours = localById.get(theirs.id);
    if (ours === undefined) {
      // Deleted here (it was in our base) or added by someone else.
      if (!baseById.has(theirs.id)) responses.push(theirs);
    } else {
      responses.push(changedHere(ours) ? ours : theirs);
    }
  }
  const lostEdits: string[] = [];
  for (const ours of local.responses) {
    if (latestIds.has(ours.id)) continue;
    if (!baseById.has(ours.id))
      responses.push(ours); // added here
    else if (changedHere(ours)) lostEdits.push(ours.id); // edited here, deleted there
    // else: deleted by someone else and untouched here — stays deleted
  }
  return { document: { ...latest, responses }, lostEdits };
}
