/**
 * The one HTTP call of the adapters: POST (or DELETE) JSON with fetch, retried with exponential
 * backoff on 429 and 5xx (Retry-After honoured), never on 456 (DeepL's quota is exhausted: waiting
 * does not help) or on a refused key. Errors name the service and the batch; the key is never in
 * a message (any echo of it is blanked).
 */
import { CrmKitError } from '../../../errors';
import { parseRetryAfter } from '../../../http/retry-after';

export interface RetryOptions {
  /** Retries after the first attempt (default 5). */
  retries?: number;
  /** First wait, doubled each retry (default 1000 ms). */
  baseDelayMs?: number;
  /** Longest single wait, Retry-After included (default 30 s). */
  maxDelayMs?: number;
}

export interface HttpCall {
  provider: string;
  /** `batch 2 of 5, language 1049`, `glossary` … */
  what: string;
  method: 'POST' | 'DELETE';
  url: URL;
  headers: Record<string, string>;
  body?: unknown;
  /** Secrets to blank out of any message. */
  secrets: readonly string[];
  retry: RetryOptions;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function blank(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

/** The service's own words from an error body: `message`, `error.message`, or the text. */
function errorDetail(body: string): string {
  try {
    const json = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } | string };
    const m = typeof json.error === 'object' ? json.error.message : (json.error ?? json.message);
    if (typeof m === 'string' && m !== '') return m;
  } catch {
    // not JSON: the text itself
  }
  return body.trim().slice(0, 200);
}

function describe(status: number, detail: string): string {
  if (status === 401 || status === 403) {
    return `the key was refused (HTTP ${status}); check the key (and region) in the environment`;
  }
  if (status === 456) return `the character quota is used up (HTTP 456)${detail === '' ? '' : `: ${detail}`}`;
  if (status === 429) return `too many requests (HTTP 429), still after retrying`;
  return `HTTP ${status}${detail === '' ? '' : `: ${detail}`}`;
}

const retryable = (status: number): boolean => status === 429 || status >= 500;

function waitFor(response: Response, attempt: number, retry: RetryOptions): number {
  const max = retry.maxDelayMs ?? 30_000;
  const after = parseRetryAfter(response.headers.get('retry-after'));
  if (after !== undefined && after > 0) return Math.min(after, max);
  return Math.min((retry.baseDelayMs ?? 1000) * 2 ** attempt, max);
}

/** Sends the call; resolves with the parsed JSON body (undefined for an empty body). */
export async function callJson(call: HttpCall): Promise<unknown> {
  const fail = (why: string): CrmKitError =>
    new CrmKitError('MT_FAILED', blank(`${call.provider}, ${call.what}: ${why}`, call.secrets));
  const retries = call.retry.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(call.url, {
        method: call.method,
        headers: {
          ...call.headers,
          ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      if (attempt < retries) {
        await sleep(
          Math.min((call.retry.baseDelayMs ?? 1000) * 2 ** attempt, call.retry.maxDelayMs ?? 30_000),
        );
        continue;
      }
      throw fail(`cannot reach ${call.url.origin} (${cause?.code ?? cause?.message ?? String(e)})`);
    }
    const text = await response.text();
    if (response.ok) {
      if (text.trim() === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw fail('the answer is not JSON');
      }
    }
    if (retryable(response.status) && attempt < retries) {
      await sleep(waitFor(response, attempt, call.retry));
      continue;
    }
    throw fail(describe(response.status, errorDetail(text)));
  }
}

/** Refuses an address crmkit would send a key to in clear: http is only for this machine. */
export function serviceUrl(value: string, variable: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CrmKitError('MT_CONFIG', `${variable}: "${value}" is not an address`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new CrmKitError(
      'MT_CONFIG',
      `${variable}: ${url.protocol}//${url.host} is not https (plain http only to this machine: localhost, 127.0.0.1, [::1])`,
    );
  }
  return url;
}

/** `base` + `path`, whether or not `base` ends with a slash. */
export function joinUrl(base: URL, path: string): URL {
  return new URL(`${base.href.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
}

export function failure(provider: string, what: string, why: string): CrmKitError {
  return new CrmKitError('MT_FAILED', `${provider}, ${what}: ${why}`);
}
