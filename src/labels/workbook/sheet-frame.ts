/**
 * Everything of a sheet except its data rows: frozen panes, column widths and styles, the
 * header row, and on closing the autofilter, the length validation and the protection; and the
 * very hidden meta sheet.
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { WorkbookCaptions } from './captions';
import {
  addDataValidation,
  openSheetData,
  protectSheet,
  writeSheetXml,
  type DefinedNameModel,
} from './exceljs-internals';
import { isRightToLeft } from './languages';
import { META_SHEET, columnName, type SheetLayout } from './layout';
import { metaRows } from './meta';
import { LABEL_SHEET_ALLOWS, labelSheetOptions } from './sheet-view';
import { rowXml, textCellXml } from './row-xml';
import { targetRtlStyle, targetStyle } from './styles';
import type { WorkbookMeta } from './types';
import { MAX_LABEL_LENGTH } from '../crm-xml/model';

// Excel's validation tells the translator about Dynamics' limit while typing.
export { MAX_LABEL_LENGTH };

/** Adds a label sheet and writes its header row; data rows follow as XML. */
export function openLabelWorksheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  layout: SheetLayout,
  letters: readonly string[],
  headerStyleId: number,
): Worksheet {
  const ws = workbook.addWorksheet(layout.sheet, labelSheetOptions(layout, letters));
  const targetCols = new Map(layout.targetCols.map((t) => [t.col, t.lcid]));
  // Column styles matter: a translation left empty has no cell, and takes its column's style.
  ws.columns = layout.widths.map((width, i) => {
    const lcid = targetCols.get(i + 1);
    const style = lcid === undefined ? {} : isRightToLeft(lcid) ? targetRtlStyle : targetStyle;
    return { width, hidden: i + 1 === layout.tokenCol, style };
  });
  openSheetData(ws);
  let header = '';
  layout.captions.forEach((caption, i) => {
    header += textCellXml(`${letters[i + 1]}1`, headerStyleId, caption);
  });
  writeSheetXml(ws, rowXml(1, header));
  return ws;
}

/**
 * Adds the autofilter, the length validation and the protection, and commits the sheet.
 * Returns the sheet-local `_xlnm._FilterDatabase` name the filter needs in workbook.xml.
 */
export function closeLabelWorksheet(
  ws: Worksheet,
  layout: SheetLayout,
  rows: number,
  words: WorkbookCaptions,
  sheetIndex: number,
): DefinedNameModel {
  const lastRow = rows + 1;
  // The filter covers the hidden token column too: sorting from a filter arrow sorts the filter's
  // range only, and a token left behind would make every moved row read as a changed key.
  const lastCol = columnName(layout.tokenCol);
  ws.autoFilter = `A1:${lastCol}${lastRow}`;
  const first = layout.targetCols[0];
  const last = layout.targetCols[layout.targetCols.length - 1];
  if (first !== undefined && last !== undefined && rows > 0) {
    addDataValidation(ws, `${columnName(first.col)}2:${columnName(last.col)}${lastRow}`, {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [MAX_LABEL_LENGTH],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: words.tooLongTitle,
      error: words.tooLong(MAX_LABEL_LENGTH),
      showInputMessage: false,
    });
  }
  protectSheet(ws, LABEL_SHEET_ALLOWS);
  ws.commit();
  return {
    name: '_xlnm._FilterDatabase',
    ranges: [`'${layout.sheet}'!$A$1:$${lastCol}$${lastRow}`],
    localSheetId: sheetIndex,
  };
}

/** The very hidden `_crmkit` sheet: one `field | value` text pair per row. */
export function writeMetaSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  meta: WorkbookMeta,
  styleId: number,
): void {
  const ws = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  ws.columns = [{ width: 16 }, { width: 70 }];
  openSheetData(ws);
  metaRows(meta).forEach(([field, value], i) => {
    const r = i + 1;
    writeSheetXml(ws, rowXml(r, textCellXml(`A${r}`, styleId, field) + textCellXml(`B${r}`, styleId, value)));
  });
  protectSheet(ws, []);
  ws.commit();
}
