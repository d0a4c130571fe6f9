/**
 * Streams the rows of one worksheet part as plain cell texts: shared, inline (rich text runs
 * joined, phonetic runs left out) and formula-result strings, numbers and booleans as written.
 * A cell or row without its `r` attribute takes the next position, as OOXML says.
 */
import { decodeCellText } from './cell-text';
import { entryChunks, type PackageEntry, type PackageLimits } from './package-entries';
import { columnName } from './layout';
import { malformed, xmlParser } from './package-parts';

export interface RawCell {
  /** Reference as written or implied, e.g. `E14`. */
  ref: string;
  text: string;
  /** True when the cell holds a formula (its text is then the cached result). */
  formula: boolean;
}

export interface RawRow {
  /** 1-based row number. */
  number: number;
  /** Cells by 1-based column number. */
  cells: Map<number, RawCell>;
}

/** `E14` → 5; undefined when the reference is not a cell reference. */
export function columnOfRef(ref: string): number | undefined {
  const match = /^\$?([A-Z]{1,3})\$?\d+$/i.exec(ref);
  if (match === null) return undefined;
  let col = 0;
  for (const ch of match[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

export async function readSheetRows(
  zip: Buffer,
  entry: PackageEntry,
  fileName: string,
  limits: PackageLimits,
  sharedStrings: readonly string[],
  onRow: (row: RawRow) => void,
): Promise<void> {
  const where = `${fileName} › ${entry.name}`;
  const parser = xmlParser(where);
  let row: RawRow | undefined;
  let lastRow = 0;
  let lastCol = 0;
  // The cell being read.
  let ref = '';
  let col = 0;
  let type = 'n';
  let formula = false;
  let value = '';
  let inline = '';
  let capture: 'v' | 't' | undefined;
  let inPhonetic = false;

  parser.on('opentag', (tag) => {
    switch (tag.name) {
      case 'row': {
        const r = Number(tag.attributes.r);
        lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
        lastCol = 0;
        row = { number: lastRow, cells: new Map() };
        break;
      }
      case 'c': {
        const r = tag.attributes.r;
        col = (r === undefined ? undefined : columnOfRef(r)) ?? lastCol + 1;
        lastCol = col;
        ref = r ?? `${columnName(col)}${lastRow}`;
        type = tag.attributes.t ?? 'n';
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
  });
  const onText = (text: string): void => {
    if (capture === 'v') value += text;
    else if (capture === 't') inline += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'v':
      case 't':
        capture = undefined;
        break;
      case 'rPh':
        inPhonetic = false;
        break;
      case 'c':
        if (row !== undefined)
          row.cells.set(col, { ref, text: cellText(type, value, inline, sharedStrings), formula });
        break;
      case 'row':
        if (row !== undefined) onRow(row);
        row = undefined;
        break;
      default:
        break;
    }
  });
  try {
    for await (const chunk of entryChunks(zip, entry, fileName, limits)) parser.write(chunk);
    parser.close();
  } catch (e) {
    throw malformed(where, e);
  }
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
