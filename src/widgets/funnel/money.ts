/**
 * Amounts in the records' currency. A PCF dataset gives a currency column's value as a number and
 * its formatted text ("$1,250.00", "1 250,00 ₽"); the funnel takes the symbol from that text and
 * places it where the user's locale puts a currency symbol.
 */

/** The currency of the amounts: an ISO code (web resources know it) or a symbol read from the data. */
export interface Currency {
  code?: string;
  symbol?: string;
}

/** The currency symbol in a formatted amount ("$1,250.00" → "$", "1 250,00 ₽" → "₽"), or undefined. */
export function currencySymbolOf(formatted: string): string | undefined {
  const symbol = formatted.replace(/[\d\s.,'’+\-−()\u00a0\u202f\u066b\u066c]/g, '');
  return symbol === '' || symbol.length > 5 ? undefined : symbol;
}

/**
 * The one currency of a set of formatted amounts, or undefined when they have none or several
 * (then amounts are shown as plain numbers rather than with a wrong symbol).
 */
export function commonCurrency(symbols: Iterable<string | undefined>): Currency {
  let found: string | undefined;
  for (const s of symbols) {
    if (s === undefined) continue;
    if (found === undefined) found = s;
    else if (found !== s) return {};
  }
  if (found === undefined) return {};
  return /^[A-Z]{3}$/.test(found) ? { code: found } : { symbol: found };
}

/** The formatters built, by locale and currency: every drawing of a view asks again for the same one. */
const built = new Map<string, (value: number) => string>();

/**
 * A formatter of whole amounts in the locale, with the currency code or symbol where the locale puts
 * it. Its Intl formatter is built once per locale and currency (each costs a fraction of a
 * millisecond, the page's first several milliseconds) and reused by every later drawing.
 */
export function moneyFormat(locale: string, currency: Currency): (value: number) => string {
  const key = `${locale}\u0000${currency.code ?? ''}\u0000${currency.symbol ?? ''}`;
  let format = built.get(key);
  if (format === undefined) built.set(key, (format = buildMoneyFormat(locale, currency)));
  return format;
}

function buildMoneyFormat(locale: string, currency: Currency): (value: number) => string {
  if (currency.code !== undefined) {
    const f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.code,
      maximumFractionDigits: 0,
    });
    return (value) => f.format(value);
  }
  const symbol = currency.symbol;
  if (symbol === undefined) {
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    return (value) => plain.format(value);
  }
  // Let the locale place a stand-in currency, then swap its symbol for the records' one.
  const standIn = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'XXX',
    maximumFractionDigits: 0,
  });
  return (value) =>
    standIn
      .formatToParts(value)
      .map((p) => (p.type === 'currency' ? symbol : p.value))
      .join('');
}

/** Formats a whole amount in the locale, with the currency code or symbol where the locale puts it. */
export function formatMoney(value: number, locale: string, currency: Currency): string {
  return moneyFormat(locale, currency)(value);
}
