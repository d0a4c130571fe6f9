/**
 * A translator's workbook as `labels translate` reads and writes it: every row is read (a
 * workbook with a refused row — a formula, a changed key, a row without token — is refused whole,
 * since writing it again would drop that row), then written again through the workbook writer
 * with each row's own token, so import still tells what the translator changed. Filled cells are
 * suggestions: memory and glossary ones light yellow ("from memory: …"), machine translations
 * light blue ("machine translation: <provider>, <date>"). A machine translation nobody has
 * changed yet keeps its mark when the workbook is written again.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CrmKitError } from '../../errors';
import type { NamedFile } from '../../fs/open-input';
import type { Label, LabelSheet, Lcid } from '../crm-xml/model';
import type { Book } from './book';
import { readWorkbook } from '../workbook/read';
import type { MemorySuggestion, WorkbookMeta, WorkbookRow } from '../workbook/types';
import { createWorkbookWriter } from '../workbook/write';

export interface ReadBook {
  meta: WorkbookMeta;
  rows: WorkbookRow[];
}

export async function readBook(input: NamedFile): Promise<ReadBook> {
  const rows: WorkbookRow[] = [];
  const read = await readWorkbook({ path: input.path }, input.name, (row) => rows.push(row));
  if (read.problems.length > 0) {
    const first = read.problems[0]!;
    throw new CrmKitError(
      'VALIDATION',
      `${first.where}: ${first.message}; fix the workbook first (crmkit labels check lists ${read.problems.length} such row(s))`,
      read.problems,
    );
  }
  return { meta: read.meta, rows };
}

/** The label a workbook row stands for, with the base text and the target texts as they are. */
export function labelOfRow(row: WorkbookRow, baseLcid: Lcid): Label {
  return {
    sheet: row.sheet,
    entity: row.entity,
    objectId: row.objectId,
    column: row.column,
    texts: new Map([[baseLcid, row.base], ...row.texts]),
  };
}

/** Writes the book again: `fill(row index)` gives the suggestions for the row's empty cells. */
export async function writeBook(
  out: Writable,
  book: ReadBook,
  fill: (index: number) => ReadonlyMap<Lcid, MemorySuggestion> | undefined,
): Promise<void> {
  const { meta } = book;
  const writer = createWorkbookWriter(out, {
    sourceName: meta.sourceName,
    solutionName: meta.solutionName,
    baseLcid: meta.baseLcid,
    targetLanguages: meta.languages,
  });
  const done = finished(out);
  let sheet: LabelSheet | undefined;
  for (const [i, row] of book.rows.entries()) {
    if (row.sheet !== sheet) {
      sheet = row.sheet;
      writer.startSheet(sheet);
    }
    const label = labelOfRow(row, meta.baseLcid);
    const suggestions = new Map(fill(i) ?? []);
    // An unreviewed machine translation stays marked: written as the suggestion it still is.
    const texts = new Map(label.texts);
    for (const [lcid, mark] of row.machine ?? []) {
      if (mark.reviewed || suggestions.has(lcid)) continue;
      suggestions.set(lcid, { text: row.texts.get(lcid) ?? '', source: '', machine: mark });
      texts.set(lcid, '');
    }
    writer.addRow({
      label: { ...label, texts },
      ...(suggestions.size === 0 ? {} : { suggestions }),
      ...(row.token === undefined ? {} : { token: row.token }),
    });
    if (i % 5000 === 4999) await writer.drain();
  }
  await writer.finish(meta.fingerprint);
  await done;
}

/** A workbook as a Book. */
export async function workbookBook(input: NamedFile): Promise<Book> {
  const book = await readBook(input);
  const { baseLcid } = book.meta;
  return {
    baseLcid,
    languages: book.meta.languages,
    rows: book.rows.map((row) => ({
      label: labelOfRow(row, baseLcid),
      base: row.base,
      texts: row.texts,
      where: (lcid: Lcid) => `${input.name} › ${row.sheet}!${row.cells.get(lcid) ?? `row ${row.rowNumber}`}`,
    })),
    write: (out, fill) => writeBook(out, book, fill),
  };
}
