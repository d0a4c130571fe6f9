/**
 * Reads a translator's workbook back: the hidden meta sheet first, then each label sheet row by
 * row (streamed; only the shared strings table is held). Rows are identified by their key cells,
 * so sorted, filtered, hidden or deleted rows are harmless. Problems are collected with their
 * place; a row with a problem is reported and not passed on.
 */
import { CrmKitError } from '../../errors';
import { LABEL_SHEETS, type LabelSheet, type Lcid } from '../crm-xml/model';
import { checkHeader } from './header';
import { META_SHEET, columnName, sheetLayout, type SheetLayout } from './layout';
import { parseMeta } from './meta';
import {
  defaultPackageLimits,
  openWorkbookPackage,
  type PackageLimits,
  type WorkbookPackage,
  type WorkbookSource,
} from './package-entries';
import { readPackageParts, readSharedStrings } from './package-parts';
import { refuseMovedLabelSheets } from './sheet-names';
import { cellAt, readSheetRows, type RawRow } from './sheet-rows';
import { keyHash, parseToken, textHash, textsHash } from './token';
import type { WorkbookMeta, WorkbookReadResult, WorkbookRow } from './types';

type ReadProblem = WorkbookReadResult['problems'][number];

export interface ReadWorkbookOptions {
  /** Called once with the meta, after it is read and before the first row. */
  onMeta?: (meta: WorkbookMeta) => void;
  limits?: PackageLimits;
  /** Largest workbook file accepted, in bytes (default 1 GiB). */
  maxFileBytes?: number;
}

/**
 * Reads a workbook written by createWorkbookWriter (or re-saved by Excel, LibreOffice…), calling
 * onRow for every label row in sheet order. Rows with a problem (codes FORMULA, KEY_CHANGED,
 * TOKEN_MISSING) are listed in the result and not passed to onRow. Throws CrmKitError
 * NOT_A_WORKBOOK (not an xlsx, no meta sheet), WORKBOOK_LAYOUT (a crmkit workbook whose label
 * sheet was renamed or deleted, or whose header row changed), XML_DOCTYPE, ZIP_TOO_LARGE.
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
  options.onMeta?.(meta);

  const problems: ReadProblem[] = [];
  for (const { name, part } of labelSheets) {
    const reader = new LabelRowReader(fileName, name, meta, problems, onRow);
    await readSheetRows(pkg, partOf(part), fileName, shared, (row) => reader.row(row));
    reader.end();
  }
  return { meta, problems };
}

/** Turns the raw rows of one label sheet into WorkbookRows, checking header, tokens and formulas. */
class LabelRowReader {
  private readonly layout: SheetLayout;
  private headerSeen = false;
  private readonly targetColumns: ReadonlySet<number>;
  /** Column letters by column number, computed once. */
  private readonly letters: readonly string[];

  constructor(
    private readonly fileName: string,
    private readonly sheet: LabelSheet,
    private readonly meta: WorkbookMeta,
    private readonly problems: ReadProblem[],
    private readonly onRow: (row: WorkbookRow) => void,
  ) {
    this.layout = sheetLayout(sheet, meta.baseLcid, meta.languages);
    this.targetColumns = new Set(this.layout.targetCols.map((t) => t.col));
    this.letters = Array.from({ length: this.layout.tokenCol + 1 }, (_, col) => columnName(col));
  }

  private where(cell?: string): string {
    return cell === undefined
      ? `${this.fileName} › ${this.sheet}`
      : `${this.fileName} › ${this.sheet}!${cell}`;
  }

  row(raw: RawRow): void {
    if (!this.headerSeen) {
      this.header(raw);
      return;
    }
    const { layout } = this;
    if (raw.formulaCols.length === 0 && raw.texts.every((t) => t === '')) return;

    const key = {
      sheet: this.sheet,
      entity: cellAt(raw, 1),
      objectId: cellAt(raw, 2),
      column: layout.keyCount === 3 ? cellAt(raw, 3) : '',
    };
    const token = parseToken(cellAt(raw, layout.tokenCol));
    if (token === undefined) {
      this.problem(
        raw,
        layout.tokenCol,
        'TOKEN_MISSING',
        'the row has no crmkit row token (was it added by hand?); it is ignored',
      );
      return;
    }
    if (token.keyHash !== keyHash(key)) {
      const message =
        'a key cell (Entity name, Object ID, Object Column Name / Display String Key) was changed; the row is ignored';
      this.problem(raw, 1, 'KEY_CHANGED', message);
      return;
    }
    for (const col of raw.formulaCols) {
      const message = this.targetColumns.has(col)
        ? 'a formula in a translation cell; type the text itself (start it with an apostrophe to keep a leading =)'
        : 'a formula in a locked cell';
      this.problem(raw, col, 'FORMULA', message);
    }
    if (raw.formulaCols.length > 0) return;

    const texts = new Map<Lcid, string>();
    const cells = new Map<Lcid, string>();
    const machine = new Map<Lcid, { provider: string; date: string; reviewed: boolean }>();
    for (const { lcid, col } of layout.targetCols) {
      const text = cellAt(raw, col);
      texts.set(lcid, text);
      cells.set(lcid, `${this.letters[col]!}${raw.number}`);
      const mark = this.meta.machine?.get(`${token.keyHash}:${lcid}`);
      if (mark !== undefined && text !== '') {
        machine.set(lcid, {
          provider: mark.provider,
          date: mark.date,
          reviewed: textHash(text) !== mark.textHash,
        });
      }
    }
    this.onRow({
      sheet: key.sheet,
      entity: key.entity,
      objectId: key.objectId,
      column: key.column,
      base: cellAt(raw, layout.baseCol),
      texts,
      cells,
      rowNumber: raw.number,
      unchangedSinceExport: token.textsHash === textsHash(this.meta.languages, texts),
      token: cellAt(raw, layout.tokenCol).trim(),
      ...(machine.size === 0 ? {} : { machine }),
    });
  }

  /** The header must be the one this layout writes: the columns are found by position. */
  private header(raw: RawRow): void {
    this.headerSeen = true;
    checkHeader(raw, this.layout, this.meta, this.where());
  }

  private problem(raw: RawRow, col: number, code: string, message: string): void {
    this.problems.push({ where: this.where(`${columnName(col)}${raw.number}`), message, code });
  }

  end(): void {
    if (!this.headerSeen) {
      throw new CrmKitError(
        'WORKBOOK_LAYOUT',
        `${this.where()}: the sheet is empty (its header row and rows were deleted); undo it, or export the workbook again`,
      );
    }
  }
}
