/**
 * Retries a Dataverse call refused by the service protection limits (HTTP 429): waits what
 * Retry-After asks when the error carries it, else backs off exponentially (1 s, 2 s, 4 s … with
 * a little jitter), and gives up after a few attempts with the last error.
 */
import { classifyError } from './dataverse-errors';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 60_000 };

export interface RetryHooks {
  sleep: (ms: number) => Promise<void>;
  /** Called before each wait (to show "Dataverse is busy, retrying in 5 s"). */
  onWait?: (ms: number, attempt: number) => void;
  random?: () => number;
}

/** The wait before retry number `attempt` (1-based). */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, 5 * policy.maxDelayMs);
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, Math.round(exponential * (1 + 0.25 * random())));
}

export async function retryThrottled<T>(
  operation: () => PromiseLike<T>,
  hooks: RetryHooks,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (e) {
      const failure = classifyError(e);
      if (failure.kind !== 'throttled' || attempt >= policy.maxAttempts) throw e;
      const wait = backoffDelay(attempt, failure.retryAfterMs, policy, hooks.random ?? Math.random);
      hooks.onWait?.(wait, attempt);
      await hooks.sleep(wait);
    }
  }
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
