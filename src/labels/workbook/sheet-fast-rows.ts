/**
 * A shortcut for the rows crmkit itself writes (`<row r="2">` holding only inline-string cells
 * `<c r="A2" s="2" t="inlineStr"><is><t>…</t></is></c>` and empty cells `<c r="H2" s="4"/>`):
 * such a row is matched whole by one regular expression instead of a dozen tag events. Any other
 * row, and everything around the rows, goes to the general scanner, which reads it the same way;
 * a row is only taken when that scanner has handled everything before it and holds no open cell.
 */
import type { XmlScanner } from './xml-scan';

const ROW_START = '<row r="';
const ROW =
  /<row r="(\d+)">((?:<c r="[A-Z]{1,3}\d+" s="\d+"(?: t="inlineStr"><is><t>[^<]*<\/t><\/is><\/c>|\/>))*)<\/row>/y;
const CELL = /<c r="([A-Z]{1,3}\d+)" s="\d+"(?: t="inlineStr"><is><t>([^<]*)<\/t><\/is><\/c>|\/>)/g;
/** A row longer than this without its end is left to the general scanner. */
const LONGEST_ROW = 1024 * 1024;

/** A row matched: its `r` (0 when it does not parse) and its cells' references and raw texts. */
export type FastRow = (number: number, cells: [ref: string, text: string | undefined][]) => void;

export function fastRows(
  scanner: XmlScanner,
  clean: () => boolean,
  onRow: FastRow,
): { write(text: string): void; close(): void } {
  let held = '';
  const take = (text: string, at: number): number => {
    ROW.lastIndex = at;
    const m = ROW.exec(text);
    if (m === null) return -1;
    const r = Number(m[1]);
    const cells: [string, string | undefined][] = [];
    for (const c of (m[2] ?? '').matchAll(CELL)) cells.push([c[1] ?? '', c[2]]);
    onRow(Number.isInteger(r) ? r : 0, cells);
    return ROW.lastIndex;
  };
  return {
    write(chunk) {
      const text = held === '' ? chunk : held + chunk;
      held = '';
      let pos = 0;
      for (;;) {
        const at = text.indexOf(ROW_START, pos);
        if (at === -1) {
          // The end may hold the start of `<row r="`: kept for the next piece.
          const keep = Math.max(pos, text.length - ROW_START.length + 1);
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
    },
    close() {
      if (held !== '') scanner.write(held);
      held = '';
      scanner.close();
    },
  };
}
