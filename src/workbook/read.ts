/**
 * Reads a translator's workbook back: the hidden meta sheet first, then each label sheet row by
 * row (streamed; only the shared strings table is held). Rows are identified by their key cells,
 * so sorted, filtered, hidden or deleted rows are harmless. Problems are collected with their
 * place; a row with a problem is reported and not passed on.
 */
import type { Readable } from 'node:stream';
import { CrmKitError } from '../errors';
import { LABEL_SHEETS, type LabelSheet, type Lcid } from '../translations/model';
import {
  CONTEXT_CAPTION,
  KEY_CAPTIONS,
  META_SHEET,
  TOKEN_CAPTION,
  columnName,
  sheetLayout,
  type SheetLayout,
} from './layout';
import { lcidOfCaption } from './languages';
import { parseMeta } from './meta';
import {
  defaultPackageLimits,
  readAll,
  readPackageEntries,
  type PackageEntry,
  type PackageLimits,
} from './package-entries';
import { readPackageParts, readSharedStrings } from './package-parts';
import { readSheetRows, type RawRow } from './sheet-rows';
import { keyHash, parseToken, textsHash } from './token';
import type { WorkbookMeta, WorkbookReadResult, WorkbookRow } from './types';

type ReadProblem = WorkbookReadResult['problems'][number];

export interface ReadWorkbookOptions {
  limits?: PackageLimits;
  /** Largest workbook file accepted, in bytes (default 1 GiB). */
  maxFileBytes?: number;
}

export async function readWorkbook(
  input: Readable,
  fileName: string,
  onRow: (row: WorkbookRow) => void,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookReadResult> {
  const limits = options.limits ?? defaultPackageLimits;
  const zip = await readAll(input, fileName, options.maxFileBytes ?? 1024 ** 3);
  const entries = readPackageEntries(zip, fileName);
  const parts = readPackageParts(zip, entries, fileName, limits);
  const entryOf = (part: string): PackageEntry => {
    const entry = entries.get(part);
    if (entry === undefined)
      throw new CrmKitError('NOT_A_WORKBOOK', `${fileName}: the part ${part} is missing`);
    return entry;
  };

  const labelSheets = LABEL_SHEETS.flatMap((name) => {
    const sheet = parts.sheets.find((s) => s.name === name);
    return sheet === undefined ? [] : [{ name, part: sheet.part }];
  });
  if (labelSheets.length === 0) {
    throw new CrmKitError(
      'NOT_A_WORKBOOK',
      `${fileName}: no "Localized Labels" or "Display Strings" sheet; is this a workbook exported by crmkit labels export?`,
    );
  }
  const metaSheet = parts.sheets.find((s) => s.name === META_SHEET);
  if (metaSheet === undefined) {
    throw new CrmKitError(
      'NOT_A_WORKBOOK',
      `${fileName}: the hidden sheet "${META_SHEET}" is missing; export the workbook again with crmkit labels export`,
    );
  }
  const shared =
    parts.sharedStringsPart !== undefined && entries.has(parts.sharedStringsPart)
      ? await readSharedStrings(zip, entryOf(parts.sharedStringsPart), fileName, limits)
      : [];

  const pairs = new Map<string, string>();
  await readSheetRows(zip, entryOf(metaSheet.part), fileName, limits, shared, (row) => {
    const field = row.cells.get(1)?.text;
    if (field !== undefined && field !== '') pairs.set(field, row.cells.get(2)?.text ?? '');
  });
  const meta = parseMeta(pairs, fileName);

  const problems: ReadProblem[] = [];
  for (const { name, part } of labelSheets) {
    const reader = new LabelRowReader(fileName, name, meta, problems, onRow);
    await readSheetRows(zip, entryOf(part), fileName, limits, shared, (row) => reader.row(row));
    reader.end();
  }
  return { meta, problems };
}

/** Turns the raw rows of one label sheet into WorkbookRows, checking header, tokens and formulas. */
class LabelRowReader {
  private readonly layout: SheetLayout;
  private headerSeen = false;

  constructor(
    private readonly fileName: string,
    private readonly sheet: LabelSheet,
    private readonly meta: WorkbookMeta,
    private readonly problems: ReadProblem[],
    private readonly onRow: (row: WorkbookRow) => void,
  ) {
    this.layout = sheetLayout(sheet, meta.baseLcid, meta.languages);
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
    const text = (col: number): string => raw.cells.get(col)?.text ?? '';
    const { layout } = this;
    let empty = true;
    for (const cell of raw.cells.values()) if (cell.text !== '' || cell.formula) empty = false;
    if (empty) return;

    const key = {
      sheet: this.sheet,
      entity: text(1),
      objectId: text(2),
      column: layout.keyCount === 3 ? text(3) : '',
    };
    const tokenCell = raw.cells.get(layout.tokenCol);
    const token = parseToken(tokenCell?.text ?? '');
    const ref = (col: number): string => raw.cells.get(col)?.ref ?? `${columnName(col)}${raw.number}`;
    if (token === undefined) {
      this.problem(
        'TOKEN_MISSING',
        ref(layout.tokenCol),
        'the row has no crmkit row token (was it added by hand?); it is ignored',
      );
      return;
    }
    if (token.keyHash !== keyHash(key)) {
      this.problem(
        'KEY_CHANGED',
        ref(1),
        'a key cell (Entity name, Object ID, Object Column Name / Display String Key) was changed; the row is ignored',
      );
      return;
    }
    let refused = false;
    for (const [col, cell] of raw.cells) {
      if (!cell.formula) continue;
      const isTarget = layout.targetCols.some((t) => t.col === col);
      this.problem(
        'FORMULA',
        cell.ref,
        isTarget
          ? 'a formula in a translation cell; type the text itself (start it with an apostrophe to keep a leading =)'
          : 'a formula in a locked cell',
      );
      refused = true;
    }
    if (refused) return;

    const texts = new Map<Lcid, string>();
    const cells = new Map<Lcid, string>();
    for (const { lcid, col } of layout.targetCols) {
      texts.set(lcid, text(col));
      cells.set(lcid, ref(col));
    }
    this.onRow({
      ...key,
      base: text(layout.baseCol),
      texts,
      cells,
      rowNumber: raw.number,
      unchangedSinceExport: token.textsHash === textsHash(this.meta.languages, texts),
    });
  }

  /** The header must be the one this layout writes: the columns are found by position. */
  private header(raw: RawRow): void {
    this.headerSeen = true;
    const { layout } = this;
    const caption = (col: number): string => raw.cells.get(col)?.text ?? '';
    const expectedKeys = KEY_CAPTIONS[this.sheet];
    const keysOk = expectedKeys.every((c, i) => caption(i + 1) === c);
    const targetsOk = layout.targetCols.every(({ lcid, col }) => lcidOfCaption(caption(col)) === lcid);
    if (
      raw.number !== 1 ||
      !keysOk ||
      caption(layout.contextCol) !== CONTEXT_CAPTION ||
      lcidOfCaption(caption(layout.baseCol)) !== this.meta.baseLcid ||
      !targetsOk ||
      caption(layout.tokenCol) !== TOKEN_CAPTION
    ) {
      throw new CrmKitError(
        'NOT_A_WORKBOOK',
        `${this.where('A1')}: the header row is not the one crmkit wrote (columns moved, renamed or languages changed)`,
      );
    }
  }

  private problem(code: string, cell: string, message: string): void {
    this.problems.push({ where: this.where(cell), message, code });
  }

  end(): void {
    if (!this.headerSeen) {
      throw new CrmKitError('NOT_A_WORKBOOK', `${this.where()}: the sheet has no header row`);
    }
  }
}
