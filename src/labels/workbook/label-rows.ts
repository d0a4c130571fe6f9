/**
 * The rows of one label sheet as the reader passes them on: the header row is checked, then each
 * data row's token, formulas and texts. A refused row becomes a problem with its place, naming
 * columns as the sheet's own header row does (the captions are in the workbook's language).
 */
import { CrmKitError } from '../../errors';
import { displayKey, type LabelSheet, type Lcid } from '../crm-xml/model';
import type { ChangedKey } from './changed-keys';
import { checkHeader } from './header';
import { columnName, sheetLayout, type SheetLayout } from './layout';
import { cellAt, type RawRow } from './sheet-rows';
import { keyHash, parseToken, textHash, textsHash } from './token';
import type { WorkbookMeta, WorkbookProblem, WorkbookRow } from './types';

export class LabelRowReader {
  private readonly layout: SheetLayout;
  private headerSeen = false;
  /** The header row's captions by column number, as the sheet shows them. */
  private captions: readonly string[] = [];
  private readonly targetColumns: ReadonlyMap<number, Lcid>;
  /** Column letters by column number, computed once. */
  private readonly letters: readonly string[];
  /** Rows whose key cells differ from their token, to be explained once the sheet is read. */
  readonly changed: ChangedKey[] = [];

  constructor(
    private readonly fileName: string,
    private readonly sheet: LabelSheet,
    private readonly meta: WorkbookMeta,
    private readonly problems: WorkbookProblem[],
    private readonly onRow: (row: WorkbookRow) => void,
  ) {
    this.layout = sheetLayout(sheet, meta.baseLcid, meta.languages);
    this.targetColumns = new Map(this.layout.targetCols.map((t) => [t.col, t.lcid]));
    this.letters = Array.from({ length: this.layout.tokenCol + 1 }, (_, col) => columnName(col));
  }

  private where(cell?: string): string {
    return cell === undefined
      ? `${this.fileName} › ${this.sheet}`
      : `${this.fileName} › ${this.sheet}!${cell}`;
  }

  /** A column's caption as the header row shows it, quoted. */
  caption(col: number): string {
    return `"${this.captions[col] ?? columnName(col)}"`;
  }

  /** The captions of the key columns, as the header row shows them. */
  keyCaptions(): string[] {
    return Array.from({ length: this.layout.keyCount }, (_, i) => this.caption(i + 1));
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
        key,
        layout.tokenCol,
        'TOKEN_MISSING',
        'the row has no crmkit row token (was it added by hand?); it is ignored',
      );
      return;
    }
    // The worker hashed the row in the format of this same token (read-sheet-protocol.ts rowHashes).
    const hashes = raw.hashes;
    if (token.keyHash !== (hashes?.key ?? keyHash(key, token.version))) {
      const message = `a key cell (${this.keyCaptions().join(', ')}) was changed; the row is ignored`;
      const problem = this.problem(raw, key, 1, 'KEY_CHANGED', message);
      this.changed.push({ problem, tokenVersion: token.version, tokenKeyHash: token.keyHash, key });
      return;
    }
    for (const col of raw.formulaCols) {
      const message = this.targetColumns.has(col)
        ? `a formula in the column ${this.caption(col)}; type the text itself (start it with an apostrophe to keep a leading =)`
        : `a formula in the locked column ${this.caption(col)}`;
      this.problem(raw, key, col, 'FORMULA', message);
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
      baseCell: `${this.letters[layout.baseCol]!}${raw.number}`,
      rowNumber: raw.number,
      unchangedSinceExport:
        token.textsHash === (hashes?.texts ?? textsHash(this.meta.languages, texts, token.version)),
      exportedTextsHash: token.textsHash,
      tokenVersion: token.version,
      token: cellAt(raw, layout.tokenCol).trim(),
      ...(machine.size === 0 ? {} : { machine }),
    });
  }

  /** The header must be the one this layout writes: the columns are found by position. */
  private header(raw: RawRow): void {
    this.headerSeen = true;
    checkHeader(raw, this.layout, this.meta, this.where());
    this.captions = raw.texts;
  }

  /**
   * The language a problem in column `col` concerns: a language column's own; for any other
   * column, the first target language with text in the row, else the first target, else the base.
   */
  private lcidOf(raw: RawRow, col: number): Lcid {
    const own = this.targetColumns.get(col) ?? (col === this.layout.baseCol ? this.meta.baseLcid : undefined);
    if (own !== undefined) return own;
    const typed = this.layout.targetCols.find((t) => cellAt(raw, t.col).trim() !== '');
    return typed?.lcid ?? this.layout.targetCols[0]?.lcid ?? this.meta.baseLcid;
  }

  private problem(
    raw: RawRow,
    key: Parameters<typeof displayKey>[0],
    col: number,
    code: string,
    message: string,
  ): WorkbookProblem {
    const cell = `${columnName(col)}${raw.number}`;
    const problem: WorkbookProblem = {
      where: this.where(cell),
      message,
      code,
      sheet: this.sheet,
      cell,
      key: displayKey(key),
      lcid: this.lcidOf(raw, col),
    };
    this.problems.push(problem);
    return problem;
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
