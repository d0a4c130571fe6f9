/**
 * The UI string catalogue of a page (the same `translations/ui/<lcid>.json` the controls' resx
 * files are generated from). A page asks for a Translate of one namespace: `dashboard` for its
 * own strings, `funnel` / `survey` for the widget views it reuses.
 *
 * The built pages carry no strings (scripts/build-webresources.js empties the imports below):
 * each language's `dashboard` strings of the first paint are in `<page>.<lcid>.js` beside the page
 * (`pipeline_funnel.1049.js`), the rest of them (settings problems, failures, the help outside
 * Dynamics, the campaign, the comparison, the drill-down) in `<page>.more.<lcid>.js`, fetched only
 * when the page shows one of those; the widget view's in `<page>.<namespace>.<lcid>.js`
 * (`pipeline_funnel.funnel.1049.js`, fetched with the view's code while the queries run), and
 * `loadStrings` fetches the user's language only (English too only if that fails). Elsewhere
 * (tests) all four are here.
 */
import type { Translate } from '../../widgets/shared/i18n';
import { BASE_LCID, createTranslate, uiLanguageOf } from '../../widgets/shared/i18n';
import bg from '../../../translations/ui/1026.json';
import en from '../../../translations/ui/1033.json';
import ru from '../../../translations/ui/1049.json';
import uk from '../../../translations/ui/1058.json';

type Namespaces = Readonly<Record<string, Readonly<Record<string, string>>>>;

const catalogues = new Map<number, Namespaces>([
  [1033, en],
  [1049, ru],
  [1026, bg],
  [1058, uk],
]);
/** The languages whose strings this bundle carries (all four in tests, none in a built page). */
const carried = new Set([...catalogues].filter(([, c]) => Object.keys(c).length > 0).map(([lcid]) => lcid));
/** The strings files fetched so far, as `<lcid>:<file>`. */
const fetched = new Set<string>();

/**
 * A strings file of a page: a namespace's (`dashboard`: the first paint's), or `more`: the
 * `dashboard` strings shown only on demand (a problem, a failure, the help outside Dynamics, the
 * campaign funnel, the comparison, the drill-down).
 */
export type StringsFile = Namespace | 'more';

/**
 * The file of a page's strings in one language, beside the page: `pipeline_funnel.1049.js`. Its
 * name is already a valid web resource name, so a solution ships it under the same name (pages
 * share one web resource folder, hence the page's name in it).
 */
export function stringsFileName(page: string, lcid: number, file: StringsFile = 'dashboard'): string {
  const part = file === 'dashboard' ? '' : `${file}.`;
  return `${page.replace(/[^A-Za-z0-9_]/g, '_')}.${part}${lcid}.js`;
}

const hasStrings = (lcid: number, file: StringsFile): boolean =>
  carried.has(lcid) || fetched.has(`${lcid}:${file}`);

export interface StringsSource {
  fetch: typeof fetch;
  /** The page's URL: the strings files are beside it. */
  url: string;
  /** The page's name (`pipeline-funnel`). */
  page: string;
}

async function fetchStrings(from: StringsSource, lcid: number, file: StringsFile): Promise<boolean> {
  try {
    const name = stringsFileName(from.page, lcid, file);
    const response = await from.fetch(new URL(`./${name}`, from.url).href);
    if (!response.ok) return false;
    const parsed: unknown = await response.json();
    if (typeof parsed !== 'object' || parsed === null) return false;
    // A namespace's strings may come in two files (`dashboard`: the first paint's, then `more`).
    const had = catalogues.get(lcid) ?? {};
    const merged: Record<string, Readonly<Record<string, string>>> = { ...had };
    for (const [ns, texts] of Object.entries(parsed as Namespaces)) merged[ns] = { ...had[ns], ...texts };
    catalogues.set(lcid, merged);
    fetched.add(`${lcid}:${file}`);
    return true;
  } catch {
    return false;
  }
}

export type Namespace = 'dashboard' | 'funnel' | 'survey';

/**
 * Makes one strings file of `lcid`'s UI language available before its strings are first shown:
 * fetched from beside the page when the page does not carry them; English when they cannot be
 * had (then keys show only if English cannot be had either). Never rejects.
 */
export async function loadStrings(
  from: StringsSource | undefined,
  lcid: number,
  file: StringsFile = 'dashboard',
): Promise<void> {
  const lang = uiLanguageOf(lcid);
  if (hasStrings(lang, file) || from === undefined) return;
  if (await fetchStrings(from, lang, file)) return;
  if (lang !== BASE_LCID && !hasStrings(BASE_LCID, file)) await fetchStrings(from, BASE_LCID, file);
}

/**
 * A Translate for one namespace in the user's language, falling back to English. It reads the
 * strings when it is called, so it also finds those of a file fetched after it was made (`more`).
 */
export function translatorFor(lcid: number, namespace: Namespace): Translate {
  const lang = uiLanguageOf(lcid);
  return createTranslate(
    (key) => catalogues.get(lang)?.[namespace]?.[key],
    (key) => catalogues.get(BASE_LCID)?.[namespace]?.[key],
  );
}

/** The Dynamics LCID of the browser's preferred language among those shipped (English otherwise). */
export function browserLcid(languages: readonly string[]): number {
  const byPrefix: Readonly<Record<string, number>> = { en: 1033, ru: 1049, bg: 1026, uk: 1058 };
  for (const tag of languages) {
    const found = byPrefix[tag.toLowerCase().split('-')[0] ?? ''];
    if (found !== undefined) return found;
  }
  return BASE_LCID;
}
