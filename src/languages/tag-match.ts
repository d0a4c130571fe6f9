/**
 * Reading a language tag back into a Dynamics LCID, for tags other tools write (TMX `xml:lang`,
 * XLIFF `srcLang`): `de-DE`, `de`, `de-AT`, `zh-Hans`, `sr-Latn`, `pt_BR`, `x-lcid-1031`.
 * Tags are compared after adding their likely script and region (Unicode CLDR, through
 * `Intl.Locale.prototype.maximize`), so a bare `zh` is Simplified Chinese (2052) and `sr` Cyrillic
 * Serbian (3098), as CLDR has it.
 */
import { LANGUAGE_TAGS } from './tags';

interface Parts {
  language: string;
  script: string;
  region: string;
}

/** Tags CLDR keeps apart that Dynamics has one language for. */
const SAME_LANGUAGE: Readonly<Record<string, string>> = { no: 'nb' };

function partsOf(tag: string): Parts | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
  return {
    language: SAME_LANGUAGE[locale.language] ?? locale.language,
    script: locale.script ?? '',
    region: locale.region ?? '',
  };
}

let table: readonly (readonly [number, Parts])[] | undefined;

function maximizedTable(): readonly (readonly [number, Parts])[] {
  table ??= [...LANGUAGE_TAGS].flatMap(([lcid, tag]) => {
    const parts = partsOf(tag);
    return parts === undefined ? [] : [[lcid, parts] as const];
  });
  return table;
}

/**
 * The LCID of a language tag: the same language, script and region; else the same language and
 * script; else the same language (each the first LCID in table order). Undefined when Dynamics has
 * no such language or the tag is not one.
 */
export function lcidOfLanguageTag(tag: string): number | undefined {
  const t = tag.trim().replace(/_/g, '-');
  const priv = /^x-lcid-(\d{1,9})$/i.exec(t);
  if (priv) return Number(priv[1]);
  const wanted = partsOf(t);
  if (wanted === undefined) return undefined;
  const same = maximizedTable().filter(([, p]) => p.language === wanted.language);
  const script = same.filter(([, p]) => p.script === wanted.script);
  return (script.find(([, p]) => p.region === wanted.region) ?? script[0] ?? same[0])?.[0];
}
