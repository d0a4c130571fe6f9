/**
 * A shortcut for the rows crmkit itself writes (`<row r="2">` holding only inline-string cells
 * `<c r="A2" s="2" t="inlineStr"><is><t>…</t></is></c>` and empty cells `<c r="H2" s="4"/>`):
 * such a row is matched whole by one regular expression instead of a dozen tag events, and its
 * cells, whose shape the expression has then vouched for, are walked with `indexOf` alone. Any
 * other row, and everything around the rows, goes to the general scanner, which reads it the same
 * way; a row is only taken when that scanner has handled everything before it and holds no open
 * cell.
 */
import type { XmlScanner } from './xml-scan';

const ROW_START = '<row r="';
const ROW =
  /<row r="(\d+)">(?:<c r="[A-Z]{1,3}\d+" s="\d+"(?: t="inlineStr"><is><t>[^<]*<\/t><\/is><\/c>|\/>))*<\/row>/y;
/** What follows a cell's `s="…"` when it holds text, and what closes that text. */
const INLINE_OPEN = ' t="inlineStr"><is><t>';
const INLINE_CLOSE = '</t></is></c>';
/** A row longer than this without its end is left to the general scanner. */
const LONGEST_ROW = 1024 * 1024;

/**
 * The cells of the row matched last, reused from row to row: the first `count` entries of
 * `columns` (1-based) and `texts` (raw XML text, undefined for an empty cell `<c …/>`).
 */
export interface FastCells {
  count: number;
  readonly columns: number[];
  readonly texts: (string | undefined)[];
}

/** A row matched: its `r` (0 when it does not parse) and its cells, valid until the call returns. */
export type FastRow = (number: number, cells: FastCells) => void;

/**
 * The cells between `from` and `to` of a row the expression matched: each is `<c r="` letters
 * digits `" s="` digits `"` and then `/>` or INLINE_OPEN text INLINE_CLOSE.
 */
function walkCells(text: string, from: number, to: number, cells: FastCells): void {
  let p = from;
  let n = 0;
  while (p < to) {
    let i = p + 6; // after `<c r="`
    let column = 0;
    for (let c = text.charCodeAt(i); c >= 65 && c <= 90; c = text.charCodeAt(++i))
      column = column * 26 + c - 64;
    const styleEnd = text.indexOf('"', text.indexOf('"', i) + 5);
    cells.columns[n] = column;
    if (text.charCodeAt(styleEnd + 1) === 47 /* / */) {
      cells.texts[n] = undefined;
      p = styleEnd + 3;
    } else {
      const start = styleEnd + 1 + INLINE_OPEN.length;
      const end = text.indexOf('<', start);
      cells.texts[n] = text.slice(start, end);
      p = end + INLINE_CLOSE.length;
    }
    n++;
  }
  cells.count = n;
}

/** Where the end of `text` (from `from` on) may begin a `<row r="` whose rest is still to come. */
function rowStartAtEnd(text: string, from: number): number {
  for (let k = Math.max(from, text.length - ROW_START.length + 1); k < text.length; k++) {
    if (ROW_START.startsWith(text.slice(k))) return k;
  }
  return text.length;
}

export function fastRows(
  scanner: XmlScanner,
  clean: () => boolean,
  onRow: FastRow,
): { write(text: string): void; close(): void } {
  let held = '';
  const cells: FastCells = { count: 0, columns: [], texts: [] };
  const take = (text: string, at: number): number => {
    ROW.lastIndex = at;
    const m = ROW.exec(text);
    if (m === null) return -1;
    const digits = m[1] ?? '';
    const r = Number(digits);
    walkCells(text, at + ROW_START.length + digits.length + 2, ROW.lastIndex - '</row>'.length, cells);
    onRow(Number.isInteger(r) ? r : 0, cells);
    return ROW.lastIndex;
  };
  /** Reads `text` (what was held, then new text) as far as it can, holding back what may continue. */
  const read = (text: string): void => {
    held = '';
    let pos = 0;
    for (;;) {
      const at = text.indexOf(ROW_START, pos);
      if (at === -1) {
        // The end may hold the start of `<row r="`: kept for the next piece.
        const keep = rowStartAtEnd(text, pos);
        if (keep > pos) scanner.write(text.slice(pos, keep));
        held = text.slice(keep);
        return;
      }
      if (at > pos) scanner.write(text.slice(pos, at));
      pos = at;
      if (!clean()) {
        scanner.write(text.slice(pos, pos + 1));
        pos++;
        continue;
      }
      const next = take(text, pos);
      if (next !== -1) {
        pos = next;
        continue;
      }
      const end = text.indexOf('</row>', pos);
      if (end === -1 && text.length - pos < LONGEST_ROW) {
        held = text.slice(pos);
        return;
      }
      const upTo = end === -1 ? text.length : end + 6;
      scanner.write(text.slice(pos, upTo));
      pos = upTo;
    }
  };
  return {
    write(chunk) {
      let rest = chunk;
      if (held !== '') {
        // What was held (mostly the start of a row) is completed by the piece up to its first row
        // end, so that the rest of the piece is read as it is, not copied into a joined string.
        const close = chunk.indexOf('</row>');
        if (close !== -1) {
          read(held + chunk.slice(0, close + 6));
          rest = chunk.slice(close + 6);
        }
      }
      read(held === '' ? rest : held + rest);
    },
    close() {
      if (held !== '') scanner.write(held);
      held = '';
      scanner.close();
    },
  };
}
