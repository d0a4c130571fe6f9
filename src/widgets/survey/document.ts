/**
 * The responses document stored in the bound column: `{"version":1,"responses":[…]}`, compact JSON.
 * Parsing keeps every field it does not know (on the document and on each response), and
 * serializing writes them back, so a newer writer's data survives an older reader.
 */
import { fail, isJsonObject, parseJsonText, SurveyParseError, unknownFields } from './json';
import type { JsonObject, JsonValue, ParseProblem } from './json';

export const DOCUMENT_VERSION = 1;

export interface SurveyResponse {
  id: string;
  /** Who answered on the customer's behalf: a staff member of sales, service or delivery. */
  respondent: string;
  /** Role id (`sales`, `service`, …) or free text from another writer. */
  role: string;
  /** Channel id (`phone`, `visit`, …) or free text from another writer. */
  channel: string;
  /** ISO 8601 time the response was recorded. */
  at: string;
  /** Dynamics user id of whoever recorded it (decides who may edit or delete it). */
  authorId: string;
  /** ISO 8601 time of the last edit, when edited. */
  updatedAt?: string;
  /** Question id → answer; a missing key is "not rated". Values of unknown questions are kept as is. */
  answers: Readonly<Record<string, JsonValue>>;
  comment: string;
  /** Fields this version does not know, written back unchanged. */
  extra: JsonObject;
}

export interface SurveyDocument {
  version: number;
  responses: readonly SurveyResponse[];
  extra: JsonObject;
}

export type DocumentReadResult =
  { ok: true; document: SurveyDocument } | { ok: false; problem: ParseProblem; raw: string };

export const COMMENT_MAX_LENGTH = 2000;

const RESPONSE_FIELDS = [
  'id',
  'respondent',
  'role',
  'channel',
  'at',
  'authorId',
  'updatedAt',
  'answers',
  'comment',
] as const;

export function emptyDocument(): SurveyDocument {
  return { version: DOCUMENT_VERSION, responses: [], extra: {} };
}

function optionalString(o: JsonObject, key: string, path: string): string {
  const value = o[key];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return fail('field', `${path}.${key}`);
  return value;
}

function readTime(o: JsonObject, key: string, path: string): string {
  const value = o[key];
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return fail('field', `${path}.${key}`);
  return value;
}

function readResponse(value: JsonValue, path: string, ids: Set<string>): SurveyResponse {
  if (!isJsonObject(value)) return fail('field', path);
  const id = value.id;
  if (typeof id !== 'string' || id === '') return fail('field', `${path}.id`);
  if (ids.has(id)) return fail('duplicate', `${path}.id`);
  ids.add(id);
  const answers = value.answers ?? {};
  if (!isJsonObject(answers)) return fail('field', `${path}.answers`);
  const response: SurveyResponse = {
    id,
    respondent: optionalString(value, 'respondent', path),
    role: optionalString(value, 'role', path),
    channel: optionalString(value, 'channel', path),
    at: readTime(value, 'at', path),
    authorId: optionalString(value, 'authorId', path),
    answers,
    comment: optionalString(value, 'comment', path),
    extra: unknownFields(value, RESPONSE_FIELDS),
  };
  if (value.updatedAt !== undefined) response.updatedAt = readTime(value, 'updatedAt', path);
  return response;
}

/** Parses a document; throws `SurveyParseError` at the first problem. Empty text is an empty document. */
export function parseDocument(text: string): SurveyDocument {
  if (text.trim() === '') return emptyDocument();
  const root = parseJsonText(text);
  if (!isJsonObject(root)) return fail('notObject', '');
  const version = root.version;
  if (version !== DOCUMENT_VERSION) {
    throw new SurveyParseError({
      code: 'version',
      path: 'version',
      version: JSON.stringify(version ?? null),
    });
  }
  const list = root.responses ?? [];
  if (!Array.isArray(list)) return fail('field', 'responses');
  const ids = new Set<string>();
  return {
    version,
    responses: list.map((r, i) => readResponse(r, `responses[${i}]`, ids)),
    extra: unknownFields(root, ['version', 'responses']),
  };
}

/** Like `parseDocument`, but returns the problem and the raw text instead of throwing. */
export function readDocument(text: string | null | undefined): DocumentReadResult {
  const raw = text ?? '';
  try {
    return { ok: true, document: parseDocument(raw) };
  } catch (e) {
    if (e instanceof SurveyParseError) return { ok: false, problem: e.problem, raw };
    throw e;
  }
}

function responseToJson(r: SurveyResponse): JsonObject {
  const o: JsonObject = {
    id: r.id,
    respondent: r.respondent,
    role: r.role,
    channel: r.channel,
    at: r.at,
    authorId: r.authorId,
  };
  if (r.updatedAt !== undefined) o.updatedAt = r.updatedAt;
  o.answers = { ...r.answers };
  o.comment = r.comment;
  return { ...o, ...r.extra };
}

/** Compact JSON for the column (known fields first, unknown fields after them). */
export function serializeDocument(doc: SurveyDocument): string {
  return JSON.stringify({ version: doc.version, responses: doc.responses.map(responseToJson), ...doc.extra });
}

/** Whether two responses would be stored as the same text. */
export function sameResponse(a: SurveyResponse, b: SurveyResponse): boolean {
  return a === b || JSON.stringify(responseToJson(a)) === JSON.stringify(responseToJson(b));
}

export function addResponse(doc: SurveyDocument, response: SurveyResponse): SurveyDocument {
  return { ...doc, responses: [...doc.responses.filter((r) => r.id !== response.id), response] };
}

/** Replaces the response with the same id; undefined when it no longer exists. */
export function updateResponse(doc: SurveyDocument, response: SurveyResponse): SurveyDocument | undefined {
  if (!doc.responses.some((r) => r.id === response.id)) return undefined;
  return { ...doc, responses: doc.responses.map((r) => (r.id === response.id ? response : r)) };
}

export function deleteResponse(doc: SurveyDocument, id: string): SurveyDocument {
  return { ...doc, responses: doc.responses.filter((r) => r.id !== id) };
}

/** A fresh response id (random UUID where the platform offers one). */
export function newResponseId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c !== undefined && typeof c.randomUUID === 'function') return c.randomUUID();
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The most recent response by time recorded, if any. */
export function latestResponse(responses: Iterable<SurveyResponse>): SurveyResponse | undefined {
  let latest: SurveyResponse | undefined;
  for (const r of responses) {
    if (latest === undefined || Date.parse(r.at) > Date.parse(latest.at)) latest = r;
  }
  return latest;
}
