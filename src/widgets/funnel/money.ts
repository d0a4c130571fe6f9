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

/** Formats a whole amount in the locale, with the currency code or symbol where the locale puts it. */
export function formatMoney(value: number, locale: string, currency: Currency): string {
  if (currency.code !== undefined) {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.code,
      maximumFractionDigits: 0,
    }).format(value);
  }
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  if (currency.symbol === undefined) return plain.format(value);
  // Let the locale place a stand-in currency, then swap its symbol for the records' one.
  const parts = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'XXX',
    maximumFractionDigits: 0,
  }).formatToParts(value);
  const symbol = currency.symbol;
  return parts.map((p) => (p.type === 'currency' ? symbol : p.value)).join('');
}
