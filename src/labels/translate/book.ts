/**
 * What `labels translate` works on, whatever the file: the rows (key, base text, target texts),
 * where each cell is for messages, and how to write the file again with the filled cells marked
 * for review. Implemented by workbook-file.ts and xliff-file.ts.
 */
import type { Writable } from 'node:stream';
import type { Label, Lcid } from '../crm-xml/model';
import type { MemorySuggestion } from '../workbook/types';

export interface BookRow {
  label: Label;
  base: string;
  /** Target texts by language, '' when empty (or, in XLIFF, not translated yet). */
  texts: ReadonlyMap<Lcid, string>;
  /** `ru.xlsx › Localized Labels!E14`, `ru.xlf:12` */
  where: (lcid: Lcid) => string;
}

export interface Book {
  baseLcid: Lcid;
  languages: readonly Lcid[];
  rows: readonly BookRow[];
  /** Writes the file again; `fill(row)` gives the suggestions for the row's empty cells. */
  write(out: Writable, fill: (row: number) => ReadonlyMap<Lcid, MemorySuggestion> | undefined): Promise<void>;
}
