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
  readonly stream: { write: (xml: string) => unknown };
  /** False until `<sheetData>` has been opened. */
  startedData: boolean;
  hasComments: boolean;
  _writeColumns: () => void;
  _writeOpenSheetData: () => void;
  _writeCloseSheetData: () => void;
  _sheetCommentsWriter: object;
  dataValidations: { add: (address: string, validation: DataValidation) => void };
}

/** exceljs's StreamBuf: what it holds, and the stream archiver reads it through. */
interface StreamBufInternals {
  buffers: readonly { length: number }[];
  /** archiver's PassThrough (from the readable-stream package, which has no writableLength). */
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
 * PassThrough archiver reads it through (which waits for the deflate stream behind it).
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

export function writeSheetXml(ws: Worksheet, xml: string): void {
  (ws as unknown as SheetInternals).stream.write(xml);
}

export function addDataValidation(ws: Worksheet, range: string, validation: DataValidation): void {
  (ws as unknown as SheetInternals).dataValidations.add(range, validation);
}

/** The notes of one sheet, kept compact until the sheet closes: cell and the note's text. */
export interface SheetNotes {
  refs: string[];
  texts: string[];
}

interface CommentsWriterInternals {
  /** The sheet's number, which names its comments and drawing parts. */
  readonly id: number;
  _addRelationships: () => void;
  _addCommentRefs: () => void;
}

interface XmlStreamInternals {
  readonly xml: string;
}

interface ArchiverInternals {
  append: (source: Readable, data: { name: string }) => void;
}

/* exceljs's own renderers of a note and of its VML shape, so that the parts are the ones it writes. */
const requireExceljs = createRequire(import.meta.url);
const XmlStream = requireExceljs('exceljs/lib/utils/xml-stream') as new () => XmlStreamInternals;
const CommentXform = requireExceljs('exceljs/lib/xlsx/xform/comment/comment-xform') as new () => {
  render: (stream: XmlStreamInternals, model: object) => void;
};
const VmlShapeXform = requireExceljs('exceljs/lib/xlsx/xform/comment/vml-shape-xform') as new () => {
  render: (stream: XmlStreamInternals, model: object, index: number) => void;
};
const colCache = requireExceljs('exceljs/lib/utils/col-cache') as { decodeAddress: (ref: string) => object };

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

/** Notes rendered this many at a time. */
const NOTES_PER_PIECE = 500;

function noteModel(ref: string, text: string): object {
  return {
    ref,
    refAddress: colCache.decodeAddress(ref),
    type: 'note',
    note: {
      texts: [{ text }],
      margins: { insetmode: 'auto', inset: [0.13, 0.13, 0.25, 0.25] },
      protection: { locked: 'True', lockText: 'True' },
      editAs: 'absolute',
    },
  };
}

/** A part's XML produced piece by piece as the zip reads it. */
function* notesPart(
  open: string,
  close: string,
  notes: SheetNotes,
  render: (stream: XmlStreamInternals, model: object, index: number) => void,
): Generator<Buffer> {
  yield Buffer.from(open);
  for (let from = 0; from < notes.refs.length; from += NOTES_PER_PIECE) {
    const stream = new XmlStream();
    const to = Math.min(notes.refs.length, from + NOTES_PER_PIECE);
    for (let i = from; i < to; i++) render(stream, noteModel(notes.refs[i]!, notes.texts[i]!), i);
    yield Buffer.from(stream.xml);
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
  if (notes.refs.length === 0) return;
  const sheet = ws as unknown as SheetInternals;
  const writer = sheet._sheetCommentsWriter as unknown as CommentsWriterInternals;
  writer._addRelationships();
  writer._addCommentRefs();
  sheet.hasComments = true;
  const zip = (workbook as unknown as { zip: ArchiverInternals }).zip;
  const comment = new CommentXform();
  const shape = new VmlShapeXform();
  zip.append(
    Readable.from(
      notesPart(COMMENTS_OPEN, '</commentList></comments>', notes, (s, m) => comment.render(s, m)),
      { objectMode: false },
    ),
    { name: `/xl/comments${writer.id}.xml` },
  );
  zip.append(
    Readable.from(
      notesPart(VML_OPEN, '</xml>', notes, (s, m, i) => shape.render(s, m, i)),
      { objectMode: false },
    ),
    { name: `xl/drawings/vmlDrawing${writer.id}.vml` },
  );
}
