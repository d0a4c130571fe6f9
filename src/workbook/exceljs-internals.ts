/**
 * The few parts of exceljs's streaming writer (4.4) that its typings do not show and this
 * writer relies on. Kept in one place, typed, so that an exceljs upgrade is checked here (and by
 * the workbook tests, which read the output with SheetJS and LibreOffice).
 */
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
  _sheetCommentsWriter: { addComments: (comments: object[]) => void };
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

/** A cell note ("comment"), in the model exceljs's comments writer takes. */
export function addNotes(ws: Worksheet, notes: readonly { ref: string; text: string }[]): void {
  if (notes.length === 0) return;
  const sheet = ws as unknown as SheetInternals;
  sheet.hasComments = true;
  sheet._sheetCommentsWriter.addComments(
    notes.map(({ ref, text }) => ({
      ref,
      type: 'note',
      note: {
        texts: [{ text }],
        margins: { insetmode: 'auto', inset: [0.13, 0.13, 0.25, 0.25] },
        protection: { locked: 'True', lockText: 'True' },
        editAs: 'absolute',
      },
    })),
  );
}
