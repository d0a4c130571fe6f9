/**
 * The `<row>` XML of a label, as the workbook writer (write.ts) writes it, made from a recipe of
 * plain data: the sheet's columns, the style ids of its cells, the languages. The writer makes
 * every row with it; the label reader's worker thread (read-worker.ts) makes the rows of a plain
 * export with it too, from the recipe the writer gives (`rowRecipe`), so that this thread only
 * compresses them. Same recipe, same label, same bytes, whichever thread makes them.
 */
import type { UiLcid } from '../crm-xml/context-texts';
import { describeLabel } from '../crm-xml/describe';
import type { Label, Lcid } from '../crm-xml/model';
import { isRightToLeft } from './languages';
import { columnName, type SheetLayout } from './layout';
import { cellStart, cellStyle, cellXml, rowXml, type CellStyle } from './row-xml';
import { rowToken } from './token';

/** Everything a row of one sheet is made from (structured-cloneable: it crosses to the worker). */
export interface RowRecipe extends Pick<
  SheetLayout,
  'sheet' | 'keyCount' | 'contextCol' | 'baseCol' | 'targetCols' | 'tokenCol'
> {
  baseLcid: Lcid;
  /** Target languages in column order (the row token hashes their texts in this order). */
  targets: readonly Lcid[];
  /** Language of the Context column. */
  language: UiLcid;
  /**
   * Style ids of the cells: keys and token, read-only texts, target texts and suggested ones (left
   * to right, right to left).
   */
  styles: {
    key: number;
    text: number;
    target: number;
    targetRtl: number;
    suggestion: number;
    suggestionRtl: number;
  };
  /** Data rows of the sheet written before the first row made from this recipe. */
  rowsBefore: number;
  /** Only labels with a target text missing are rows (see isMissing). */
  missingOnly: boolean;
  /** Empty target cells get the suggestion table's translation, if it has one. */
  suggest: boolean;
}

/** The suggestions rows get, settled beforehand (memory/suggestion-table.ts's SuggestionTable). */
export interface RowSuggestions {
  readonly baseLcid: Lcid;
  /** The base text as looked up, or undefined when no row of it gets a suggestion. */
  key(base: string): { base: string; hash: number } | undefined;
  /** The entry suggesting a translation of `key` into `lcid`, or -1. */
  find(key: { base: string; hash: number }, lcid: Lcid): number;
  text(entry: number): string;
  /** The number of the entry's source (a note's text) among the table's sources. */
  sourceNumber(entry: number): number;
}

/** Whether one of the label's texts in `targets` is empty (or only white space): `--missing-only` writes its row. */
export function isMissing(label: Label, targets: readonly Lcid[]): boolean {
  return targets.some((lcid) => (label.texts.get(lcid) ?? '').trim() === '');
}

export class LabelRowXml {
  /** Column letters by column number. */
  readonly letters: readonly string[];
  /** The start of a cell (`<c r="` and the letters) by column number. */
  readonly starts: readonly string[];
  readonly keyStyle: CellStyle;
  private readonly textStyle: CellStyle;
  private readonly targetStyle: CellStyle;
  private readonly targetRtlStyle: CellStyle;
  /** Right to left, by target column (in the order of targetCols). */
  private readonly rtl: readonly boolean[];
  private readonly suggestionStyles: readonly [CellStyle, CellStyle];
  /** The suggestions rows get (the recipe's `suggest` with a table). */
  private readonly table: RowSuggestions | undefined;
  /**
   * The notes of the cells `row` filled with suggestions, since last emptied: four numbers each,
   * row number, column, language, the table's source number.
   */
  readonly notes: number[] = [];

  constructor(
    readonly recipe: RowRecipe,
    table?: RowSuggestions,
  ) {
    this.letters = Array.from({ length: recipe.tokenCol + 1 }, (_, col) => columnName(col));
    this.starts = this.letters.map(cellStart);
    this.keyStyle = cellStyle(recipe.styles.key);
    this.textStyle = cellStyle(recipe.styles.text);
    this.targetStyle = cellStyle(recipe.styles.target);
    this.targetRtlStyle = cellStyle(recipe.styles.targetRtl);
    this.rtl = recipe.targetCols.map(({ lcid }) => isRightToLeft(lcid));
    this.suggestionStyles = [cellStyle(recipe.styles.suggestion), cellStyle(recipe.styles.suggestionRtl)];
    this.table = recipe.suggest ? table : undefined;
  }

  /** Whether the label is a row of this recipe's sheet. */
  takes(label: Label): boolean {
    return !this.recipe.missingOnly || isMissing(label, this.recipe.targets);
  }

  /** The key, Context and base text cells of row `r` (its number as text). */
  head(label: Label, r: string): string {
    const { recipe, starts, keyStyle } = this;
    let xml =
      cellXml(starts[1]!, r, keyStyle, label.entity) + cellXml(starts[2]!, r, keyStyle, label.objectId);
    if (recipe.keyCount === 3) xml += cellXml(starts[3]!, r, keyStyle, label.column);
    xml += cellXml(
      starts[recipe.contextCol]!,
      r,
      this.textStyle,
      describeLabel(label, recipe.language).context,
    );
    return xml + cellXml(starts[recipe.baseCol]!, r, this.textStyle, label.texts.get(recipe.baseLcid) ?? '');
  }

  /** The cell of the label's own text in the `i`th target column. */
  target(i: number, text: string, r: string): string {
    const { col } = this.recipe.targetCols[i]!;
    return cellXml(this.starts[col]!, r, this.rtl[i] === true ? this.targetRtlStyle : this.targetStyle, text);
  }

  /** The row token cell: `token`, or the one of the label's own texts. */
  token(label: Label, r: string, token?: string): string {
    const value = token ?? rowToken(label, this.recipe.targets, label.texts);
    return cellXml(this.starts[this.recipe.tokenCol]!, r, this.keyStyle, value);
  }

  /** The cell of a suggestion in the `i`th target column (its note is the caller's). */
  suggested(i: number, text: string, r: string): string {
    const { col } = this.recipe.targetCols[i]!;
    return cellXml(this.starts[col]!, r, this.suggestionStyles[this.rtl[i] === true ? 1 : 0], text);
  }

  /**
   * The whole `<row>` of a label as data row `index` (0-based): its own texts, and the table's
   * suggestions in its empty target cells (noted in `notes`) when the recipe asks for them.
   */
  row(label: Label, index: number): string {
    const r = String(index + 2);
    let xml = this.head(label, r);
    const { targetCols } = this.recipe;
    const table = this.table;
    let key: ReturnType<RowSuggestions['key']> | null = null;
    for (let i = 0; i < targetCols.length; i++) {
      const { lcid, col } = targetCols[i]!;
      const text = label.texts.get(lcid) ?? '';
      if (text === '' && table !== undefined) {
        if (key === null) key = table.key(label.texts.get(table.baseLcid) ?? '');
        const e = key === undefined ? -1 : table.find(key, lcid);
        if (e !== -1) {
          xml += this.suggested(i, table.text(e), r);
          this.notes.push(index + 2, col, lcid, table.sourceNumber(e));
          continue;
        }
      }
      xml += this.target(i, text, r);
    }
    return rowXml(r, xml + this.token(label, r));
  }
}
