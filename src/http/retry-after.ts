/**
 * The HTTP Retry-After header (RFC 9110 §10.2.3) as a wait: the one reader for the pages' Web API
 * client, the environment commands and the machine-translation services. Pure, no Node module.
 */

/** Retry-After as milliseconds: a number of seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * 1000;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
