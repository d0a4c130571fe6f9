/**
 * A shortcut for the rows Dynamics writes: at a `<Row>` of a label sheet, the whole row is read
 * at once — by one regular expression when it holds only plain `<Cell ss:StyleID="…"><Data
 * ss:Type="String">text</Data></Cell>` cells, as many as the row before, else by one walk over
 * its `<Cell …><Data …>text</Data></Cell>` and `<Cell …/>` cells — without a tag event, a name
 * string or an attribute string per tag. A row not taken exactly (comments, CDATA, rich text,
 * prefixes, text between cells, a bad entity or attribute, a row not all in the buffer yet) is
 * left to the general scanner, which then reads or refuses it as before: same results, same
 * messages.
 */
import type { CellSpan, RowCells, RowLayout } from './row-layout';
import { StartTags } from './start-tags';
import { decodeXmlText } from './xml-text';
import { isSpace } from './xml-scan';

function skipSpace(buf: string, from: number): number {
  let i = from;
  while (isSpace(buf.charCodeAt(i))) i++;
  return i;
}

/** Numbers kept per cell: the CellSpan's and its DataSpan's offsets (relative to the buffer). */
const INDEX = 0;
const WIDTH = 1;
const START = 2;
const END = 3;
const TAG_END = 4;
const CLOSE_START = 5;
const DATA_START = 6;
const DATA_END = 7;
const INNER_START = 8;
const INNER_END = 9;
const FLAGS = 10;
const STRIDE = 11;
const SELF_CLOSING = 1;
const PLAIN_STRING = 2;

/** The cells Dynamics writes: a String Data in a cell with no attribute but a plain style name. */
const PLAIN_CELL = '<Cell(?: ss:StyleID="[\\w.-]*")?><Data ss:Type="String">([^<]*)</Data></Cell>';
/** Rows of that many plain cells are matched by one expression each (more go cell by cell). */
const MOST_PLAIN_CELLS = 64;

/** A whole row of `count` plain cells, with each cell's raw text captured. */
function plainRow(count: number): RegExp {
  return new RegExp(`<Row(?: [\\w:.-]+="[^"<]*")*>${PLAIN_CELL.repeat(count)}</Row>`, 'y');
}

/**
 * The row last read whole; reused from row to row. A row shaped like the one before it, all
 * plain cells, is matched by one regular expression; others are walked cell by cell, and the
 * walk is redone on demand when a row matched whole must be laid out for a patch.
 */
export class WholeRows implements RowCells {
  private readonly rowTag = new StartTags('Row');
  private readonly cellTag = new StartTags('Cell');
  private readonly dataTag = new StartTags('Data');
  private readonly nums: number[] = [];
  private readonly attrs: string[] = [];
  private readonly texts: string[] = [];
  private count = 0;
  private base = 0;
  private closeStart = 0;
  private readonly plainRows = new Map<number, RegExp>();
  /** Cells in the last row walked when all were plain (0: none), the shape tried first. */
  private plainCount = 0;
  /** The row matched whole, to be walked if its layout is asked for; undefined once walked. */
  private matchedIn: string | undefined;
  private matchedAt = 0;

  /**
   * Reads the row whose `<Row` is at `lt` in `buf` (which starts at absolute offset `base`):
   * returns the offset of the `>` ending its `</Row>`, or -1 to leave it to the general scanner.
   */
  read(buf: string, lt: number, base: number): number {
    this.base = base;
    this.matchedIn = undefined;
    const end = this.match(buf, lt);
    if (end !== -1) return end;
    const walked = this.walk(buf, lt);
    // A row left to the scanner (often one not all in the buffer yet) does not change the shape tried.
    if (walked !== -1) this.plainCount = this.allPlain() ? this.count : 0;
    return walked;
  }

  /** Tries the shape of the row before: `count` plain cells. */
  private match(buf: string, lt: number): number {
    const count = this.plainCount;
    if (count === 0) return -1;
    let re = this.plainRows.get(count);
    if (re === undefined) {
      re = plainRow(count);
      this.plainRows.set(count, re);
    }
    re.lastIndex = lt;
    const m = re.exec(buf);
    if (m === null) return -1;
    for (let i = 0; i < count; i++) {
      const decoded = decodeXmlText(m[i + 1] ?? '');
      if (typeof decoded !== 'string') return -1;
      this.texts[i] = decoded;
      this.nums[i * STRIDE + INDEX] = i + 1;
    }
    this.count = count;
    this.matchedIn = buf;
    this.matchedAt = lt;
    return re.lastIndex - 1;
  }

