/**
 * Recognises the Dataverse failures a dashboard treats specially. Xrm.WebApi rejects with
 * `{ errorCode, message }`; the page's own Web API client adds `status` and `retryAfter`.
 */

export type DataverseFailure =
  | { kind: 'throttled'; message: string; retryAfterMs?: number }
  | { kind: 'aggregateLimit'; message: string }
  | { kind: 'privilege'; message: string; privilege?: string }
  | { kind: 'other'; message: string };

/** Service protection limits: number of requests, execution time, concurrent requests. */
const throttleCodes = new Set([-2147015902, -2147015903, -2147015898]);
/** AggregateQueryRecordLimit (0x8004E023). */
const aggregateLimitCode = -2147164125;
/** Missing privilege (0x80040220, SecLib::AccessCheckEx / "missing prvRead… privilege"). */
const privilegeCodes = new Set([-2147220960, -2147187954]);

function field(e: unknown, name: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[name] : undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  if (typeof value === 'string' && /^0x[0-9a-f]+$/i.test(value.trim())) return Number(value) | 0;
  return undefined;
}

/** Retry-After as milliseconds: a number of seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * 1000;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function retryAfterOf(e: unknown): number | undefined {
  const direct = parseRetryAfter(field(e, 'retryAfter'));
  if (direct !== undefined) return direct;
  const headers = field(e, 'headers');
  if (headers !== undefined && headers !== null && typeof headers === 'object') {
    const get = (headers as { get?: unknown }).get;
    if (typeof get === 'function')
      return parseRetryAfter((get as (n: string) => unknown).call(headers, 'Retry-After'));
    const record = headers as Record<string, unknown>;
    return parseRetryAfter(record['Retry-After'] ?? record['retry-after']);
  }
  return undefined;
}

export function messageOf(e: unknown): string {
  const message = field(e, 'message');
  if (typeof message === 'string' && message !== '') return message.split('\n')[0]!;
  return String(e);
}

export function classifyError(e: unknown): DataverseFailure {
  const message = messageOf(e);
  const code = asNumber(field(e, 'errorCode')) ?? asNumber(field(e, 'code'));
  const status = asNumber(field(e, 'status')) ?? asNumber(field(e, 'httpStatusCode'));
  if (status === 429 || (code !== undefined && throttleCodes.has(code))) {
    const retryAfterMs = retryAfterOf(e);
    return retryAfterMs === undefined
      ? { kind: 'throttled', message }
      : { kind: 'throttled', message, retryAfterMs };
  }
  if (
    code === aggregateLimitCode ||
    /AggregateQueryRecordLimit|maximum record limit of \d+ is exceeded/i.test(message)
  ) {
    return { kind: 'aggregateLimit', message };
  }
  const privilege = /\b(prv[A-Z][A-Za-z0-9_]*)/.exec(message)?.[1];
  if ((code !== undefined && privilegeCodes.has(code)) || privilege !== undefined || status === 403) {
    return privilege === undefined
      ? { kind: 'privilege', message }
      : { kind: 'privilege', message, privilege };
  }
  return { kind: 'other', message };
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
