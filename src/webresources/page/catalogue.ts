/**
 * The UI string catalogue of a page (the same `translations/ui/<lcid>.json` the controls' resx
 * files are generated from). A page asks for a Translate of one namespace: `dashboard` for its
 * own strings, `funnel` / `survey` for the widget views it reuses.
 *
 * The built pages carry no strings (scripts/build-webresources.js empties the imports below):
 * each language's `dashboard` strings are in `<page>.<lcid>.js` beside the page
 * (`pipeline_funnel.1049.js`), the widget view's in `<page>.<namespace>.<lcid>.js`
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

/**
 * The file of a page's strings in one language, beside the page: `pipeline_funnel.1049.js`. Its
 * name is already a valid web resource name, so a solution ships it under the same name (pages
 * share one web resource folder, hence the page's name in it).
 */
export function stringsFileName(page: string, lcid: number, namespace: Namespace = 'dashboard'): string {
  const part = namespace === 'dashboard' ? '' : `${namespace}.`;
  return `${page.replace(/[^A-Za-z0-9_]/g, '_')}.${part}${lcid}.js`;
}

const hasStrings = (lcid: number, namespace: Namespace): boolean =>
  Object.keys(catalogues.get(lcid)?.[namespace] ?? {}).length > 0;

export interface StringsSource {
  fetch: typeof fetch;
  /** The page's URL: the strings files are beside it. */
  url: string;
  /** The page's name (`pipeline-funnel`). */
  page: string;
}

async function fetchStrings(from: StringsSource, lcid: number, namespace: Namespace): Promise<boolean> {
  try {
    const file = stringsFileName(from.page, lcid, namespace);
    const response = await from.fetch(new URL(`./${file}`, from.url).href);
    if (!response.ok) return false;
    const parsed: unknown = await response.json();
    if (typeof parsed !== 'object' || parsed === null) return false;
    catalogues.set(lcid, { ...catalogues.get(lcid), ...(parsed as Namespaces) });
    return true;
  } catch {
    return false;
  }
}

export type Namespace = 'dashboard' | 'funnel' | 'survey';

/**
 * Makes one namespace's strings of `lcid`'s UI language available before its first Translate:
 * fetched from beside the page when the page does not carry them; English when they cannot be
 * had (then keys show only if English cannot be had either).
 */
export async function loadStrings(
  from: StringsSource | undefined,
  lcid: number,
  namespace: Namespace = 'dashboard',
): Promise<void> {
  const lang = uiLanguageOf(lcid);
  if (hasStrings(lang, namespace) || from === undefined) return;
  if (await fetchStrings(from, lang, namespace)) return;
  if (lang !== BASE_LCID && !hasStrings(BASE_LCID, namespace)) await fetchStrings(from, BASE_LCID, namespace);
}

/** A Translate for one namespace in the user's language, falling back to English. */
export function translatorFor(lcid: number, namespace: Namespace): Translate {
  const lang = uiLanguageOf(lcid);
  const own = catalogues.get(lang)?.[namespace] ?? {};
  const base = catalogues.get(BASE_LCID)?.[namespace] ?? {};
  return createTranslate(
    (key) => own[key],
    (key) => base[key],
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
