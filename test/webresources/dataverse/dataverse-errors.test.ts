import { describe, expect, it } from 'vitest';
import { classifyError, parseRetryAfter } from '../../../src/webresources/dataverse/dataverse-errors';
import { backoffDelay, retryThrottled, type RetryPolicy } from '../../../src/webresources/dataverse/retry';

describe('classifying what Dataverse answers', () => {
  it.each([
    [{ errorCode: -2147015902, message: 'Number of requests exceeded the limit' }, 'throttled'],
    [{ errorCode: -2147015903, message: 'Combined execution time' }, 'throttled'],
    [{ status: 429, message: 'Too Many Requests' }, 'throttled'],
    [{ errorCode: -2147164125, message: 'x' }, 'aggregateLimit'],
    [{ message: 'AggregateQueryRecordLimit exceeded. Cannot perform this operation.' }, 'aggregateLimit'],
    [
      { message: 'The maximum record limit of 50000 is exceeded. Reduce the number of records.' },
      'aggregateLimit',
    ],
    [{ errorCode: -2147220960, message: 'SecLib::AccessCheckEx failed' }, 'privilege'],
    [
      {
        message:
          "Principal user (Id=1, type=8) is missing prvReadOpportunity privilege on OTC=3 for entity 'opportunity'.",
      },
      'privilege',
    ],
    [
      { errorCode: -2147217150, message: "'opportunity' entity doesn't contain attribute with Name = 'x'" },
      'other',
    ],
    [new Error('network down'), 'other'],
    ['plain text', 'other'],
  ])('%j is %s', (error, kind) => {
    expect(classifyError(error).kind).toBe(kind);
  });

  it('names the missing privilege', () => {
    const f = classifyError({ message: 'Principal user is missing prvReadAccount privilege' });
    expect(f).toEqual({
      kind: 'privilege',
      message: 'Principal user is missing prvReadAccount privilege',
      privilege: 'prvReadAccount',
    });
  });

  it.each([
    [{ retryAfter: 7 }, 7000],
    [{ headers: { 'Retry-After': '3' } }, 3000],
    [{ headers: new Headers({ 'retry-after': '12' }) }, 12000],
    [{}, undefined],
  ])('reads Retry-After from %j', (extra, ms) => {
    const f = classifyError({ status: 429, message: 'busy', ...extra });
    expect(f.kind === 'throttled' ? f.retryAfterMs : 'not throttled').toBe(ms);
  });

  it('reads Retry-After given as an HTTP date', () => {
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(30_000);
  });
});

describe('retrying when throttled', () => {
  const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 8000 };
  /** Xrm.WebApi rejects with plain objects, not Errors. */
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  const rejectWith = (reason: unknown): Promise<never> => Promise.reject(reason);
  const throttled = (retryAfter?: number) => ({
    status: 429,
    message: 'busy',
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });

  it('waits exactly what Retry-After asks, then answers', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retryThrottled(
      () => (++calls === 1 ? rejectWith(throttled(5)) : Promise.resolve('rows')),
      { sleep: (ms) => (waits.push(ms), Promise.resolve()), random: () => 0 },
      policy,
    );
    expect([result, calls, waits]).toEqual(['rows', 2, [5000]]);
  });

  it('backs off exponentially without Retry-After and gives up after the last attempt', async () => {
    const waits: number[] = [];
    await expect(
      retryThrottled(
        () => rejectWith(throttled()),
        { sleep: (ms) => (waits.push(ms), Promise.resolve()), random: () => 0 },
        policy,
      ),
    ).rejects.toEqual(throttled());
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('does not retry a failure that is not throttling', async () => {
    let calls = 0;
    await expect(
      retryThrottled(
        () => (calls++, Promise.reject(new Error('no'))),
        { sleep: () => Promise.resolve() },
        policy,
      ),
    ).rejects.toThrow('no');
    expect(calls).toBe(1);
  });

  it('caps the back-off and adds at most a quarter of jitter', () => {
    expect(backoffDelay(10, undefined, policy, () => 0.99)).toBe(8000);
    expect(backoffDelay(1, undefined, policy, () => 1)).toBe(1250);
  });
});
