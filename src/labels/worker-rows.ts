/**
 * Which rows of an export the label reader's worker makes (read-batches.ts), and where they go.
 */
import type { LabelSheet } from './crm-xml/model';
import type { RowsFromWorker } from './read-labels';
import type { RowRecipe } from './workbook/label-row-xml';
import type { WorkbookWriter } from './workbook/types';

/** What is asked of an output being written (write-workbooks.ts). */
export interface RowsOutput {
  spec: { missingOnly?: boolean; mapRow?: unknown; returned?: unknown };
  writer: WorkbookWriter | undefined;
  /** Rows written, by sheet. */
  rows: Record<LabelSheet, number>;
}

/**
 * Rows of a plain export (every row the label as it is, no edits to keep) are made by the label
 * reader's worker, from the recipes of the workbooks' writers: this thread only compresses them.
 * Undefined when an output maps rows (suggestions) or keeps a translator's edits; a sheet gets no
 * recipes, and its labels come as labels, when an output's writer takes no rows made elsewhere
 * (XLIFF) or has not started it (Display Strings before the languages are known).
 */
export function rowsFromWorker(
  states: readonly RowsOutput[],
  sheetNow: () => LabelSheet,
  onRows: ((n: number) => void) | undefined,
): RowsFromWorker | undefined {
  if (states.some((s) => s.spec.mapRow !== undefined || s.spec.returned !== undefined)) return undefined;
  return {
    recipes: (sheet) => {
      const recipes: RowRecipe[] = [];
      for (const state of states) {
        const recipe = state.writer?.rowRecipe?.(sheet);
        if (recipe === undefined) return undefined;
        recipes.push({ ...recipe, missingOnly: state.spec.missingOnly === true });
      }
      return recipes;
    },
    add: (count, rows, xml) => {
      onRows?.(count);
      const sheet = sheetNow();
      states.forEach((state, i) => {
        const n = rows[i] ?? 0;
        state.rows[sheet] += n;
        state.writer?.addRowsXml?.(n, xml[i] ?? new Uint8Array());
      });
    },
  };
}
