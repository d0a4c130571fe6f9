/**
 * The rows the translators edited, read from their workbooks and kept by label key with what the
 * push needs to judge them against the environment: the workbook's languages and the token's hash.
 */
import type { Problem } from '../../errors';
import { checkReadable, type NamedFile } from '../../fs/open-input';
import { labelKey, type Lcid, type TranslationsHeader } from '../crm-xml/model';
import { detach } from '../memory/detach';
import { readWorkbook } from '../workbook/read';
import type { WorkbookMeta, WorkbookRow } from '../workbook/types';

export interface EditedRow {
  row: WorkbookRow;
  book: number;
  file: string;
  languages: readonly Lcid[];
}

export interface EditedRows {
  byKey: Map<string, EditedRow[]>;
  metas: { file: NamedFile; meta: WorkbookMeta }[];
  /** Rows the reader refused (a formula, a changed key cell). */
  refused: Problem[];
  /** Rows without a token (typed in by hand): ignored. */
  warnings: Problem[];
}

function detachRow(row: WorkbookRow): WorkbookRow {
  const map = (m: ReadonlyMap<Lcid, string>): Map<Lcid, string> =>
    new Map([...m].map(([lcid, text]) => [lcid, detach(text)]));
  return {
    ...row,
    entity: detach(row.entity),
    objectId: detach(row.objectId),
    column: detach(row.column),
    base: detach(row.base),
    texts: map(row.texts),
    cells: map(row.cells),
  };
}

export async function readEditedRows(workbooks: readonly NamedFile[]): Promise<EditedRows> {
  const out: EditedRows = { byKey: new Map(), metas: [], refused: [], warnings: [] };
  for (const [book, file] of workbooks.entries()) {
    await checkReadable(file);
    let languages: readonly Lcid[] = [];
    const result = await readWorkbook(
      { path: file.path },
      file.name,
      (row) => {
        if (row.unchangedSinceExport) return;
        const key = labelKey(row);
        const list = out.byKey.get(key) ?? [];
        list.push({ row: detachRow(row), book, file: file.name, languages });
        out.byKey.set(key, list);
      },
      { onMeta: (meta) => (languages = meta.languages) },
    );
    for (const p of result.problems) (p.code === 'TOKEN_MISSING' ? out.warnings : out.refused).push(p);
    out.metas.push({ file, meta: result.meta });
  }
  return out;
}

/** Workbooks of another solution or base language than the environment's: one problem each. */
export function foreignWorkbooks(rows: EditedRows, header: TranslationsHeader): Problem[] {
  return rows.metas.flatMap(({ file, meta }) => {
    if (meta.solutionName !== header.solutionName) {
      return [
        {
          where: file.name,
          message: `exported from the solution ${meta.solutionName}, not ${header.solutionName}`,
        },
      ];
    }
    if (meta.baseLcid !== header.baseLcid) {
      return [
        {
          where: file.name,
          message: `its base language is ${meta.baseLcid}, the environment's is ${header.baseLcid}`,
        },
      ];
    }
    return [];
  });
}
