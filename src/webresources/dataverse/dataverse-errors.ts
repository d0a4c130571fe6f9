/**
 * Recognises the Dataverse failures a dashboard treats specially, by code only (the table in
 * src/widgets/shared/dataverse-codes.ts). Xrm.WebApi rejects with `{ errorCode, message }` and no
 * HTTP status; the page's own Web API client (web-api-fetch.ts) adds `status` and the Retry-After
 * header, which only it can see.
 */
import { parseRetryAfter } from '../../http/retry-after';
import { dataverseKindOf, missingPrivilegeOf } from '../../widgets/shared/dataverse-codes';

export type DataverseFailure =
  | { kind: 'throttled'; message: string; retryAfterMs?: number; attempts?: number }
  | { kind: 'aggregateLimit'; message: string }
  | { kind: 'privilege'; message: string; privilege?: string }
  | { kind: 'notFound'; message: string }
  | { kind: 'concurrency'; message: string }
  | { kind: 'other'; message: string };

function field(e: unknown, name: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[name] : undefined;
}

function retryAfterOf(e: unknown, now: number): number | undefined {
  const direct = parseRetryAfter(field(e, 'retryAfter'), now);
  if (direct !== undefined) return direct;
  const headers = field(e, 'headers');
  if (headers !== undefined && headers !== null && typeof headers === 'object') {
    const get = (headers as { get?: unknown }).get;
    if (typeof get === 'function')
      return parseRetryAfter((get as (n: string) => unknown).call(headers, 'Retry-After'), now);
    const record = headers as Record<string, unknown>;
    return parseRetryAfter(record['Retry-After'] ?? record['retry-after'], now);
  }
  return undefined;
}

/** The server's own text (first line): shown only in a failure's collapsed details. */
export function messageOf(e: unknown): string {
  const message = field(e, 'message') ?? field(field(e, 'error'), 'message');
  if (typeof message === 'string' && message !== '') return message.split('\n')[0]!;
  return String(e);
}

function httpStatusOf(e: unknown): number | undefined {
  const status = field(e, 'status') ?? field(e, 'httpStatusCode');
  return typeof status === 'number' ? status : undefined;
}

export function classifyError(e: unknown, now: number = Date.now()): DataverseFailure {
  const message = messageOf(e);
  const kind = dataverseKindOf(e) ?? (httpStatusOf(e) === 429 ? 'throttled' : undefined);
  switch (kind) {
    case 'throttled': {
      const retryAfterMs = retryAfterOf(e, now);
      return retryAfterMs === undefined
        ? { kind: 'throttled', message }
        : { kind: 'throttled', message, retryAfterMs };
    }
    case 'privilege': {
      const privilege = missingPrivilegeOf(message);
      return privilege === undefined
        ? { kind: 'privilege', message }
        : { kind: 'privilege', message, privilege };
    }
    case 'aggregateLimit':
    case 'notFound':
    case 'concurrency':
      return { kind, message };
    case undefined:
      return { kind: 'other', message };
  }
}

/** A classified failure, thrown by the data layer so the page can show a localized message. */
export class DataverseError extends Error {
  readonly failure: DataverseFailure;
  constructor(failure: DataverseFailure) {
    super(failure.message);
    this.name = 'DataverseError';
    this.failure = failure;
  }
}
