/**
 * The one Web API client of the node side: `<env>/api/data/v9.2/<path>` with the OData headers and
 * the bearer token; JSON in and out. It honours 429 and 503 with their Retry-After (bounded
 * retries, each wait reported), asks for a new token once on 401, times out one request, and
 * stops when the command's signal aborts (`--timeout`, Ctrl-C). Failures are CrmKitErrors (exit 6).
 */
import { CrmKitError } from '../errors';
import { parseRetryAfter } from '../http/retry-after';
import type { TokenSource } from './auth/token-source';
import { abortReason, DEFAULT_REQUEST_TIMEOUT_MS, sleep } from './deadline';
import { connectionError, serviceError } from './failures';
import type { EnvUrl } from './url';

/** A wait before a retry, for the progress line. */
export interface ServiceWait {
  ms: number;
  status: number;
  /** The attempt the wait leads to (2 for the first retry). */
  attempt: number;
  maxAttempts: number;
}

export interface RetryLimits {
  maxAttempts: number;
  /** All waits together; a wait that would pass it is not made. */
  maxTotalWaitMs: number;
  /** Without Retry-After. */
  defaultWaitMs: number;
}

export const defaultRetryLimits: RetryLimits = {
  maxAttempts: 6,
  maxTotalWaitMs: 10 * 60_000,
  defaultWaitMs: 5000,
};

export interface WebApiOptions {
  url: EnvUrl;
  tokens: TokenSource;
  /** The command's: its deadline and Ctrl-C. */
  signal?: AbortSignal;
  requestTimeoutMs?: number;
  retry?: RetryLimits;
  onWait?: (wait: ServiceWait) => void;
}

export interface WebApi {
  readonly url: EnvUrl;
  get(path: string): Promise<unknown>;
  post(path: string, body?: unknown): Promise<unknown>;
  readonly signal: AbortSignal | undefined;
}

const odataHeaders = {
  Accept: 'application/json',
  'OData-MaxVersion': '4.0',
  'OData-Version': '4.0',
};

type Attempt =
  | { kind: 'done'; body: unknown }
  | { kind: 'retry'; status: number; waitMs: number | undefined }
  | { kind: 'unauthorized'; error: CrmKitError };

export function createWebApi(o: WebApiOptions): WebApi {
  const limits = o.retry ?? defaultRetryLimits;
  const host = new URL(o.url.origin).host;

  async function attempt(method: string, path: string, body: unknown, token: string): Promise<Attempt> {
    const what = `${method} ${path.split('?')[0]!}`;
    const timeout = AbortSignal.timeout(o.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    const signal = o.signal === undefined ? timeout : AbortSignal.any([o.signal, timeout]);
    const headers: Record<string, string> = { ...odataHeaders, Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
    const fail = (e: unknown, reading: boolean): never => {
      if (o.signal?.aborted === true) throw abortReason(o.signal);
      if (timeout.aborted) {
        throw new CrmKitError(
          'ENV_TIMEOUT',
          `${host} did not answer ${what} within ${Math.round((o.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS) / 1000)} s`,
        );
      }
      throw connectionError(e, host, reading);
    };
    const response = await fetch(o.url.apiBase + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      redirect: 'manual',
    }).catch((e: unknown) => fail(e, false));
    const text = await response.text().catch((e: unknown) => fail(e, true));
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
      if (response.ok) {
        throw new CrmKitError(
          'ENV_UNREACHABLE',
          `${host} answered ${what} with something that is not JSON: is it a Dynamics 365 environment?`,
        );
      }
    }
    if (response.ok) return { kind: 'done', body: parsed };
    if (response.status === 429 || response.status === 503) {
      return {
        kind: 'retry',
        status: response.status,
        waitMs: parseRetryAfter(response.headers.get('Retry-After') ?? undefined),
      };
    }
    const error = serviceError({ status: response.status, body: parsed, what, host });
    if (response.status === 401) return { kind: 'unauthorized', error };
    throw error;
  }

  async function send(method: string, path: string, body?: unknown): Promise<unknown> {
    let token = await o.tokens.getToken(false);
    let renewed = false;
    let waited = 0;
    for (let n = 1; ; n++) {
      if (o.signal?.aborted === true) throw abortReason(o.signal);
      const result = await attempt(method, path, body, token);
      if (result.kind === 'done') return result.body;
      if (result.kind === 'unauthorized') {
        if (renewed || o.tokens.kind === 'token') throw result.error;
        renewed = true;
        token = await o.tokens.getToken(true);
        continue;
      }
      const ms = result.waitMs ?? limits.defaultWaitMs;
      if (n >= limits.maxAttempts || waited + ms > limits.maxTotalWaitMs) {
        throw new CrmKitError(
          'ENV_SERVICE',
          `${host} is busy (HTTP ${result.status}) and still refused ${method} ${path.split('?')[0]!} after ${n} attempts; try again later`,
        );
      }
      waited += ms;
      o.onWait?.({ ms, status: result.status, attempt: n + 1, maxAttempts: limits.maxAttempts });
      await sleep(ms, o.signal);
    }
  }

  return {
    url: o.url,
    signal: o.signal,
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
  };
}
