/**
 * A translator's workbook whose label sheet was renamed, deleted or copied would lose its
 * translations without a word: the reader reads sheets by name. Before any row is read, every
 * sheet that is neither a label sheet nor the meta sheet is looked at (its first row only): one
 * that carries crmkit's label header is a label sheet under another name, and the workbook is
 * refused with the names expected and found.
 */
import { CrmKitError } from '../../errors';
import { LABEL_SHEETS, type LabelSheet } from '../crm-xml/model';
import { isCaption } from './captions';
import { META_SHEET } from './layout';
import type { WorkbookPackage } from './package-entries';
import type { SheetPart } from './package-parts';
import { cellAt, readSheetRows, type RawRow } from './sheet-rows';

/** Which label sheet a header row belongs to, by its key captions (any of the four languages). */
export function labelSheetOfHeader(row: RawRow): LabelSheet | undefined {
  if (!isCaption('entity', cellAt(row, 1))) return undefined;
  if (isCaption('objectId', cellAt(row, 2)) && isCaption('column', cellAt(row, 3))) return 'Localized Labels';
  if (isCaption('displayStringKey', cellAt(row, 2))) return 'Display Strings';
  return undefined;
}

async function headerOf(
  pkg: WorkbookPackage,
  sheet: SheetPart,
  fileName: string,
  shared: readonly string[],
): Promise<LabelSheet | undefined> {
  if (!pkg.has(sheet.part)) return undefined;
  let found: LabelSheet | undefined;
  await readSheetRows(pkg, sheet.part, fileName, shared, (row) => {
    if (row.number === 1) found = labelSheetOfHeader(row);
    return false;
  });
  return found;
}

const quoted = (names: readonly string[]): string =>
  names.length === 0 ? 'no other sheet' : names.map((n) => `"${n}"`).join(', ');

/**
 * Throws WORKBOOK_LAYOUT when another sheet holds crmkit's label header, or when no label sheet
 * is left. A label sheet is written only when the file has such labels (or none at all), so the
 * absence of one of the two alone is not an error here; renamed, it is found by its header, and
 * deleted, by the meta sheet's record of the sheets written (meta.ts, read next).
 */
export async function refuseMovedLabelSheets(
  pkg: WorkbookPackage,
  sheets: readonly SheetPart[],
  fileName: string,
  shared: readonly string[],
): Promise<void> {
  const visible = sheets.filter((s) => s.name !== META_SHEET);
  const names = visible.map((s) => s.name);
  const others = visible.filter((s) => !(LABEL_SHEETS as readonly string[]).includes(s.name));
  for (const other of others) {
    const holds = await headerOf(pkg, other, fileName, shared);
    if (holds === undefined) continue;
    if (names.includes(holds)) {
      throw new CrmKitError(
        'WORKBOOK_LAYOUT',
        `${fileName}: the sheet "${other.name}" holds crmkit's "${holds}" rows, but only the sheet "${holds}" is read; ` +
          `copy its translations there and delete it`,
      );
    }
    throw new CrmKitError(
      'WORKBOOK_LAYOUT',
      `${fileName}: the sheet "${holds}" is missing (found ${quoted(names)}); the sheet "${other.name}" holds its rows: rename it back to "${holds}"`,
    );
  }
  if (!names.some((n) => (LABEL_SHEETS as readonly string[]).includes(n))) {
    throw new CrmKitError(
      'WORKBOOK_LAYOUT',
      `${fileName}: the sheet "Localized Labels" is missing (found ${quoted(names)}); rename it back, or export the workbook again`,
    );
  }
}
