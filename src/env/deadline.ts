/**
 * Time limits: the whole command's (`--timeout`, default 30 minutes) as an AbortSignal whose
 * reason is the ENV_TIMEOUT error to show, and an abortable sleep for waits between polls and retries.
 */
import { CrmKitError } from '../errors';

export const DEFAULT_TIMEOUT_MS = 30 * 60_000;
/** Dataverse ends a message after 2 minutes; one request is given a little more. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 130_000;

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min${s % 60 === 0 ? '' : ` ${s % 60} s`}`;
}

/** `30m`, `90s`, `1h`, `1500ms`, `45` (minutes) → milliseconds. */
export function parseTimeout(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/i.exec(value);
  if (m === null) throw new CrmKitError('USAGE', `--timeout ${value}: expected e.g. 30m, 90s or 1h`);
  const unit =
    { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[(m[2] ?? 'm').toLowerCase()] ?? 60_000;
  const ms = Math.round(Number(m[1]) * unit);
  if (ms <= 0) throw new CrmKitError('USAGE', `--timeout ${value}: must be more than 0`);
  return ms;
}

/** A signal that aborts after `ms` with an ENV_TIMEOUT reason, or when `outer` aborts. */
export function deadline(ms: number, outer?: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new CrmKitError('ENV_TIMEOUT', `gave up after ${formatDuration(ms)} (--timeout)`));
  }, ms);
  timer.unref();
  if (outer !== undefined) {
    if (outer.aborted) controller.abort(outer.reason);
    else outer.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
  }
  return controller.signal;
}

/** The reason a signal was aborted, as something to throw. */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new CrmKitError('ENV_TIMEOUT', 'stopped');
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
