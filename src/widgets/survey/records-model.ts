/**
 * Records mode, the pure part: one survey response is one row of the activity table named by the
 * control's `responseTable` input (`<prefix>_surveyresponse`). The column names, the Web API query
 * options, a row read as a `SurveyResponse`, a draft written as a row, its subject, and the scores.
 */
import { aggregate, surveyOutputs, validAnswer, type SurveyOutputs } from './aggregates';
import { csatQuestion, npsQuestion, type SurveyDefinition } from './definition';
import type { SurveyResponse } from './document';
import type { ResponseDraft } from './draft';
import { isJsonObject, type JsonValue } from './json';

/** A Web API row: column (or annotation) → value. */
export type Row = Record<string, unknown>;

export interface RecordsSchema {
  table: string;
  nps: string;
  csat: string;
  channel: string;
  role: string;
  respondent: string;
  answers: string;
  definitionVersion: string;
}

/** The columns of the table `<prefix>_…`; undefined for a name that is no table's logical name. */
export function recordsSchema(tableName: string): RecordsSchema | undefined {
  const table = tableName.trim().toLowerCase();
  const prefix = /^([a-z][a-z0-9]*)_[a-z0-9_]+$/.exec(table)?.[1];
  if (prefix === undefined) return undefined;
  const c = (name: string): string => `${prefix}_${name}`;
  return {
    table,
    nps: c('nps'),
    csat: c('csat'),
    channel: c('channel'),
    role: c('role'),
    respondent: c('respondent'),
    answers: c('answers'),
    definitionVersion: c('definitionversion'),
  };
}

/** How many responses a page of the list holds (the first page and each "Show more"). */
export const RECORDS_PAGE_SIZE = 50;
/** The scores of all responses are read in pages of the Web API's largest size. */
export const SCORES_PAGE_SIZE = 5000;
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

/** A record id as the Web API writes it: lower case, no braces; undefined when it is none. */
export function plainId(id: string | undefined | null): string | undefined {
  const plain = id?.replace(/[{}]/g, '').trim().toLowerCase();
  return plain !== undefined && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(plain) ? plain : undefined;
}

const regarding = (recordId: string): string => `&$filter=_regardingobjectid_value eq ${recordId}`;

/** The list's query options: the responses regarding the record, newest first. */
export function listQuery(s: RecordsSchema, recordId: string): string {
  const columns = [
    'activityid',
    s.nps,
    s.csat,
    s.channel,
    s.role,
    s.respondent,
    s.answers,
    'description',
    'createdon',
    'modifiedon',
    '_createdby_value',
  ];
  return `?$select=${columns.join(',')}${regarding(recordId)}&$orderby=createdon desc,activityid desc`;
}

/** The scores' query options: NPS and CSAT of every response regarding the record. */
export function scoresQuery(s: RecordsSchema, recordId: string): string {
  return `?$select=activityid,${s.nps},${s.csat}${regarding(recordId)}`;
}

/** The options that read the page a `nextLink` names (its query part). */
export function nextPageQuery(nextLink: string): string {
  const at = nextLink.indexOf('?');
  return at < 0 ? '' : nextLink.slice(at);
}

/** A row read as a response; `rawAnswers` is set when `<prefix>_answers` is not a JSON object. */
export interface RecordResponse {
  response: SurveyResponse;
  rawAnswers?: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const choice = (v: unknown): string => (typeof v === 'number' ? String(v) : '');

export function responseOfRow(s: RecordsSchema, def: SurveyDefinition, row: Row): RecordResponse {
  const raw = text(row[s.answers]);
  let answers: Record<string, JsonValue> = {};
  let rawAnswers: string | undefined;
  if (raw.trim() !== '') {
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (!isJsonObject(parsed)) throw new TypeError('not an object');
      answers = { ...parsed };
    } catch {
      rawAnswers = raw;
    }
  }
  const nps = npsQuestion(def);
  const csat = csatQuestion(def);
  if (nps !== undefined && typeof row[s.nps] === 'number') answers[nps.id] = row[s.nps] as number;
  if (csat !== undefined && typeof row[s.csat] === 'number') answers[csat.id] = row[s.csat] as number;
  const at = text(row.createdon);
  const modified = text(row.modifiedon);
  const response: SurveyResponse = {
    id: text(row.activityid),
    respondent: text(row[s.respondent]),
    role: choice(row[s.role]),
    channel: choice(row[s.channel]),
    at,
    authorId: plainId(text(row._createdby_value)) ?? '',
    answers,
    comment: text(row.description),
    extra: {},
  };
  if (modified !== '' && modified !== at) response.updatedAt = modified;
  return rawAnswers === undefined ? { response } : { response, rawAnswers };
}

