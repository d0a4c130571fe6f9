/**
 * Retries a Dataverse call refused by the service protection limits. Xrm.WebApi gives a page no
 * Retry-After, so the waits grow exponentially (1 s, 2 s, 4 s … from the policy) with jitter, so
 * that the dashboards of a busy organization do not all come back at the same instant; when the
 * page's own Web API client saw a Retry-After header, that wait is honoured instead. The attempts
 * and the total wait are capped; past the cap the call fails as `throttled` with the attempts made.
 */
import { classifyError, DataverseError } from './dataverse-errors';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** The longest single wait the back-off chooses. */
  maxDelayMs: number;
  /** All waits together; a wait that would pass it is not made. */
  maxTotalWaitMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxTotalWaitMs: 120_000,
};

/** One wait before a retry, for the status line. */
export interface RetryWait {
  ms: number;
  /** The attempt the wait leads to (2 for the first retry). */
  attempt: number;
  maxAttempts: number;
  /** True when the server said how long (Retry-After). */
  fromServer: boolean;
}

export interface RetryHooks {
  sleep: (ms: number) => Promise<void>;
  /** Called before each wait (to show "retrying in 8 s (attempt 2 of 5)"). */
  onWait?: (wait: RetryWait) => void;
  /** [0, 1): the jitter. */
  random?: () => number;
  /** Milliseconds since the epoch: reads a Retry-After given as an HTTP date. */
  now?: () => number;
}

/**
 * The wait before retry number `retry` (1-based) without Retry-After: the exponential step, of
 * which a random half is kept ("equal jitter"), capped at `maxDelayMs`.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

export async function retryThrottled<T>(
  operation: () => PromiseLike<T>,
  hooks: RetryHooks,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<T> {
  const random = hooks.random ?? Math.random;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (e) {
      const failure = classifyError(e, (hooks.now ?? Date.now)());
      if (failure.kind !== 'throttled') throw e;
      const ms = failure.retryAfterMs ?? backoffDelay(attempt, policy, random);
      if (attempt >= policy.maxAttempts || waited + ms > policy.maxTotalWaitMs) {
        throw new DataverseError({ kind: 'throttled', message: failure.message, attempts: attempt });
      }
      waited += ms;
      hooks.onWait?.({
        ms,
        attempt: attempt + 1,
        maxAttempts: policy.maxAttempts,
        fromServer: failure.retryAfterMs !== undefined,
      });
      await hooks.sleep(ms);
    }
  }
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
