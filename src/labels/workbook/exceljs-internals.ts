/**
 * The few parts of exceljs's streaming writer (4.4.0) that its typings do not show and this
 * writer relies on. Kept in one place, typed, so that an exceljs upgrade is checked here. That is
 * why package.json pins exceljs to one exact version: test/labels/workbook/exceljs-internals.test.ts
 * names each part used here and fails saying which one changed (the workbook tests, which read the
 * output with SheetJS and LibreOffice, check the result).
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { DataValidation, Style, Worksheet } from 'exceljs';

/** exceljs's ValueType.String: style ids of text cells carry no number format. */
const STRING_CELL = 3;

interface SheetInternals {
  /** The worksheet part's stream; rows are written into it as XML text. */
  readonly stream: { write: (xml: string | Buffer) => unknown };
  /** False until `<sheetData>` has been opened. */
  startedData: boolean;
  hasComments: boolean;
  _writeColumns: () => void;
  _writeOpenSheetData: () => void;
  _writeCloseSheetData: () => void;
  _sheetCommentsWriter: object;
  dataValidations: { add: (address: string, validation: DataValidation) => void };
}

/** exceljs's StreamBuf: what it holds, and the stream the zip reads it through. */
interface StreamBufInternals {
  buffers: readonly { length: number }[];
  /** The zip's PassThrough (useStreamZip). */
  pipes: readonly { _writableState?: { length: number }; _readableState?: { length: number } }[];
}

interface BookInternals {
  styles: { addStyleModel: (style: Partial<Style>, cellType: number) => number };
  _definedNames: object;
}

export interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId: number;
}

/** The style id (`s="…"`) exceljs gives a style object, registering it in styles.xml. */
export function styleId(workbook: ExcelJS.stream.xlsx.WorkbookWriter, style: Partial<Style>): number {
  return (workbook as unknown as BookInternals).styles.addStyleModel(style, STRING_CELL);
}

/**
 * Excel and LibreOffice tie a sheet's autofilter to a sheet-local defined name
 * `_xlnm._FilterDatabase` (LibreOffice drops the filter without it). The streaming writer has no
 * sheet-local names, so the list it renders into workbook.xml is supplied here.
 */
export function definedNamesList(workbook: ExcelJS.stream.xlsx.WorkbookWriter): DefinedNameModel[] {
  const names: DefinedNameModel[] = [];
  const holder = (workbook as unknown as BookInternals)._definedNames;
  Object.defineProperty(holder, 'model', { get: () => names, configurable: true });
  return names;
}

/** Opens `<sheetData>` (after the column definitions) so that rows can be written as XML. */
export function openSheetData(ws: Worksheet): void {
  const sheet = ws as unknown as SheetInternals;
  if (sheet.startedData) return;
  sheet._writeColumns();
  sheet._writeOpenSheetData();
  sheet.startedData = true;
}

/**
 * Bytes of sheet XML written but not yet compressed: held by the sheet's StreamBuf and by the
 * PassThrough the zip reads it through (which waits for the deflate stream behind it).
 */
