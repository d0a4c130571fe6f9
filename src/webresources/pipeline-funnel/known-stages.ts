/**
 * The stage column's options as the funnel's known stages, with their labels in every language of
 * the org: a listed stage with no records in the view is then drawn as a zero stage instead of
 * being reported as not found, and a stage order written in another org language matches. Reading
 * metadata is a nicety: when it fails (a missing privilege, the network) the funnel is drawn
 * without it.
 */
import { fetchMetadataGet, readChoiceOptions, type MetadataGet } from '../dataverse/choice-options';
import type { GlobalContextLike } from '../dataverse/xrm-types';
import { stagesFromOptionMetadata } from '../../widgets/funnel/known-stages';
import type { StageRef } from '../../widgets/funnel/types';

/** The metadata GET of a page whose global context gives the organization's URL (else undefined). */
export function metadataGetOf(context: GlobalContextLike, win: Window): MetadataGet | undefined {
  const clientUrl = context.getClientUrl?.();
  if (clientUrl === undefined || clientUrl === '' || typeof win.fetch !== 'function') return undefined;
  return fetchMetadataGet(clientUrl, win.fetch.bind(win));
}

/**
 * The stage column's options as stages; undefined when it is not a choice, they cannot be read, or
 * they take longer than `waitMs` (the funnel is not held back by its nicety).
 */
export async function loadKnownStages(
  get: MetadataGet | undefined,
  table: string,
  column: string,
  waitMs = 10_000,
): Promise<StageRef[] | undefined> {
  if (get === undefined) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), waitMs);
  });
  const read = readChoiceOptions(get, table, column).then(
    (options) => (options === undefined ? undefined : stagesFromOptionMetadata(options)),
    () => undefined,
  );
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}
