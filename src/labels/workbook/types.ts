/**
 * The contract between the translations pipeline and the translator's workbook (.xlsx).
 * The workbook mirrors the CrmTranslations.xml sheets ("Display Strings", "Localized Labels"):
 * key columns (locked), a readable context, the base text, one column per target language
 * (unlocked), and a hidden row token; a hidden sheet records which file the workbook came from.
 */
import type { Label, LabelSheet, Lcid } from '../crm-xml/model';
import type { RowRecipe } from './label-row-xml';
import type { TokenVersion } from './token';

/** What the hidden sheet records: enough for import to tell a workbook of another file. */
export interface WorkbookMeta {
  /** Layout version of the workbook, bumped when columns change. */
  formatVersion: number;
  /** File name the workbook was exported from (for messages only). */
  sourceName: string;
  /** SHA-256 (hex) of the source CrmTranslations.xml bytes. */
  fingerprint: string;
  solutionName: string;
  baseLcid: Lcid;
  /** Target language columns in the order they appear. */
  languages: readonly Lcid[];
  /**
   * The label sheets written, in order (a missing one is refused by name). Undefined for a
   * workbook of an older crmkit, which did not record them.
   */
  labelSheets?: readonly LabelSheet[];
  /**
   * Machine translations written into the workbook, by `<key hash>:<lcid>` (see MachineMark).
   * Kept as `mt:` rows of the hidden sheet; absent when the workbook has none.
   */
  machine?: ReadonlyMap<string, MachineMark>;
}

/** What is remembered of a machine translation: enough to tell whether a person changed it. */
export interface MachineMark {
  /** textHash (token.ts) of the text the service gave. */
  textHash: string;
  provider: string;
  /** `YYYY-MM-DD` */
  date: string;
}

/** A suggestion put into an empty target cell, shown with a distinct fill and a note. */
export interface MemorySuggestion {
  text: string;
  /** Where it came from, shown as "from memory: <source>". */
  source: string;
  /**
   * Set for a machine translation: the cell gets its own fill and the note
   * "machine translation: <provider>, <date>", and the hidden sheet remembers the text.
   */
  machine?: { provider: string; date: string };
}

export interface WorkbookRowInput {
  label: Label;
  /**
   * Suggestions for empty target cells, by language. Never replaces a non-empty text. The row
   * token records the label's own (empty) text, so a suggestion left in place reads back as an
   * edit (`unchangedSinceExport: false`) and is imported like one the translator typed.
   */
  suggestions?: ReadonlyMap<Lcid, MemorySuggestion>;
  /** The row token to write instead of one computed from the label (a workbook written again). */
  token?: string;
}

/** Notes of suggested cells in rows made from a recipe (label-row-xml.ts). */
export interface MadeRowNotes {
  /** Four numbers a note: row number, column, language, source (a number into `sources`). */
  cells: ArrayLike<number>;
  sources: readonly string[];
}

export interface WorkbookWriterOptions {
  sourceName: string;
  solutionName: string;
  baseLcid: Lcid;
  /** Target language columns, in this order (the base language is never one of them). */
  targetLanguages: readonly Lcid[];
  /**
   * Language of the workbook's headers, contexts and messages (1033, 1049, 1026 or 1058).
   * Default: the target language when there is exactly one of those four, else English.
   */
  uiLcid?: Lcid;
}

/** Streams rows into an .xlsx; sheets are written in the order they are started. */
export interface WorkbookWriter {
  /** Starts a sheet; rows added after it belong to it. Each sheet at most once. */
  startSheet(sheet: LabelSheet): void;
  addRow(row: WorkbookRowInput): void;
  /**
   * What the rows of `sheet` (the sheet being written) are made from, for rows of labels written
   * as they are (no suggestions, no token of their own) made elsewhere, e.g. in the label reader's
   * thread; undefined when this writer does not take rows made so.
   */
  rowRecipe?(sheet: LabelSheet): RowRecipe | undefined;
  /**
   * Adds `count` rows made from the recipe rowRecipe gave (or one like it but for `missingOnly` and
   * `suggest`), in order, as their XML in UTF-8 (kept, not copied), with the notes of the cells
   * they filled with suggestions.
   */
  addRowsXml?(count: number, xml: Uint8Array, notes?: MadeRowNotes): void;
  /**
   * Resolves once the rows added so far are mostly compressed. addRow only queues XML; a caller
   * adding rows without ever yielding (or faster than DEFLATE keeps up) should await this every
   * few thousand rows, which keeps memory flat however large the file.
   */
  drain(): Promise<void>;
  /** Writes the hidden meta sheet and closes the package. */
  finish(fingerprint: string): Promise<void>;
}

/** One row read back from a workbook. */
export interface WorkbookRow {
  sheet: LabelSheet;
  entity: string;
  objectId: string;
  column: string;
  /** Base-language text as it stands in the workbook. */
  base: string;
  /** Target texts by language (every target column; '' for an empty cell). */
  texts: ReadonlyMap<Lcid, string>;
  /** Cell reference per language for messages, e.g. `E14`. */
  cells: ReadonlyMap<Lcid, string>;
  /** Cell of the base text, e.g. `D14` (for a problem of the base text). */
  baseCell?: string;
  /** 1-based row number in its sheet. */
  rowNumber: number;
  /** True when the row's target texts still equal what was exported (per the hidden token). */
  unchangedSinceExport: boolean;
  /** The token's hash of the target texts as exported (`textsHash` of token.ts): push compares it with the environment's. */
  exportedTextsHash?: string;
  /** The token's format, which says how `exportedTextsHash` was made (token.ts). */
  tokenVersion?: TokenVersion;
  /** The hidden row token as read (to write the workbook again without losing it). */
  token?: string;
  /** Machine translations of the row, by language; `reviewed` once the text differs from the service's. */
  machine?: ReadonlyMap<Lcid, { provider: string; date: string; reviewed: boolean }>;
}

/** A row the reader refused, with its place. */
export interface WorkbookProblem {
  /** `file › Sheet!E14` */
  where: string;
  /** What is wrong, naming columns as the sheet's header row does. */
  message: string;
  /** `FORMULA`, `KEY_CHANGED` or `TOKEN_MISSING`. */
  code: string;
  sheet: LabelSheet;
  /** The cell, e.g. `E14`. */
  cell: string;
  /** The row's key as its key cells show it now (`account / a1 / DisplayName`). */
  key: string;
  /** The cell's language; for a key or token cell, the first target language with text in the row. */
  lcid: Lcid;
}

export interface WorkbookReadResult {
  meta: WorkbookMeta;
  /**
   * Problems found while reading, all collected; the rows they concern are not passed to onRow.
   * Codes: `FORMULA` (a formula in a cell), `KEY_CHANGED` (a key cell differs from the row
   * token), `TOKEN_MISSING` (a row without token, e.g. typed in by hand).
   */
  problems: readonly WorkbookProblem[];
}
