/**
 * How a label sheet looks on screen and on paper: the frozen header row, the active cell, the
 * print setup (landscape, one page wide, header row on every page), what the protection allows,
 * and which sheet the workbook opens on.
 */
import type { AddWorksheetOptions, WorkbookView } from 'exceljs';
import type { DefinedNameModel } from './exceljs-internals';
import type { SheetLayout } from './layout';

/**
 * What a translator may do on the protected sheet. Sorting is left out on purpose: Excel refuses
 * to sort a range that holds locked cells on a protected sheet whatever this list says, and it
 * would sort a translation column alone (detached from its keys) — so the guide says to switch the
 * protection off (no password) to sort whole rows.
 */
export const LABEL_SHEET_ALLOWS = ['formatColumns', 'formatRows', 'autoFilter'] as const;

/**
 * The view and print setup of a label sheet. Only the header row is frozen, so that scrolling
 * right brings the context, the base text and the translations side by side (frozen key columns,
 * a GUID wide, would take a third of a laptop screen).
 */
export function labelSheetOptions(
  layout: SheetLayout,
  letters: readonly string[],
): Partial<AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: `${letters[layout.baseCol + 1]}2` }],
    pageSetup: { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 },
  };
}

/** The sheet-local `_xlnm.Print_Titles` name that repeats the header row on every printed page. */
export function printTitles(layout: SheetLayout, sheetIndex: number): DefinedNameModel {
  return { name: '_xlnm.Print_Titles', ranges: [`'${layout.sheet}'!$1:$1`], localSheetId: sheetIndex };
}

/**
 * The workbook view opening on the sheet with the most rows (the first when they tie). No sheet
 * carries `tabSelected`: the sheets are streamed before their sizes are known, and where the two
 * disagree the workbook's `activeTab` wins (ECMA-376, `sheetView@tabSelected`).
 */
export function openingView(rowsPerSheet: readonly number[]): WorkbookView {
  let active = 0;
  rowsPerSheet.forEach((rows, i) => {
    if (rows > (rowsPerSheet[active] ?? 0)) active = i;
  });
  return { x: 0, y: 0, width: 28800, height: 17600, firstSheet: 0, activeTab: active, visibility: 'visible' };
}
