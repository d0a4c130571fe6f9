import { describe, expect, it } from 'vitest';
import {
  commonCurrency,
  currencySymbolOf,
  formatMoney,
  moneyFormat,
} from '../../../src/widgets/funnel/money';

describe('amounts in the records currency', () => {
  it.each([
    ['$1,250.00', '$'],
    ['1 250,00 ₽', '₽'],
    ['€ 3.000', '€'],
    ['1 250,00 лв.', 'лв'],
    ['1250', undefined],
    ['', undefined],
  ])('reads the symbol of %j as %j', (formatted, symbol) => {
    expect(currencySymbolOf(formatted)).toBe(symbol);
  });

  it('keeps one currency and drops the symbol when the records mix currencies', () => {
    expect(commonCurrency(['$', '$', undefined])).toEqual({ symbol: '$' });
    expect(commonCurrency(['$', '€'])).toEqual({});
    expect(commonCurrency(['EUR'])).toEqual({ code: 'EUR' });
  });

  it('places the symbol where the user locale puts a currency', () => {
    expect(formatMoney(1234567, 'en-US', { symbol: '$' })).toBe('$1,234,567');
    expect(formatMoney(1234567, 'ru-RU', { symbol: '₽' })).toBe('1\u00a0234\u00a0567\u00a0₽');
    expect(formatMoney(1234, 'bg-BG', { code: 'EUR' })).toBe(
      new Intl.NumberFormat('bg-BG', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
        1234,
      ),
    );
    expect(formatMoney(1234, 'en-US', {})).toBe('1,234');
  });

  it('builds the formatter of a locale and currency once and gives it to every later drawing', () => {
    const euro = moneyFormat('bg-BG', { symbol: '€' });
    expect(moneyFormat('bg-BG', { symbol: '€' })).toBe(euro);
    expect(moneyFormat('bg-BG', { code: 'EUR' })).not.toBe(euro);
    expect(moneyFormat('ru-RU', { symbol: '€' })).not.toBe(euro);
    expect(euro(1234)).toBe(formatMoney(1234, 'bg-BG', { symbol: '€' }));
  });
});
