/**
 * One environment session for a command: the address checked, the token source chosen, and the
 * Web API client bound to the command's deadline (`--timeout`) and Ctrl-C.
 */
import { tokenSource } from './auth/token-source';
import { deadline, DEFAULT_TIMEOUT_MS } from './deadline';
import { envUrlFrom } from './url';
import { createWebApi, type RetryLimits, type ServiceWait, type WebApi } from './web-api';

export interface ConnectOptions {
  /** `--env`; CRMKIT_ENV when undefined. */
  env?: string;
  variables: Readonly<Record<string, string | undefined>>;
  /** The public client of `env login`. */
  clientId?: string;
  /** The whole command's limit. */
  timeoutMs?: number;
  requestTimeoutMs?: number;
  retry?: RetryLimits;
  /** Ctrl-C. */
  signal?: AbortSignal;
  onWait?: (wait: ServiceWait) => void;
}

export function connect(o: ConnectOptions): WebApi {
  const url = envUrlFrom(o.env, o.variables);
  return createWebApi({
    url,
    tokens: tokenSource({ url, env: o.variables, clientId: o.clientId }),
    signal: deadline(o.timeoutMs ?? DEFAULT_TIMEOUT_MS, o.signal),
    requestTimeoutMs: o.requestTimeoutMs,
    retry: o.retry,
    onWait: o.onWait,
  });
}
