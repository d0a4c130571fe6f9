/**
 * Streams the rows of one worksheet part as plain cell texts: shared, inline (rich text runs
 * joined, phonetic runs left out) and formula-result strings, numbers and booleans as written.
 * A cell or row without its `r` attribute takes the next position, as OOXML says.
 */
import { decodeCellText } from './cell-text';
import type { WorkbookPackage } from './package-entries';
import type { RowHashing } from './read-sheet-protocol';
import { bundledSheetWorker, readSheetRowsInWorker, type SheetWorkerFile } from './read-sheet-thread';
import { fastRows } from './sheet-fast-rows';
import { attribute, decodeWorkbookText, XmlScanner } from './xml-scan';

export interface RawRow {
  /** 1-based row number. */
  number: number;
  /** Cell texts by 1-based column number (a sparse array: absent cells are holes). */
  texts: string[];
  /** Columns whose cell holds a formula (its text is then the cached result). */
  formulaCols: number[];
  /** Columns whose text is still a shared-string index (only as a worker thread reads them). */
  sharedCols?: number[];
  /** The row's key and texts hashes (token.ts), when a worker thread computed them (`RowHashing`). */
  hashes?: { key: string; texts: string };
}

/** The text of a cell, '' when the cell is absent. */
export function cellAt(row: RawRow, col: number): string {
  return row.texts[col] ?? '';
}

/** `E14` → 5; undefined when the reference is not a cell reference. */
export function columnOfRef(ref: string): number | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 || i > 3 || i === ref.length ? undefined : col;
}

export interface ReadSheetOptions {
  /**
   * Scan the part in a worker thread (read-sheet-thread.ts) when the package is a file and the
   * worker is there: the rows reach `onRow` the same, in the same order.
   */
  worker?: boolean;
  /** The worker's code (default: the bundled one beside the CLI, when it is there). */
  workerFile?: SheetWorkerFile;
  /** What the worker needs to hash each row's key and texts as the row token does (label-rows.ts). */
  hashing?: RowHashing;
}

export async function readSheetRows(
  pkg: WorkbookPackage,
  part: string,
  fileName: string,
  sharedStrings: readonly string[],
  /** Returns false to stop reading (the rest of the part is not inflated). */
  onRow: (row: RawRow) => unknown,
  options: ReadSheetOptions = {},
): Promise<void> {
  if (options.worker === true && pkg.file !== undefined) {
    const worker = options.workerFile ?? bundledSheetWorker();
    if (worker !== undefined) {
      await readSheetRowsInWorker(worker, pkg.file, part, fileName, sharedStrings, onRow, options.hashing);
      return;
    }
  }
  let stopped = false;
  const scanner = sheetRowScanner(`${fileName} › ${part}`, sharedStrings, (row) => {
    if (!stopped && onRow(row) === false) stopped = true;
  });
  for await (const chunk of pkg.chunks(part)) {
    scanner.write(chunk);
    if (stopped) return;
  }
  scanner.close();
}

/**
 * The scanner of one worksheet part, calling `onRow` for each row. Without `sharedStrings` (in a
 * worker thread, which does not hold them) a shared-string cell's text is its index and its
 * column is listed in `row.sharedCols`, to be looked up by the reader that has them.
 */
export interface SheetRowScanner {
  write(text: string): void;
  close(): void;
}

export function sheetRowScanner(
  where: string,
  sharedStrings: readonly string[] | undefined,
  onRow: (row: RawRow) => void,
  options: { fast?: boolean } = {},
): SheetRowScanner {
  let row: RawRow | undefined;
  let lastRow = 0;
  let lastCol = 0;
  // The cell being read.
  let col = 0;
  let type = 'n';
  let formula = false;
  let value = '';
  let inline = '';
  let capture: 'v' | 't' | undefined;
  let inPhonetic = false;

  const scanner = new XmlScanner(where, {
    open(name, attrs) {
      switch (name) {
        case 'row': {
          const r = Number(attribute(attrs, 'r', where));
          lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
          lastCol = 0;
          row = { number: lastRow, texts: [], formulaCols: [] };
          break;
        }
        case 'c': {
          const r = attribute(attrs, 'r', where);
          col = (r === undefined ? undefined : columnOfRef(r)) ?? lastCol + 1;
          lastCol = col;
          type = attribute(attrs, 't', where) ?? 'n';
          formula = false;
          value = '';
          inline = '';
          break;
        }
        case 'f':
          formula = true;
          break;
        case 'v':
          capture = 'v';
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (!inPhonetic) capture = 't';
          break;
        default:
          break;
      }
    },
    text(text) {
      if (capture === 'v') value += text;
      else if (capture === 't') inline += text;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = undefined;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          if (row !== undefined) {
            if (type === 's' && sharedStrings === undefined) {
              row.texts[col] = value;
              (row.sharedCols ??= []).push(col);
            } else {
              row.texts[col] = cellText(type, value, inline, sharedStrings ?? []);
            }
            if (formula) row.formulaCols.push(col);
          }
          break;
        case 'row':
          if (row !== undefined) onRow(row);
          row = undefined;
          break;
        default:
          break;
      }
    },
  });
  if (options.fast !== true) return scanner;
  const clean = (): boolean => row === undefined && capture === undefined && !inPhonetic && scanner.between;
  return fastRows(scanner, clean, (number, cells) => {
    lastRow = number > 0 ? number : lastRow + 1;
    const texts: string[] = [];
    for (let i = 0; i < cells.count; i++) {
      const text = cells.texts[i];
      texts[cells.columns[i] ?? 0] =
        text === undefined ? '' : decodeCellText(decodeWorkbookText(text, where));
    }
    onRow({ number: lastRow, texts, formulaCols: [] });
  });
}

function cellText(type: string, value: string, inline: string, sharedStrings: readonly string[]): string {
  switch (type) {
    case 's':
      return sharedStrings[Number(value)] ?? '';
    case 'inlineStr':
      return decodeCellText(inline);
    case 'str':
      return decodeCellText(value);
    case 'b':
      return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
    default:
      // Numbers, dates and errors: the text as the file stores it.
      return value;
  }
}
