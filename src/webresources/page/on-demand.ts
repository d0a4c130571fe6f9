/**
 * The pages' loader of code they need only later (the download code, the drill-down list, the
 * failure texts, the help shown outside Dynamics). Each `import()` of a page becomes a file of its
 * own beside the page (scripts/build-webresources.js splits there and names it
 * `<page>.<module>.js`), fetched relative to the page's script the first time it is asked for, as
 * the strings files are (catalogue.ts), so the page's first download stays small. A load that
 * fails is tried again on the next call rather than remembered.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
}