export function pendingSheetBytes(ws: Worksheet): number {
  const stream = (ws as unknown as SheetInternals).stream as unknown as StreamBufInternals;
  let bytes = 0;
  for (const buffer of stream.buffers) bytes += buffer.length;
  for (const pipe of stream.pipes) {
    bytes += (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
  }
  return bytes;
}

/**
 * Protects the sheet without a password, allowing what `allowed` names (e.g. `sort`,
 * `autoFilter`, `formatColumns`). The element is written right after `</sheetData>`, where the
 * OOXML schema wants it: exceljs's own protect() writes it after the data validations, an order
 * Excel repairs on opening.
 */
export function protectSheet(ws: Worksheet, allowed: readonly string[]): void {
  const sheet = ws as unknown as SheetInternals;
  const closeSheetData = sheet._writeCloseSheetData.bind(sheet);
  const attributes = allowed.map((name) => ` ${name}="0"`).join('');
  sheet._writeCloseSheetData = () => {
    closeSheetData();
    sheet.stream.write(`<sheetProtection sheet="1" objects="1" scenarios="1"${attributes}/>`);
  };
}

/**
 * Writes sheet XML. The stream (a StreamBuf in batch mode, piped into the zip from the start) has
 * copied a Buffer it is given by the time this returns, so the caller may reuse it.
 */
export function writeSheetXml(ws: Worksheet, xml: string | Buffer): void {
  (ws as unknown as SheetInternals).stream.write(xml);
}

export function addDataValidation(ws: Worksheet, range: string, validation: DataValidation): void {
  (ws as unknown as SheetInternals).dataValidations.add(range, validation);
}

/** The notes of one sheet (see sheet-notes.ts): how many, and each one's cell and text. */
export interface SheetNotes {
  readonly count: number;
  /** The `i`-th note's cell, e.g. `E14`. */
  ref(i: number): string;
  /** The `i`-th note's text as written. */
  text(i: number): string;
}

/** The zip a streaming WorkbookWriter appends its parts to (exceljs-writer.ts puts crmkit's in place). */
interface ArchiverInternals {
  append: (source: Readable, data: { name: string }) => void;
}

interface CommentsWriterInternals {
  /** The sheet's number, which names its comments and drawing parts. */
  readonly id: number;
  _addRelationships: () => void;
  _addCommentRefs: () => void;
}

/* exceljs's XML text escaping and cell address decoding, so that the notes' parts are the ones its
   comment and VML shape renderers write: commentXml and vmlShapeXml below write them as text, 30
   times faster (test/labels/workbook/note-xml.test.ts compares them with those renderers). */
const requireExceljs = createRequire(import.meta.url);
const colCache = requireExceljs('exceljs/lib/utils/col-cache') as {
  decodeAddress: (ref: string) => { row: number; col: number };
};
const exceljsUtils = requireExceljs('exceljs/lib/utils/utils') as { xmlEncode: (text: string) => string };

const COMMENTS_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<authors><author>Author</author></authors><commentList>';
const VML_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<xml xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1" /></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter" /><v:path gradientshapeok="t" o:connecttype="rect" /></v:shapetype>';

/**
 * A note as exceljs's CommentXform renders it (one text run; `xml:space` kept when the text has
 * surrounding white space or a line break).
 */
export function commentXml(ref: string, text: string): string {
  const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return (
    `<comment ref="${exceljsUtils.xmlEncode(ref)}" authorId="0"><text><r>` +
    `<t${space}>${exceljsUtils.xmlEncode(text)}</t></r></text></comment>`
  );
}

/**
 * The VML shape of the `index`-th note of a sheet, at cell `ref`, as exceljs's VmlShapeXform
 * renders the notes this writer makes (hidden, default size and anchor, locked, moving and sizing
 * with the cells).
 */
export function vmlShapeXml(ref: string, index: number): string {
  const { row, col } = colCache.decodeAddress(ref);
  const top = Math.max(row - 2, 0);
  return (
    `<v:shape id="_x0000_s${1025 + index}" type="#_x0000_t202" style="position:absolute; ` +
    'margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" ' +
    'fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">' +
    '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/>' +
    '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm">' +
    '<div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/>' +
    `<x:SizeWithCells/><x:Anchor>${col}, 6, ${top}, 14, ${col + 2}, 2, ${top + 4}, 16</x:Anchor>` +
    '<x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText>' +
    `<x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

/** Notes rendered this many at a time. */
const NOTES_PER_PIECE = 500;

/** A part's XML produced piece by piece as the zip reads it. */
function* notesPart(
  open: string,
  close: string,
  notes: SheetNotes,
  render: (ref: string, index: number) => string,
): Generator<Buffer> {
  yield Buffer.from(open);
  for (let from = 0; from < notes.count; from += NOTES_PER_PIECE) {
    const to = Math.min(notes.count, from + NOTES_PER_PIECE);
    let xml = '';
    for (let i = from; i < to; i++) xml += render(notes.ref(i), i);
    yield Buffer.from(xml);
  }
  yield Buffer.from(close);
}

/**
 * Adds a sheet's notes (cell comments) as its comments and VML drawing parts, the ones exceljs's
 * comments writer makes. exceljs writes them into parts the zip only reads once the sheet's own
 * part is finished, so all of them would wait in memory; here they are produced only as the zip
 * reads them. Call before the sheet is committed (its XML then refers to the drawing).
 */
export function addSheetNotes(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  ws: Worksheet,
  notes: SheetNotes,
): void {
  if (notes.count === 0) return;
  const sheet = ws as unknown as SheetInternals;
  const writer = sheet._sheetCommentsWriter as unknown as CommentsWriterInternals;
  writer._addRelationships();
  writer._addCommentRefs();
  sheet.hasComments = true;
  const zip = (workbook as unknown as { zip: ArchiverInternals }).zip;
  zip.append(
    Readable.from(
      notesPart(COMMENTS_OPEN, '</commentList></comments>', notes, (ref, i) =>
        commentXml(ref, notes.text(i)),
      ),
      { objectMode: false },
    ),
    { name: `/xl/comments${writer.id}.xml` },
  );
  zip.append(
    Readable.from(
      notesPart(VML_OPEN, '</xml>', notes, (ref, i) => vmlShapeXml(ref, i)),
      { objectMode: false },
    ),
    { name: `xl/drawings/vmlDrawing${writer.id}.vml` },
  );
}
