/**
 * The `<row>` XML of a label sheet, written directly: every text an inline string (`t="inlineStr"`,
 * never a formula, never a number, whatever it looks like), `xml:space="preserve"` where white
 * space at the ends or line breaks must survive, no cell at all for an empty text. Building the
 * string here costs a fraction of exceljs's per-cell objects, which is what keeps a 200,000-label
 * export within its time budget. A sheet's writer makes the constant pieces of its cells once
 * (`cellStart`, `cellStyle`), so that a cell costs a few concatenations.
 */
import { escapeText } from '../../xml/escape';
import { encodeCellText } from './cell-text';

const keepsSpace = /^\s|\s$|\n|\t/;

/**
 * Characters that may need escaping or encoding (`_` for a literal `_xHHHH_`); most label texts
 * have none. One character class, no alternative: `|_x` or `|^\s|\s$` would be tried at every
 * character. White space at the ends is told by isSpace.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const needsCare = /[&<>_\u0000-\u001F\u007F\uFFFE\uFFFF]/;

/** The characters `\s` matches (ECMAScript white space and line terminators). */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The start of a cell in the given column: `<c r="` and the column's letters (the row number follows). */
export function cellStart(columnLetters: string): string {
  return `<c r="${columnLetters}`;
}

/** What follows a cell's row number up to its text, for a style: plain, and keeping white space. */
export interface CellStyle {
  plain: string;
  preserve: string;
}

export function cellStyle(styleId: number): CellStyle {
  const attributes = `" s="${styleId}" t="inlineStr"><is>`;
  return { plain: `${attributes}<t>`, preserve: `${attributes}<t xml:space="preserve">` };
}

const CELL_END = '</t></is></c>';

/** One text cell (`start` and `row` make its reference), or '' when the text is empty (the column's style then applies). */
export function cellXml(start: string, row: string, style: CellStyle, text: string): string {
  if (text === '') return '';
  if (!needsCare.test(text) && !isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(text.length - 1))) {
    return start + row + style.plain + text + CELL_END;
  }
  const stored = escapeText(encodeCellText(text));
  return start + row + (keepsSpace.test(stored) ? style.preserve : style.plain) + stored + CELL_END;
}

/** One text cell at `ref` (e.g. `B7`), or '' when the text is empty. */
export function textCellXml(ref: string, styleId: number, text: string): string {
  return cellXml(cellStart(ref), '', cellStyle(styleId), text);
}

export function rowXml(rowNumber: number | string, cellsXml: string): string {
  return `<row r="${rowNumber}">${cellsXml}</row>`;
}
