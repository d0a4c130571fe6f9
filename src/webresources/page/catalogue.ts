/**
 * The UI string catalogue bundled into a page (the same `translations/ui/<lcid>.json` the controls'
 * resx files are generated from). A page asks for a Translate of one namespace: `dashboard` for its
 * own strings, `funnel` / `survey` for the widget views it reuses.
 */
import type { Translate } from '../../widgets/shared/i18n';
import { BASE_LCID, createTranslate, uiLanguageOf } from '../../widgets/shared/i18n';
import bg from '../../../translations/ui/1026.json';
import en from '../../../translations/ui/1033.json';
import ru from '../../../translations/ui/1049.json';
import uk from '../../../translations/ui/1058.json';

type Namespaces = Readonly<Record<string, Readonly<Record<string, string>>>>;

const catalogues: Readonly<Record<number, Namespaces>> = { 1033: en, 1049: ru, 1026: bg, 1058: uk };

export type Namespace = 'dashboard' | 'funnel' | 'survey';

/** A Translate for one namespace in the user's language, falling back to English. */
export function translatorFor(lcid: number, namespace: Namespace): Translate {
  const lang = uiLanguageOf(lcid);
  const own = catalogues[lang]?.[namespace] ?? {};
  const base = catalogues[BASE_LCID]?.[namespace] ?? {};
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
