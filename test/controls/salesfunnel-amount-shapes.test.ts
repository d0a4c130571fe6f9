import { describe, expect, it } from 'vitest';
import { AmountShapes, hasShape, NOT_SHAPED } from '../../controls/SalesFunnel/SalesFunnel/amount-shapes';
import { currencySymbolOf } from '../../src/widgets/funnel/money';

/** The symbol of each text as the record store finds it: the last shape while a text has it, else read. */
function symbols(texts: readonly string[]): (string | undefined)[] {
  const shapes = new AmountShapes();
  let shape = NOT_SHAPED;
  return texts.map((text) => {
    if (!hasShape(text, shape)) shape = shapes.read(text);
    return shape.symbol;
  });
}

describe('the currency symbols of formatted amounts, read once per shape', () => {
  it('finds the symbol of every amount as reading each text alone does, whatever the order', () => {
    const texts = [
      '1 250,00 €',
      '99,50 €',
      '$1,250.00',
      '$7.00',
      '1 250,00',
      '1 250,00 ₽',
      '-1 250,00 €',
      '5',
      'US$5',
      '$$5',
      '€',
      '',
      '12.00 BGN',
      '12.00 MXN',
      '1 250,00 €',
    ];
    expect(symbols(texts)).toEqual(texts.map(currencySymbolOf));
    expect(symbols([...texts].reverse())).toEqual([...texts].reverse().map(currencySymbolOf));
  });

  it('tells an amount without a symbol from one with a symbol after the same digits', () => {
    expect(symbols(['1 250,00', '1 250,00 €', '1 250,00'])).toEqual([undefined, '€', undefined]);
    expect(symbols(['250', '€250', '250€'])).toEqual([undefined, '€', '€']);
  });
});
