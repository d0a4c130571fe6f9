/**
 * The Dataverse error codes the pages and controls act on, and how to read one out of whatever
 * the client hands over. `Xrm.WebApi` (and a PCF context's `webAPI`) reject with `{ errorCode,
 * message }`, `errorCode` being the HRESULT as an unsigned decimal (0x80040333 → 2147746611); the
 * Web API itself answers `{"error":{"code":"0x80040333","message":…}}`; the .NET SDK and older
 * samples print the signed decimal (-2147220685). All forms compare equal here. Never the text.
 */

/** The codes, as the hex value Microsoft's "Web service error codes" page lists. */
export const dataverseCodes = {
  /** Service protection: number of requests over the 5-minute window. */
  throttledRequests: 0x80072322,
  /** Service protection: combined execution time over the window. */
  throttledExecutionTime: 0x80072321,
  /** Service protection: concurrent requests. */
  throttledConcurrency: 0x80072326,
  /** AggregateQueryRecordLimit: an aggregate over more than 50,000 records. */
  aggregateLimit: 0x8004e023,
  /** PrivilegeDenied: the caller lacks a privilege (the message names it: "missing prvRead…"). */
  privilegeDenied: 0x80040220,
  /** The access check failed (SecLib::AccessCheckEx…): a missing privilege or access right. */
  accessCheckFailed: 0x80048306,
  /** ObjectDoesNotExist: the record is not there (deleted, or never was). */
  recordNotFound: 0x80040217,
  /** ConcurrencyVersionMismatch: the row changed since the version the request named. */
  concurrencyMismatch: 0x80060882,
} as const;

export type DataverseCodeName = keyof typeof dataverseCodes;

/** What the project does about a code. */
export type DataverseCodeKind = 'throttled' | 'aggregateLimit' | 'privilege' | 'notFound' | 'concurrency';

const kindOfCode: ReadonlyMap<number, DataverseCodeKind> = new Map([
  [dataverseCodes.throttledRequests, 'throttled'],
  [dataverseCodes.throttledExecutionTime, 'throttled'],
  [dataverseCodes.throttledConcurrency, 'throttled'],
  [dataverseCodes.aggregateLimit, 'aggregateLimit'],
  [dataverseCodes.privilegeDenied, 'privilege'],
  [dataverseCodes.accessCheckFailed, 'privilege'],
  [dataverseCodes.recordNotFound, 'notFound'],
  [dataverseCodes.concurrencyMismatch, 'concurrency'],
]);

const TWO_32 = 2 ** 32;
/** Failure HRESULTs have the top bit set: unsigned 0x80000000…0xFFFFFFFF. */
const isFailureHresult = (n: number): boolean => Number.isInteger(n) && n >= 2 ** 31 && n < TWO_32;

/**
 * A code in any of its forms as the unsigned 32-bit number: unsigned or signed decimal (number or
 * text), hex text with or without `0x`, any case. Undefined for anything that is not a failure
 * HRESULT (so `"0"`, `"429"` or a message do not count).
 */
export function normalizeDataverseCode(value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (/^0x[0-9a-f]{1,8}$/i.test(text)) n = Number.parseInt(text.slice(2), 16);
    else if (/^-?\d+$/.test(text)) {
      n = Number(text);
      // Eight digits that are no HRESULT as a decimal are the hex form without its 0x ("80072322").
      if (!isFailureHresult(n < 0 ? n + TWO_32 : n) && /^[0-9]{8}$/.test(text)) n = Number.parseInt(text, 16);
    } else if (/^[0-9a-f]{8}$/i.test(text)) n = Number.parseInt(text, 16);
  }
  if (n === undefined || !Number.isInteger(n)) return undefined;
  if (n < 0) n += TWO_32;
  return isFailureHresult(n) ? n : undefined;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The Dataverse code an error carries: `errorCode` (Xrm.WebApi, PCF webAPI), `code` (an error
 * object of the Web API's JSON body) or `error.code` (the body itself).
 */
export function dataverseCodeOf(error: unknown): number | undefined {
  return (
    normalizeDataverseCode(field(error, 'errorCode')) ??
    normalizeDataverseCode(field(error, 'code')) ??
    normalizeDataverseCode(field(field(error, 'error'), 'code'))
  );
}

/** What the project does about the error's code; undefined when the code is none it acts on. */
export function dataverseKindOf(error: unknown): DataverseCodeKind | undefined {
  const code = dataverseCodeOf(error);
  return code === undefined ? undefined : kindOfCode.get(code);
}

/** The code as Microsoft prints it in the Web API's error body: `0x8004E023`. */
export function hexCode(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(8, '0')}`;
}

/**
 * The privilege a PrivilegeDenied message names ("Principal user (Id=…) is missing
 * prvReadOpportunity privilege (Id=…) on OTC=3 …"). Only for naming it to the user: the kind of
 * error always comes from the code.
 */
export function missingPrivilegeOf(message: string): string | undefined {
  return (
    /\bmissing (prv[A-Za-z0-9_]+) privilege\b/.exec(message)?.[1] ??
    /\b(prv[A-Z][A-Za-z0-9_]*)\b/.exec(message)?.[1]
  );
}
