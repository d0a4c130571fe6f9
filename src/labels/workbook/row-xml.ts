/**
 * The `<row>` XML of a label sheet, written directly: every text an inline string (`t="inlineStr"`,
 * never a formula, never a number, whatever it looks like), `xml:space="preserve"` where white
 * space at the ends or line breaks must survive, no cell at all for an empty text. Building the
 * string here costs a fraction of exceljs's per-cell objects, which is what keeps a 200,000-label
 * export within its time budget.
 */
import { escapeText } from '../../xml/escape';
import { encodeCellText } from './cell-text';

const keepsSpace = /^\s|\s$|\n|\t/;

/** Anything that needs escaping, encoding or xml:space; most label texts have none of it. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const needsCare = /[&<>_\u0000-\u001F\u007F\uFFFE\uFFFF]|^\s|\s$/;

/** One text cell, or '' when the text is empty (the column's style then applies). */
export function textCellXml(ref: string, styleId: number, text: string): string {
  if (text === '') return '';
  if (!needsCare.test(text)) return `<c r="${ref}" s="${styleId}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const stored = escapeText(encodeCellText(text));
  const t = keepsSpace.test(stored) ? '<t xml:space="preserve">' : '<t>';
  return `<c r="${ref}" s="${styleId}" t="inlineStr"><is>${t}${stored}</t></is></c>`;
}

export function rowXml(rowNumber: number, cellsXml: string): string {
  return `<row r="${rowNumber}">${cellsXml}</row>`;
}
