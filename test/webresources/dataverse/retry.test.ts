import { describe, expect, it } from 'vitest';
import { DataverseError } from '../../../src/webresources/dataverse/dataverse-errors';
import {
  backoffDelay,
  defaultRetryPolicy,
  retryThrottled,
  type RetryPolicy,
  type RetryWait,
} from '../../../src/webresources/dataverse/retry';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000, maxTotalWaitMs: 60_000 };
/** Xrm.WebApi rejects with plain objects, not Errors. */
// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
const rejectWith = (reason: unknown): Promise<never> => Promise.reject(reason);
/** Service protection as Xrm.WebApi reports it: unsigned code, no status, no Retry-After. */
const xrmThrottled = { errorCode: 2147951394, message: 'Number of requests exceeded the limit' };
/** The same refusal through the page's own Web API client, which sees Retry-After. */
const webApiThrottled = (seconds: number) => ({
  errorCode: 2147951394,
  status: 429,
  message: 'Number of requests exceeded the limit',
  headers: { 'Retry-After': String(seconds) },
});

function recorder(random = () => 0.5) {
  const sleeps: number[] = [];
  const waits: RetryWait[] = [];
  return {
    sleeps,
    waits,
    hooks: {
      sleep: (ms: number) => (sleeps.push(ms), Promise.resolve()),
      onWait: (w: RetryWait) => waits.push(w),
      random,
      now: () => 0,
    },
  };
}

describe('the back-off schedule', () => {
  it.each([
    [1, 0, 500],
    [1, 0.999, 1000],
    [2, 0, 1000],
    [3, 0.5, 3000],
    [4, 0, 4000],
    [4, 0.5, 6000],
    [5, 0, 4000],
    [9, 0.999, 7996],
  ])('waits before retry %i with random %d: %i ms', (retry, random, ms) => {
    expect(backoffDelay(retry, policy, () => random)).toBe(ms);
  });

  it('never waits less than half nor more than the whole exponential step', () => {
    for (let retry = 1; retry <= 8; retry++) {
      const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
      for (const r of [0, 0.25, 0.5, 0.75, 0.9999]) {
        const ms = backoffDelay(retry, policy, () => r);
        expect(ms).toBeGreaterThanOrEqual(step / 2);
        expect(ms).toBeLessThanOrEqual(step);
      }
    }
  });

  it('keeps the default policy within two minutes of waiting and five attempts', () => {
    expect(defaultRetryPolicy).toEqual({
      maxAttempts: 5,
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
      maxTotalWaitMs: 120_000,
    });
  });
});

describe('retrying when throttled', () => {
  it('backs off exponentially with jitter after Xrm.WebApi refusals and then answers', async () => {
    const r = recorder(() => 0.5);
    let calls = 0;
    const result = await retryThrottled(
      () => (++calls <= 3 ? rejectWith(xrmThrottled) : Promise.resolve('rows')),
      r.hooks,
      policy,
    );
    expect([result, calls, r.sleeps]).toEqual(['rows', 4, [750, 1500, 3000]]);
    expect(r.waits.map((w) => [w.attempt, w.maxAttempts, w.fromServer])).toEqual([
      [2, 5, false],
      [3, 5, false],
      [4, 5, false],
    ]);
  });

  it('waits exactly what Retry-After asks when the Web API path sees it', async () => {
    const r = recorder();
    let calls = 0;
    const result = await retryThrottled(
      () => (++calls === 1 ? rejectWith(webApiThrottled(5)) : Promise.resolve('rows')),
      r.hooks,
      policy,
    );
    expect([result, calls, r.sleeps, r.waits[0]!.fromServer]).toEqual(['rows', 2, [5000], true]);
  });

  it('gives up after the last attempt as throttled, saying how many attempts were made', async () => {
    const r = recorder(() => 0);
    let calls = 0;
    const error = await retryThrottled(() => (calls++, rejectWith(xrmThrottled)), r.hooks, policy).catch(
      (e: unknown) => e,
    );
    expect(calls).toBe(5);
    expect(r.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(error).toBeInstanceOf(DataverseError);
    expect((error as DataverseError).failure).toEqual({
      kind: 'throttled',
      message: 'Number of requests exceeded the limit',
      attempts: 5,
    });
  });

  it('gives up before a wait that would pass the total cap', async () => {
    const r = recorder();
    let calls = 0;
    const error = await retryThrottled(
      () => (calls++, rejectWith(webApiThrottled(25))),
      r.hooks,
      policy,
    ).catch((e: unknown) => e);
    expect([calls, r.sleeps]).toEqual([3, [25_000, 25_000]]);
    expect((error as DataverseError).failure).toMatchObject({ kind: 'throttled', attempts: 3 });
  });

  it('does not retry a failure that is not throttling', async () => {
    let calls = 0;
    const privilege = { errorCode: 2147746336, message: 'missing prvReadAccount privilege' };
    await expect(
      retryThrottled(() => (calls++, rejectWith(privilege)), recorder().hooks, policy),
    ).rejects.toBe(privilege);
    expect(calls).toBe(1);
  });
});
