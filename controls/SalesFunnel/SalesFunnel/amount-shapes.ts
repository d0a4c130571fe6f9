/**
 * The currency symbols of a currency column's formatted amounts ("1 250,00 €", "$1,250.00"), read
 * once per shape of text: what comes before the first digit (the head) and after the last (the
 * tail). Amounts of one currency share their shape, so each amount is checked against the last
 * shape with a few comparisons (hasShape) and read only when the shape changes.
 */
import { currencySymbolOf } from '../../../src/widgets/funnel/money';

/** A shape of formatted amounts and the currency symbol it shows (undefined: none). */
export interface AmountShape {
  head: string;
  tail: string;
  symbol: string | undefined;
}

/** No formatted amount starts with U+0000: the shape of a text without digits, which no text has. */
const NO_SHAPE = '\u0000';

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * True when `text` has the shape: its digits start right after `head` and end right before `tail`.
 * (RecordStore.add does the same inline, once per amount.)
 */
export function hasShape(text: string, { head, tail }: AmountShape): boolean {
  return (
    isDigit(text.charCodeAt(head.length)) &&
    isDigit(text.charCodeAt(text.length - tail.length - 1)) &&
    (head === '' || text.startsWith(head)) &&
    (tail === '' || text.endsWith(tail))
  );
}

/** The shapes of a column's amounts met so far, each with its currency symbol. */
export class AmountShapes {
  private readonly known = new Map<string, AmountShape>();

  /** The shape of a formatted amount, with its symbol. */
  read(text: string): AmountShape {
    let first = 0;
    while (first < text.length && !isDigit(text.charCodeAt(first))) first++;
    if (first === text.length) return { head: NO_SHAPE, tail: '', symbol: currencySymbolOf(text) };
    let last = text.length - 1;
    while (!isDigit(text.charCodeAt(last))) last--;
    const head = text.slice(0, first);
    const tail = text.slice(last + 1);
    const key = `${head}\u0000${tail}`;
    let shape = this.known.get(key);
    if (shape === undefined) this.known.set(key, (shape = { head, tail, symbol: currencySymbolOf(text) }));
    return shape;
  }
}

/** The first shape of a column's amounts: none yet, so the first amount is read. */
export const NOT_SHAPED: AmountShape = { head: NO_SHAPE, tail: '', symbol: undefined };
