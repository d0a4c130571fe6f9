/**
 * Strings and formatting shared by the PCF controls and the web resources. The view code of a
 * widget receives a `Translate` and a `Formats`; where the strings come from (PCF resx via
 * `context.resources.getString`, or the bundled catalogue in a web resource) is the adapter's business.
 */
import { LANGUAGE_TAGS, PRODUCT_LANGUAGES } from '../../languages/tags';

export type Lcid = number;

/** Looks up a UI string by key and fills `{name}` placeholders. */
export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

export const BASE_LCID = 1033;

/** The locale used for numbers and dates of a Dynamics user language (English when unknown). */
export function localeOf(lcid: Lcid): string {
  return LANGUAGE_TAGS.get(lcid) ?? 'en-US';
}

/** The UI language to use for strings: the user's when shipped, else English. */
export function uiLanguageOf(lcid: Lcid): Lcid {
  return (PRODUCT_LANGUAGES as readonly number[]).includes(lcid) ? lcid : BASE_LCID;
}

/** Fills `{name}` placeholders; unknown placeholders stay as written. */
export function fillPlaceholders(text: string, params?: Readonly<Record<string, string | number>>): string {
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A Translate over a lookup function; a missing or empty string falls back to `fallback`, then to
 * the key itself, so a missing translation is visible rather than blank.
 */
export function createTranslate(
  lookup: (key: string) => string | undefined,
  fallback?: (key: string) => string | undefined,
): Translate {
  return (key, params) => {
    const found = lookup(key);
    const text = found !== undefined && found !== '' ? found : (fallback?.(key) ?? key);
    return fillPlaceholders(text === '' ? key : text, params);
  };
}

/** Number, percent, currency and date formatting for one locale. */
export interface Formats {
  locale: string;
  number: (value: number, maximumFractionDigits?: number) => string;
  percent: (ratio: number, maximumFractionDigits?: number) => string;
  currency: (value: number, currencyCode?: string, currencySymbol?: string) => string;
  date: (value: Date) => string;
  dateTime: (value: Date) => string;
}

/** True when the runtime knows an IANA time zone name (`Europe/Sofia`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Formats for a Dynamics language; dates in `timeZone` (an IANA name) when given, else in the
 * browser's zone. An unknown zone name falls back to the browser's zone rather than throwing.
 */
export function createFormats(lcid: Lcid, timeZone?: string): Formats {
  const locale = localeOf(lcid);
  const tz = timeZone === undefined || !isTimeZone(timeZone) ? {} : { timeZone };
  // Intl formatters are costly to build (~0.1 ms for dates): build each kind once and reuse it.
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let f = numbers.get(key);
    if (f === undefined) numbers.set(key, (f = new Intl.NumberFormat(locale, options)));
    return f;
  };
  // Built on first use: a page's first date formatter loads the locale's calendar data (~15 ms), which
  // views that show no dates (the funnel) need not pay for.
  let dateFormat: Intl.DateTimeFormat | undefined;
  let dateTimeFormat: Intl.DateTimeFormat | undefined;
  return {
    locale,
    number: (value, maximumFractionDigits = 0) =>
      numberFormat(`n${maximumFractionDigits}`, { maximumFractionDigits }).format(value),
    percent: (ratio, maximumFractionDigits = 0) =>
      numberFormat(`p${maximumFractionDigits}`, { style: 'percent', maximumFractionDigits }).format(ratio),
    currency: (value, currencyCode, currencySymbol) => {
      if (currencyCode !== undefined && currencyCode !== '') {
        return numberFormat(`c${currencyCode}`, {
          style: 'currency',
          currency: currencyCode,
          maximumFractionDigits: 0,
        }).format(value);
      }
      // A plain whole number: the formatter of number(value) serves.
      const amount = numberFormat('n0', { maximumFractionDigits: 0 }).format(value);
      return currencySymbol === undefined || currencySymbol === '' ? amount : `${currencySymbol}${amount}`;
    },
    date: (value) =>
      (dateFormat ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...tz })).format(value),
    dateTime: (value) =>
      (dateTimeFormat ??= new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        ...tz,
      })).format(value),
  };
}
