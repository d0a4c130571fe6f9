import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/http/retry-after';
import { classifyError } from '../../../src/webresources/dataverse/dataverse-errors';

const requestsLimit = 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.';
const missingPrivilege =
  "Principal user (Id=00000000-0000-0000-0000-000000000001, type=8, roleCount=1, privilegeCount=0, accessMode=0), is missing prvReadOpportunity privilege (Id=00000000-0000-0000-0000-000000000002) on OTC=3 for entity 'opportunity'.";

describe('classifying what Dataverse answers, by code', () => {
  it.each([
    // Xrm.WebApi as documented: the unsigned decimal of the HRESULT, no HTTP status.
    ['Xrm.WebApi, requests limit', { errorCode: 2147951394, message: requestsLimit }, 'throttled'],
    [
      'Xrm.WebApi, execution time',
      { errorCode: 2147951393, message: 'Combined execution time' },
      'throttled',
    ],
    ['Xrm.WebApi, concurrency limit', { errorCode: 2147951398, message: 'concurrent requests' }, 'throttled'],
    [
      'Xrm.WebApi, aggregate limit',
      { errorCode: 2147803171, message: 'AggregateQueryRecordLimit' },
      'aggregateLimit',
    ],
    ['Xrm.WebApi, privilege', { errorCode: 2147746336, message: missingPrivilege }, 'privilege'],
    [
      'Xrm.WebApi, record not found',
      { errorCode: 2147746327, message: 'account With Id = 1 Does Not Exist' },
      'notFound',
    ],
    [
      'Xrm.WebApi, version mismatch',
      { errorCode: 2147879042, message: 'The version is not the same' },
      'concurrency',
    ],
    // The page's own Web API client: the body's hex code plus the HTTP status.
    ['Web API 429', { errorCode: 0x80072322, status: 429, message: requestsLimit }, 'throttled'],
    ['Web API 429 without a body', { status: 429, message: 'HTTP 429' }, 'throttled'],
    ['Web API body', { error: { code: '0x8004e023', message: 'x' } }, 'aggregateLimit'],
    // Other shapes seen in the wild: the signed decimal of the .NET SDK.
    ['signed code', { errorCode: -2147015902, message: 'x' }, 'throttled'],
    ['signed code as text', { errorCode: '-2147164125', message: 'x' }, 'aggregateLimit'],
    ['a code it does not act on', { errorCode: 2147746611, message: 'x' }, 'other'],
    ['a network failure', new TypeError('Failed to fetch'), 'other'],
    ['plain text', 'plain text', 'other'],
  ])('%s is %s', (_what, error, kind) => {
    expect(classifyError(error).kind).toBe(kind);
  });

  it.each([
    ['the aggregate limit', 'AggregateQueryRecordLimit exceeded. Cannot perform this operation.'],
    ['the aggregate limit', 'The maximum record limit of 50000 is exceeded. Reduce the number of records.'],
    ['a privilege', missingPrivilege],
    ['throttling', requestsLimit],
  ])('does not take a message that speaks of %s for that error', (_what, message) => {
    expect(classifyError({ errorCode: 2147746326, message }).kind).toBe('other');
  });

  it('names the missing privilege from the message Dynamics sends with the privilege code', () => {
    expect(classifyError({ errorCode: 2147746336, message: missingPrivilege })).toEqual({
      kind: 'privilege',
      message: missingPrivilege,
      privilege: 'prvReadOpportunity',
    });
  });

  it.each([
    [{ retryAfter: 7 }, 7000],
    [{ headers: { 'Retry-After': '3' } }, 3000],
    [{ headers: new Headers({ 'retry-after': '12' }) }, 12000],
    [{}, undefined],
  ])('reads Retry-After from %j', (extra, ms) => {
    const f = classifyError({ status: 429, errorCode: 0x80072322, message: 'busy', ...extra });
    expect(f.kind === 'throttled' ? f.retryAfterMs : 'not throttled').toBe(ms);
  });

  it('reads Retry-After given as an HTTP date against the clock it is given', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    const f = classifyError(
      { status: 429, headers: { 'Retry-After': 'Wed, 21 Oct 2015 07:28:10 GMT' } },
      now,
    );
    expect(f.kind === 'throttled' ? f.retryAfterMs : 'not throttled').toBe(10_000);
  });
});
