/**
 * Reads a translator's workbook back: the hidden meta sheet first, then each label sheet row by
 * row (streamed; only the shared strings table is held). Rows are identified by their key cells,
 * so sorted, filtered, hidden or deleted rows are harmless. Problems are collected with their
 * place; a row with a problem is reported and not passed on.
 */
import { CrmKitError } from '../../errors';
import { LABEL_SHEETS } from '../crm-xml/model';
import { explainChangedKeys } from './changed-keys';
import { LabelRowReader } from './label-rows';
import { META_SHEET, sheetLayout } from './layout';
import { parseMeta, refuseMissingLabelSheets } from './meta';
import {
  defaultPackageLimits,
  openWorkbookPackage,
  type PackageLimits,
  type WorkbookPackage,
  type WorkbookSource,
} from './package-entries';
import { readPackageParts, readSharedStrings } from './package-parts';
import { refuseMovedLabelSheets } from './sheet-names';
import { cellAt, readSheetRows, type ReadSheetOptions } from './sheet-rows';
import type { WorkbookMeta, WorkbookProblem, WorkbookReadResult, WorkbookRow } from './types';

export interface ReadWorkbookOptions {
  /** Called once with the meta, after it is read and before the first row. */
  onMeta?: (meta: WorkbookMeta) => void;
  limits?: PackageLimits;
  /** Largest workbook file accepted, in bytes (default 1 GiB). */
  maxFileBytes?: number;
  /** Scan the label sheets in a worker thread (see sheet-rows.ts `ReadSheetOptions`). */
  sheets?: ReadSheetOptions;
}

/**
 * Reads a workbook written by createWorkbookWriter (or re-saved by Excel, LibreOffice…), calling
 * onRow for every label row in sheet order. Rows with a problem (codes FORMULA, KEY_CHANGED,
 * TOKEN_MISSING) are listed in the result and not passed to onRow. Throws CrmKitError
 * NOT_A_WORKBOOK (not an xlsx, no meta sheet), WORKBOOK_LAYOUT (a crmkit workbook whose label
 * sheet was renamed or deleted — named by the meta's record of the sheets written — or whose
 * header row changed), XML_DOCTYPE, ZIP_TOO_LARGE.
 */
export async function readWorkbook(
  input: WorkbookSource,
  fileName: string,
  onRow: (row: WorkbookRow) => void,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookReadResult> {
  const limits = options.limits ?? defaultPackageLimits;
  const pkg = await openWorkbookPackage(input, fileName, limits, options.maxFileBytes ?? 1024 ** 3);
  try {
    return await readPackage(pkg, fileName, onRow, options);
  } finally {
    await pkg.close();
  }
}

async function readPackage(
  pkg: WorkbookPackage,
  fileName: string,
  onRow: (row: WorkbookRow) => void,
  options: ReadWorkbookOptions,
): Promise<WorkbookReadResult> {
  const parts = await readPackageParts(pkg, fileName);
  const partOf = (part: string): string => {
    if (!pkg.has(part)) throw new CrmKitError('NOT_A_WORKBOOK', `${fileName}: the part ${part} is missing`);
    return part;
  };

  const labelSheets = LABEL_SHEETS.flatMap((name) => {
    const sheet = parts.sheets.find((s) => s.name === name);
    return sheet === undefined ? [] : [{ name, part: sheet.part }];
  });
  const metaSheet = parts.sheets.find((s) => s.name === META_SHEET);
  if (metaSheet === undefined) {
    throw new CrmKitError(
      'NOT_A_WORKBOOK',
      labelSheets.length === 0
        ? `${fileName}: no "Localized Labels" or "Display Strings" sheet; is this a workbook exported by crmkit labels export?`
        : `${fileName}: the hidden sheet "${META_SHEET}" is missing; export the workbook again with crmkit labels export`,
    );
  }
  const shared =
    parts.sharedStringsPart !== undefined && pkg.has(parts.sharedStringsPart)
      ? await readSharedStrings(pkg, parts.sharedStringsPart, fileName)
      : [];
  // Our own workbook: a label sheet renamed or deleted would lose its translations silently.
  await refuseMovedLabelSheets(pkg, parts.sheets, fileName, shared);

  const pairs = new Map<string, string>();
  await readSheetRows(pkg, partOf(metaSheet.part), fileName, shared, (row) => {
    const field = cellAt(row, 1);
    if (field !== '') pairs.set(field, cellAt(row, 2));
  });
  const meta = parseMeta(pairs, fileName);
  refuseMissingLabelSheets(meta, parts.sheets, fileName);
  options.onMeta?.(meta);

  const problems: WorkbookProblem[] = [];
  for (const { name, part } of labelSheets) {
    const reader = new LabelRowReader(fileName, name, meta, problems, onRow);
    const layout = sheetLayout(name, meta.baseLcid, meta.languages);
    const hashing = {
      sheet: name,
      keyCount: layout.keyCount,
      targetCols: layout.targetCols,
      languages: meta.languages,
      tokenCol: layout.tokenCol,
    };
    await readSheetRows(pkg, partOf(part), fileName, shared, (row) => reader.row(row), {
      ...options.sheets,
      hashing,
    });
    reader.end();
    if (reader.changed.length > 0)
      await explainChangedKeys(pkg, part, fileName, shared, reader.changed, reader.keyCaptions());
  }
  return { meta, problems };
}
