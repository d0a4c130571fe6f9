/**
 * SpreadsheetML structure over the tokenizer: worksheets, rows and cells (honouring `ss:Index`,
 * `ss:MergeAcross`, `<Cell/>`, rich text and comments), handed on one finished row at a time.
 */
import { CrmKitError } from '../../errors';
import { attribute, LayoutCells, type CellSpan, type RowCells } from './row-layout';
import { WholeRows } from './whole-rows';
import { decodeXmlText } from './xml-text';
import type { XmlHandler, XmlScanner } from './xml-scan';

export interface RowSink {
  /** A worksheet starts; return false to skip its rows. */
  worksheet(name: string): boolean;
  row(row: RowCells, sheet: string): void;
  worksheetEnd(name: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export class SpreadsheetHandler implements XmlHandler {
  wantText = false;
  holdFrom = Infinity;
  scanner: XmlScanner | undefined;
  private sheet: string | undefined;
  private keep = false;
  private cells: CellSpan[] = [];
  private cell: CellSpan | undefined;
  private nextColumn = 1;
  private dataDepth = 0;
  private inComment = false;
  private raw = '';
  private rootChecked = false;
  private readonly wholeRows: WholeRows | undefined;

  /** `wholeRows`: read the rows Dynamics writes in one walk each (false: tag by tag, for tests). */
  constructor(
    private readonly sink: RowSink,
    private readonly where: string,
    wholeRows = true,
  ) {
    this.wholeRows = wholeRows ? new WholeRows() : undefined;
  }

  wholeRow(buf: string, lt: number, base: number): number {
    const rows = this.wholeRows;
    // Only where a `<Row>` starts a new row and nothing else is open (as the tag-by-tag path reads it).
    if (rows === undefined || !this.keep || this.holdFrom !== Infinity || this.cell !== undefined) return -1;
    if (this.dataDepth > 0 || this.inComment) return -1;
    const end = rows.read(buf, lt, base);
    if (end !== -1) this.sink.row(rows, this.sheet ?? '');
    return end;
  }

  open(name: string, attrs: string, start: number, end: number, selfClosing: boolean): void {
    if (this.dataDepth > 0) {
      this.dataDepth++;
      if (this.cell?.data !== undefined) this.cell.data.plainString = false;
      if (selfClosing) this.dataDepth--;
      return;
    }
    if (this.inComment) return;
    const local = localName(name);
    if (!this.rootChecked) {
      this.rootChecked = true;
      if (local !== 'Workbook') {
        throw new CrmKitError(
          'NOT_TRANSLATIONS',
          `${this.where}: not a Dynamics translations file (root element <${name}>, expected <Workbook>)`,
        );
      }
      return;
    }
    switch (local) {
      case 'Worksheet':
        this.sheet = attribute(attrs, 'Name') ?? '';
        this.keep = this.sink.worksheet(this.sheet);
        if (selfClosing) this.closeWorksheet();
        return;
      case 'Row':
        if (!this.keep) return;
        this.cells = [];
        this.nextColumn = 1;
        this.holdFrom = start;
        if (selfClosing) this.finishRow(start);
        return;
      case 'Cell':
        if (this.holdFrom === Infinity) return;
        this.openCell(name, attrs, start, end, selfClosing);
        return;
      case 'Data':
        if (this.cell === undefined || selfClosing) return;
        this.cell.data = {
          start,
          end,
          innerStart: end,
          innerEnd: end,
          plainString: attrs === ' ss:Type="String"' || attribute(attrs, 'Type') === 'String',
        };
        this.dataDepth = 1;
        this.raw = '';
        this.wantText = true;
        return;
      case 'Comment':
        if (this.cell !== undefined && !selfClosing) this.inComment = true;
        return;
      default:
        return;
    }
  }

  close(name: string, start: number, end: number): void {
    if (this.dataDepth > 0) {
      this.dataDepth--;
      if (this.dataDepth === 0 && this.cell?.data !== undefined) this.closeData(start, end);
      return;
    }
    const local = localName(name);
    if (this.inComment) {
      if (local === 'Comment') this.inComment = false;
      return;
    }
    if (local === 'Cell' && this.cell !== undefined) {
      this.cell.closeStart = start;
      this.cell.end = end;
      this.cell = undefined;
    } else if (local === 'Row' && this.holdFrom !== Infinity) {
      this.finishRow(start);
    } else if (local === 'Worksheet') {
      this.closeWorksheet();
    }
  }

  text(raw: string): void {
    this.raw += raw;
  }

  private openCell(name: string, attrs: string, start: number, end: number, selfClosing: boolean): void {
    const indexAttr = attribute(attrs, 'Index');
    const index = indexAttr === undefined ? this.nextColumn : Number(indexAttr);
    if (!Number.isInteger(index) || index < this.nextColumn) {
      this.fail(start, `ss:Index="${indexAttr ?? ''}" is not after the previous cell`);
    }
    const merge = Number(attribute(attrs, 'MergeAcross') ?? '0');
    const width = Number.isInteger(merge) && merge > 0 ? merge + 1 : 1;
    const colon = name.indexOf(':');
    const cell: CellSpan = {
      index,
      width,
      start,
      end,
      tagEnd: end,
      closeStart: end,
      selfClosing,
      prefix: colon === -1 ? '' : name.slice(0, colon + 1),
      attrs,
      data: undefined,
      text: '',
    };
    this.cells.push(cell);
    this.nextColumn = index + width;
    if (!selfClosing) this.cell = cell;
  }

  private closeData(start: number, end: number): void {
    const cell = this.cell;
    if (cell?.data === undefined) return;
    cell.data.innerEnd = start;
    cell.data.end = end;
    this.wantText = false;
    const decoded = decodeXmlText(this.raw);
    if (typeof decoded !== 'string') this.fail(start, decoded.error);
    cell.text = decoded;
    this.raw = '';
  }

  private finishRow(closeStart: number): void {
    const cells = this.cells;
    this.cells = [];
    this.sink.row(new LayoutCells({ cells, closeStart }), this.sheet ?? '');
    this.holdFrom = Infinity;
  }

  private closeWorksheet(): void {
    if (this.sheet !== undefined && this.keep) this.sink.worksheetEnd(this.sheet);
    this.sheet = undefined;
    this.keep = false;
  }

  private fail(offset: number, message: string): never {
    if (this.scanner === undefined) throw new CrmKitError('XML_MALFORMED', `${this.where}: ${message}`);
    throw new CrmKitError('XML_MALFORMED', `${this.where}: line ${this.scanner.lineAt(offset)}: ${message}`);
  }
}
