/**
 * Before a change is handed to the form, the record's stored value may be re-read (Web API) and this
 * form's changes merged into it (`SurveySync.mergeStored`). This decides, from the re-read, whether
 * the change goes ahead and what the user is told; the widget only shows it.
 */
import type { SurveySync } from './sync';

export interface RereadOutcome {
  /** False: the change must not be made (the stored value became unreadable). */
  proceed: boolean;
  /** A message for the notice area (catalogue key and kind). */
  notice?: { key: string; kind: 'info' | 'error' };
  /** The status line: set (the re-read failed, the form's copy is used) or cleared. */
  status: 'recheckFailed' | undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Waits for the re-read (at most `timeoutMs`) and merges it into `sync`. `resetting`: the change is
 * the user's explicit Start over, which may replace an unreadable value.
 */
export async function rereadAndMerge(
  sync: SurveySync,
  reading: Promise<string | null>,
  timeoutMs: number,
  resetting: boolean,
): Promise<RereadOutcome> {
  let raw: string | null;
  try {
    raw = await withTimeout(reading, timeoutMs);
  } catch {
    return { proceed: true, status: 'recheckFailed' };
  }
  const merged = sync.mergeStored(raw);
  if (!merged.ok) {
    return resetting
      ? { proceed: true, status: undefined }
      : { proceed: false, notice: { key: 'state.storedUnreadable', kind: 'error' }, status: undefined };
  }
  if (merged.lostEdits.length > 0) {
    return { proceed: true, notice: { key: 'state.editLost', kind: 'error' }, status: undefined };
  }
  if (merged.changed)
    return { proceed: true, notice: { key: 'state.rebased', kind: 'info' }, status: undefined };
  return { proceed: true, status: undefined };
}