/** The choice labels the server sent with the rows (option value → label in the user's language). */
export function formattedChoices(s: RecordsSchema, rows: readonly Row[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const row of rows) {
    for (const column of [s.channel, s.role]) {
      const label = row[column + FORMATTED];
      if (typeof row[column] === 'number' && typeof label === 'string')
        labels.set(choice(row[column]), label);
    }
  }
  return labels;
}

/** The summary outputs over the scores of all responses. */
export function recordsOutputs(s: RecordsSchema, def: SurveyDefinition, rows: readonly Row[]): SurveyOutputs {
  return surveyOutputs(
    aggregate(
      rows.map((row) => responseOfRow(s, def, row).response),
      def,
    ),
  );
}

function score(def: SurveyDefinition, draft: ResponseDraft, kind: 'nps' | 'csat'): number | null {
  const q = kind === 'nps' ? npsQuestion(def) : csatQuestion(def);
  const value = q === undefined ? undefined : validAnswer(q, draft.answers.get(q.id));
  return typeof value === 'number' ? value : null;
}

/** The generated subject, e.g. "NPS 9 · Phone call · Anna Ivanova" (at most 400 characters). */
export function subjectOf(
  def: SurveyDefinition,
  draft: ResponseDraft,
  label: (kind: 'nps' | 'csat') => string,
  channelLabel: string,
): string {
  const nps = score(def, draft, 'nps');
  const csat = score(def, draft, 'csat');
  const parts = [
    nps === null ? '' : `${label('nps')} ${nps}`,
    csat === null ? '' : `${label('csat')} ${csat}`,
    channelLabel,
    draft.respondent.trim(),
  ];
  return parts
    .filter((p) => p !== '')
    .join(' · ')
    .slice(0, 400);
}

/** A short stable name of the definition the answers follow ("builtin" for the standard one). */
export function definitionVersion(definitionText: string | null): string {
  const source = definitionText?.trim() ?? '';
  if (source === '') return 'builtin';
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  return `fnv1a-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * The columns a draft writes: scores in their own columns, the other answers as JSON in
 * `<prefix>_answers`, the comment in `description`. Never `createdby` or `ownerid`: Dataverse sets them.
 */
export function rowOfDraft(
  s: RecordsSchema,
  def: SurveyDefinition,
  draft: ResponseDraft,
  subject: string,
  version: string,
): Row {
  const metric = new Set([npsQuestion(def)?.id, csatQuestion(def)?.id]);
  const others = [...draft.answers].filter(([id]) => !metric.has(id));
  const number = (v: string): number | null => (v === '' ? null : Number(v));
  return {
    subject,
    [s.nps]: score(def, draft, 'nps'),
    [s.csat]: score(def, draft, 'csat'),
    [s.channel]: number(draft.channel),
    [s.role]: number(draft.role),
    [s.respondent]: draft.respondent.trim(),
    [s.answers]: others.length === 0 ? null : JSON.stringify(Object.fromEntries(others)),
    description: draft.comment,
    [s.definitionVersion]: version,
  };
}

/** The regarding binding of a new response: `regardingobjectid_<entity>_<table>@odata.bind`. */
export function regardingBinding(
  s: RecordsSchema,
  entityType: string,
  entitySet: string,
  recordId: string,
): Row {
  return { [`regardingobjectid_${entityType}_${s.table}@odata.bind`]: `/${entitySet}(${recordId})` };
}

/** The entity set name Dataverse gives a table by default (account → accounts, opportunity → opportunities). */
export function defaultEntitySet(entityType: string): string {
  if (/[^aeiou]y$/.test(entityType)) return `${entityType.slice(0, -1)}ies`;
  return /(s|x|z|ch|sh)$/.test(entityType) ? `${entityType}es` : `${entityType}s`;
}
