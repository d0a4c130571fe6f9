/**
 * Cutting the texts of one language into requests within a service's documented limits: at
 * most `maxTexts` texts, and at most `maxSize` in the service's own measure (DeepL: request
 * bytes; Azure: characters). Order is kept.
 */
import { CrmKitError } from '../../errors';

export interface BatchLimits {
  maxTexts: number;
  /** Largest request, in the unit `sizeOf` counts, overhead of the request itself included. */
  maxSize: number;
  /** What one text adds to a request. */
  sizeOf: (text: string) => number;
  /** What a request costs without texts (other parameters, brackets). */
  overhead: number;
}

/** Index ranges `[start, end)` into `texts`, each a request within the limits. */
export function batches(texts: readonly string[], limits: BatchLimits, provider: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let size = limits.overhead;
  for (let i = 0; i < texts.length; i++) {
    const one = limits.sizeOf(texts[i]!);
    if (limits.overhead + one > limits.maxSize) {
      throw new CrmKitError(
        'MT_FAILED',
        `${provider}: a text of ${texts[i]!.length} characters is too long for one request`,
      );
    }
    if (i > start && (i - start >= limits.maxTexts || size + one > limits.maxSize)) {
      out.push([start, i]);
      start = i;
      size = limits.overhead;
    }
    size += one;
  }
  if (start < texts.length) out.push([start, texts.length]);
  return out;
}
