/**
 * A translator's workbook saved in another format (LibreOffice's .ods, Excel 97–2003's .xls, a
 * .csv) is told so in one line, whatever command it is given to: crmkit reads workbooks as .xlsx
 * only, and the other formats lose the hidden sheet and row tokens import relies on.
 */
import { CrmKitError } from '../errors';
import type { NamedFile } from '../fs/open-input';

const FORMATS: Readonly<Record<string, string>> = {
  ods: 'an OpenDocument spreadsheet (.ods)',
  fods: 'an OpenDocument spreadsheet (.fods)',
  xls: 'an Excel 97-2003 workbook (.xls)',
  csv: 'a CSV file (.csv)',
};

/**
 * Throws NOT_A_WORKBOOK (exit 3) for a spreadsheet of another format. `as` says what the input
 * stands for: a workbook (check, import), or the translations file (--into, export's input).
 */
export function refuseOtherSpreadsheet(file: NamedFile, as: 'workbook' | 'translations'): void {
  const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  const what = extension === undefined ? undefined : FORMATS[extension];
  if (what === undefined) return;
  const role =
    as === 'workbook'
      ? 'crmkit reads workbooks as .xlsx only'
      : 'not an "Export Translations" zip; a translator\'s workbook is read as .xlsx only';
  throw new CrmKitError(
    'NOT_A_WORKBOOK',
    `${file.name}: ${what}, ${role}: open it and save it as .xlsx (Excel workbook)`,
  );
}
