/**
 * A sheet's notes (cell comments) as the two parts exceljs's comments writer makes: comments XML
 * and the VML drawing of their shapes. An export with --memory writes one note per suggestion, a
 * quarter of a million at 200,000 labels: 240 MB of text, nearly all of it the same few hundred
 * bytes over and over. So each note is written as bytes straight into the part's buffer: the
 * shapes' fixed pieces copied, their numbers written digit by digit, each note text encoded once.
 * The text of one note (commentXml, vmlShapeXml) is the reference these bytes must equal
 * (test/labels/workbook/note-parts.test.ts), as it must equal exceljs's own renderers'.
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { addSheetNoteParts, decodeAddress, xmlEncode } from './exceljs-internals';

/** The notes of one sheet (sheet-notes.ts): how many, and each one's cell and text. */
export interface SheetNotes {
  readonly count: number;
  /** The `i`-th note's row number (1 for the first row). */
  row(i: number): number;
  /** The `i`-th note's column letters. */
  letters(i: number): string;
  /** The `i`-th note's text as written. */
  text(i: number): string;
  /** A number shared by the notes of one text, and by them only. */
  textKey(i: number): number;
}

export const COMMENTS_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<authors><author>Author</author></authors><commentList>';
export const COMMENTS_CLOSE = '</commentList></comments>';
export const VML_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<xml xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1" /></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter" /><v:path gradientshapeok="t" o:connecttype="rect" /></v:shapetype>';
export const VML_CLOSE = '</xml>';

/** A note as exceljs's CommentXform renders it: these two around the cell's address, then commentBody. */
const COMMENT_OPEN = '<comment ref="';
const COMMENT_AFTER_REF = '" authorId="0"><text><r>';

/** A note's XML after its cell: its text as one run (`xml:space` kept for surrounding white space or a line break). */
function commentBody(text: string): string {
  const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${space}>${xmlEncode(text)}</t></r></text></comment>`;
}

/** A note as exceljs's CommentXform renders it. */
export function commentXml(ref: string, text: string): string {
  return COMMENT_OPEN + xmlEncode(ref) + COMMENT_AFTER_REF + commentBody(text);
}

/**
 * A note's shape as exceljs's VmlShapeXform renders the notes this writer makes (hidden, default
 * size and anchor, locked, moving and sizing with the cells): these pieces with the numbers of
 * shapeNumbers between them.
 */
const SHAPE_PIECES: readonly string[] = [
  '<v:shape id="_x0000_s',
  '" type="#_x0000_t202" style="position:absolute; ' +
    'margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" ' +
    'fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">' +
    '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/>' +
    '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm">' +
    '<div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/>' +
    '<x:SizeWithCells/><x:Anchor>',
  ', 6, ',
  ', 14, ',
  ', 2, ',
  ', 16</x:Anchor><x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>',
  '</x:Row><x:Column>',
  '</x:Column></x:ClientData></v:shape>',
];

/** The numbers of the `index`-th note's shape, at row `row` and column `col` (1-based), into `into`. */
function shapeNumbers(row: number, col: number, index: number, into: number[] = []): number[] {
  const top = Math.max(row - 2, 0);
  into[0] = 1025 + index;
  into[1] = col;
  into[2] = top;
  into[3] = col + 2;
  into[4] = top + 4;
  into[5] = row - 1;
  into[6] = col - 1;
  return into;
}

/** The VML shape of the `index`-th note of a sheet, at cell `ref`. */
export function vmlShapeXml(ref: string, index: number): string {
  const { row, col } = decodeAddress(ref);
  let xml = SHAPE_PIECES[0]!;
  shapeNumbers(row, col, index).forEach((n, i) => (xml += String(n) + SHAPE_PIECES[i + 1]!));
  return xml;
}

/** Bytes of a part handed on at a time (about). */
const PIECE = 256 * 1024;

/** A part's bytes, written into buffers of about PIECE handed on as they fill. */
class PartBytes {
  private buf = Buffer.allocUnsafe(PIECE);
  private pos = 0;

  /** Makes room for `n` more bytes; returns the full buffer to hand on first, if any. */
  room(n: number): Buffer | undefined {
    if (this.pos + n <= this.buf.length) return undefined;
    const full = this.take();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
    return full;
  }

  bytes(b: Uint8Array): void {
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** A non-negative integer in decimal digits. */
  digits(n: number): void {
    let length = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) length++;
    let at = (this.pos += length);
    do {
      this.buf[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.buf[this.pos++] = text.charCodeAt(i);
  }

  take(): Buffer | undefined {
    if (this.pos === 0) return undefined;
    const full = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(PIECE, this.buf.length));
    this.pos = 0;
    return full;
  }
}

/** Room a note's numbers, cell letters and row take at most (a number has at most 16 digits). */
const NUMBERS_ROOM = 16 * 8;

/** Note texts encoded once each, up to this many (then each note's is encoded as it is written). */
const KEPT_TEXTS = 4096;

/** The comments part: the opening, a `<comment>` per note, the close. */
export function* commentsPart(notes: SheetNotes): Generator<Buffer> {
  const out = new PartBytes();
  const open = Buffer.from(COMMENT_OPEN);
  const afterRef = Buffer.from(COMMENT_AFTER_REF);
  const bodies = new Map<number, Buffer>();
  yield Buffer.from(COMMENTS_OPEN);
  for (let i = 0; i < notes.count; i++) {
    const key = notes.textKey(i);
    let body = bodies.get(key);
    if (body === undefined) {
      body = Buffer.from(commentBody(notes.text(i)));
      if (bodies.size < KEPT_TEXTS) bodies.set(key, body);
    }
    const full = out.room(open.length + afterRef.length + NUMBERS_ROOM + body.length);
    if (full !== undefined) yield full;
    out.bytes(open);
    out.ascii(notes.letters(i));
    out.digits(notes.row(i));
    out.bytes(afterRef);
    out.bytes(body);
  }
  const last = out.take();
  if (last !== undefined) yield last;
  yield Buffer.from(COMMENTS_CLOSE);
}

/** The VML drawing part: the opening, a shape per note, the close. */
export function* vmlPart(notes: SheetNotes): Generator<Buffer> {
  const out = new PartBytes();
  const pieces = SHAPE_PIECES.map((p) => Buffer.from(p));
  const room = pieces.reduce((sum, p) => sum + p.length, NUMBERS_ROOM);
  const columns = new Map<string, number>();
  const numbers: number[] = [];
  yield Buffer.from(VML_OPEN);
  for (let i = 0; i < notes.count; i++) {
    const letters = notes.letters(i);
    let col = columns.get(letters);
    if (col === undefined) columns.set(letters, (col = decodeAddress(`${letters}1`).col));
    const full = out.room(room);
    if (full !== undefined) yield full;
    out.bytes(pieces[0]!);
    shapeNumbers(notes.row(i), col, i, numbers);
    for (let n = 0; n < numbers.length; n++) {
      out.digits(numbers[n]!);
      out.bytes(pieces[n + 1]!);
    }
  }
  const last = out.take();
  if (last !== undefined) yield last;
  yield Buffer.from(VML_CLOSE);
}

/** Adds a sheet's notes, if it has any, as its comments and VML drawing parts (see addSheetNoteParts). */
export function addSheetNotes(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  ws: Worksheet,
  notes: SheetNotes,
): void {
  if (notes.count === 0) return;
  addSheetNoteParts(workbook, ws, { comments: commentsPart(notes), vml: vmlPart(notes) });
}
