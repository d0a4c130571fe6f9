/**
 * Which rows of an export the label reader's worker makes (read-batches.ts), and where they go.
 */
import type { LabelSheet } from './crm-xml/model';
import type { TableSuggester } from './memory/suggest';
import type { RowsFromWorker } from './read-labels';
import type { RowRecipe } from './workbook/label-row-xml';
import type { WorkbookWriter } from './workbook/types';

/** What is asked of an output being written (write-workbooks.ts). */
export interface RowsOutput {
  spec: { missingOnly?: boolean; suggester?: TableSuggester; returned?: unknown };
  writer: WorkbookWriter | undefined;
  /** Rows written, by sheet. */
  rows: Record<LabelSheet, number>;
}

/**
 * Rows of an export without edits to keep (every row the label as it is, or with the suggestions
 * of one table in its empty cells) are made by the label reader's worker, from the recipes of the
 * workbooks' writers: this thread only compresses them and keeps their notes. Undefined when an
 * output keeps a translator's edits, or outputs suggest from different tables; a sheet gets no
 * recipes, and its labels come as labels, when an output's writer takes no rows made elsewhere
 * (XLIFF) or has not started it (Display Strings before the languages are known).
 */
export function rowsFromWorker(
  states: readonly RowsOutput[],
  sheetNow: () => LabelSheet,
  onRows: ((n: number) => void) | undefined,
): RowsFromWorker | undefined {
  if (states.some((s) => s.spec.returned !== undefined)) return undefined;
  const tables = new Set(
    states.flatMap((s) => (s.spec.suggester === undefined ? [] : [s.spec.suggester.table])),
  );
  if (tables.size > 1) return undefined;
  const [table] = tables;
  return {
    ...(table === undefined ? {} : { suggestions: table.layers }),
    recipes: (sheet) => {
      const recipes: RowRecipe[] = [];
      for (const state of states) {
        const recipe = state.writer?.rowRecipe?.(sheet);
        if (recipe === undefined) return undefined;
        recipes.push({
          ...recipe,
          missingOnly: state.spec.missingOnly === true,
          suggest: state.spec.suggester !== undefined,
        });
      }
      return recipes;
    },
    add: (count, rows, xml, notes) => {
      onRows?.(count);
      const sheet = sheetNow();
      states.forEach((state, i) => {
        const n = rows[i] ?? 0;
        state.rows[sheet] += n;
        const cells = notes[i];
        const suggester = state.spec.suggester;
        if (cells === undefined || suggester === undefined || cells.length === 0) {
          state.writer?.addRowsXml?.(n, xml[i] ?? new Uint8Array());
          return;
        }
        for (let c = 2; c < cells.length; c += 4) suggester.count(cells[c]!);
        state.writer?.addRowsXml?.(n, xml[i] ?? new Uint8Array(), {
          cells,
          sources: suggester.table.sources,
        });
      });
    },
  };
}
