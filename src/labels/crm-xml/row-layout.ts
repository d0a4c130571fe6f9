/** Where each cell of one SpreadsheetML row sits in the source text, so a patch can rewrite it. */

export interface DataSpan {
  /** `<Data …>` start and the offset after `</Data>`. */
  start: number;
  end: number;
  /** The text content between the tags. */
  innerStart: number;
  innerEnd: number;
  /** `ss:Type="String"` with plain text only (no rich-text runs). */
  plainString: boolean;
}

export interface CellSpan {
  /** 1-based column (honours `ss:Index`). */
  index: number;
  /** Columns it covers (1 + `ss:MergeAcross`). */
  width: number;
  /** The whole `<Cell …>…</Cell>` (or `<Cell …/>`). */
  start: number;
  end: number;
  /** Offset after the start tag's `>`; offset of `</Cell>` (equal to `end` when self-closing). */
  tagEnd: number;
  closeStart: number;
  selfClosing: boolean;
  /** Namespace prefix of the element name, with colon (`''` or `'ss:'`). */
  prefix: string;
  /** Raw attribute text of the start tag. */
  attrs: string;
  data: DataSpan | undefined;
  /** Decoded text ('' when there is no Data). */
  text: string;
}

export interface RowLayout {
  cells: CellSpan[];
  /** Offset of `</Row>`. */
  closeStart: number;
}

/** A finished row as the label sheets read it: texts by column, and where its cells sit on demand. */
export interface RowCells {
  /** The decoded text of the cell whose first column is `column` ('' without Data), or undefined. */
  textAt(column: number): string | undefined;
  /** Every cell's place in the source (built on demand: only headers and patched rows need it). */
  layout(): RowLayout;
}

/** RowCells over a layout already built. */
export class LayoutCells implements RowCells {
  constructor(private readonly row: RowLayout) {}

  textAt(column: number): string | undefined {
    return cellAt(this.row, column)?.text;
  }

  layout(): RowLayout {
    return this.row;
  }
}

/** The cell whose first column is `column`, or undefined (a missing or merged-over cell). */
export function cellAt(row: RowLayout, column: number): CellSpan | undefined {
  for (const cell of row.cells) {
    if (cell.index === column) return cell;
    if (cell.index > column) return undefined;
  }
  return undefined;
}

/** True when `column` is covered by a merged cell that starts before it. */
export function mergedOver(row: RowLayout, column: number): boolean {
  return row.cells.some((c) => c.index < column && c.index + c.width > column);
}

const attributePatterns = new Map<string, RegExp>();

/** Reads an attribute by local name from raw attribute text (`ss:Index="3"` → '3'). */
export function attribute(attrs: string, localName: string): string | undefined {
  if (!attrs.includes(localName)) return undefined;
  let re = attributePatterns.get(localName);
  if (re === undefined) {
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${localName}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(localName, re);
  }
  const m = re.exec(attrs);
  return m === null ? undefined : (m[1] ?? m[2]);
}