  private allPlain(): boolean {
    if (this.count === 0 || this.count > MOST_PLAIN_CELLS) return false;
    for (let i = 0; i < this.count; i++) {
      const n = i * STRIDE;
      if (this.nums[n + INDEX] !== i + 1 || this.nums[n + FLAGS] !== PLAIN_STRING) return false;
    }
    return true;
  }

  /** Reads the row cell by cell, keeping every offset. */
  private walk(buf: string, lt: number): number {
    this.count = 0;
    if (!this.rowTag.read(buf, lt) || this.rowTag.selfClosing) return -1;
    const cellTag = this.cellTag;
    const dataTag = this.dataTag;
    let p = skipSpace(buf, this.rowTag.gt + 1);
    let nextColumn = 1;
    while (!buf.startsWith('</Row>', p)) {
      if (!cellTag.read(buf, p)) return -1;
      const k = cellTag.attrs;
      const index = k.index === undefined ? nextColumn : Number(k.index);
      if (!Number.isInteger(index) || index < nextColumn) return -1;
      nextColumn = index + k.width;
      const n = this.count * STRIDE;
      const nums = this.nums;
      const tagEnd = cellTag.gt + 1;
      nums[n + INDEX] = index;
      nums[n + WIDTH] = k.width;
      nums[n + START] = p;
      nums[n + TAG_END] = tagEnd;
      nums[n + DATA_START] = -1;
      this.attrs[this.count] = k.text;
      let text = '';
      let flags = 0;
      if (cellTag.selfClosing) {
        nums[n + CLOSE_START] = tagEnd;
        nums[n + END] = tagEnd;
        flags = SELF_CLOSING;
        p = tagEnd;
      } else {
        p = skipSpace(buf, tagEnd);
        if (dataTag.read(buf, p)) {
          if (dataTag.selfClosing) return -1;
          const innerStart = dataTag.gt + 1;
          const innerEnd = buf.indexOf('<', innerStart);
          if (innerEnd === -1 || !buf.startsWith('</Data>', innerEnd)) return -1;
          const decoded = decodeXmlText(buf.slice(innerStart, innerEnd));
          if (typeof decoded !== 'string') return -1;
          text = decoded;
          if (dataTag.attrs.plainString) flags = PLAIN_STRING;
          nums[n + DATA_START] = p;
          nums[n + INNER_START] = innerStart;
          nums[n + INNER_END] = innerEnd;
          nums[n + DATA_END] = innerEnd + 7;
          p = skipSpace(buf, innerEnd + 7);
        }
        if (!buf.startsWith('</Cell>', p)) return -1;
        nums[n + CLOSE_START] = p;
        nums[n + END] = p + 7;
        p += 7;
      }
      nums[n + FLAGS] = flags;
      this.texts[this.count] = text;
      this.count++;
      p = skipSpace(buf, p);
    }
    this.closeStart = p;
    return p + 5;
  }

  textAt(column: number): string | undefined {
    for (let i = 0; i < this.count; i++) {
      const index = this.nums[i * STRIDE + INDEX] ?? 0;
      if (index === column) return this.texts[i];
      if (index > column) return undefined;
    }
    return undefined;
  }

  layout(): RowLayout {
    if (this.matchedIn !== undefined) {
      if (this.walk(this.matchedIn, this.matchedAt) === -1)
        throw new Error('a row matched whole does not walk');
      this.matchedIn = undefined;
    }
    const cells: CellSpan[] = [];
    const at = (n: number): number => this.base + (this.nums[n] ?? 0);
    for (let i = 0; i < this.count; i++) {
      const n = i * STRIDE;
      const flags = this.nums[n + FLAGS] ?? 0;
      cells.push({
        index: this.nums[n + INDEX] ?? 0,
        width: this.nums[n + WIDTH] ?? 1,
        start: at(n + START),
        end: at(n + END),
        tagEnd: at(n + TAG_END),
        closeStart: at(n + CLOSE_START),
        selfClosing: (flags & SELF_CLOSING) !== 0,
        prefix: '',
        attrs: this.attrs[i] ?? '',
        data:
          this.nums[n + DATA_START] === -1
            ? undefined
            : {
                start: at(n + DATA_START),
                end: at(n + DATA_END),
                innerStart: at(n + INNER_START),
                innerEnd: at(n + INNER_END),
                plainString: (flags & PLAIN_STRING) !== 0,
              },
        text: this.texts[i] ?? '',
      });
    }
    return { cells, closeStart: this.base + this.closeStart };
  }
}
