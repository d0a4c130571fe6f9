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

/* exceljs's XML text escaping and cell address decoding, so that the notes' parts (note-parts.ts)
   are the ones its comment and VML shape renderers write. */
const requireExceljs = createRequire(import.meta.url);
const colCache = requireExceljs('exceljs/lib/utils/col-cache') as {
  decodeAddress: (ref: string) => { row: number; col: number };
};
const exceljsUtils = requireExceljs('exceljs/lib/utils/utils') as { xmlEncode: (text: string) => string };

/** exceljs's escaping of XML text. */
export const xmlEncode = (text: string): string => exceljsUtils.xmlEncode(text);

/** exceljs's reading of a cell address (`E14`: row 14, column 5). */
export const decodeAddress = (ref: string): { row: number; col: number } => colCache.decodeAddress(ref);

/**
 * Adds a sheet's notes (cell comments) as its comments and VML drawing parts, the ones exceljs's
 * comments writer makes, given as their bytes (note-parts.ts). exceljs writes them into parts the
 * zip only reads once the sheet's own part is finished, so all of them would wait in memory; here
 * they are produced only as the zip reads them. Call before the sheet is committed (its XML then
 * refers to the drawing).
 */
export function addSheetNoteParts(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  ws: Worksheet,
  parts: { comments: Iterable<Buffer>; vml: Iterable<Buffer> },
): void {
  const sheet = ws as unknown as SheetInternals;
  const writer = sheet._sheetCommentsWriter as unknown as CommentsWriterInternals;
  writer._addRelationships();
  writer._addCommentRefs();
  sheet.hasComments = true;
  const zip = (workbook as unknown as { zip: ArchiverInternals }).zip;
  zip.append(Readable.from(parts.comments, { objectMode: false }), { name: `/xl/comments${writer.id}.xml` });
  zip.append(Readable.from(parts.vml, { objectMode: false }), {
    name: `xl/drawings/vmlDrawing${writer.id}.vml`,
  });
}
