/**
 * An export never writes over a translator's returned work: before writing, an existing output
 * that is a crmkit workbook is read, and the cells of its edited rows (their hidden token says
 * their texts differ from those exported) are kept by key. While the new workbook is written,
 * every kept cell the new export writes with the same text is let go: the work is in the file
 * already (imported, or the same suggestion). What is left would be lost, and the export is
 * refused unless `--force`. A crmkit workbook that cannot be read is refused too; any other
 * existing file is replaced.
 */
import { hash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { CrmKitError, isCrmKitError } from '../errors';
import type { NamedFile } from '../fs/open-input';
import { labelKey, type Lcid } from './crm-xml/model';
import { readWorkbook } from './workbook/read';
import type { WorkbookRowInput } from './workbook/types';

/**
 * Kept small: a returned 200,000-row workbook whose every row was edited is held as one short
 * string per row (its key's hash → `lcid:hash;` per cell), not as maps of texts.
 */
function digest(text: string): string {
  return hash('sha1', text, 'base64').slice(0, 12);
}

const textDigest = (text: string): string => digest(text.replace(/\r\n/g, '\n'));

function cellsOf(kept: string): [Lcid, string][] {
  return kept
    .split(';')
    .filter((c) => c !== '')
    .map((c) => {
      const at = c.indexOf(':');
      return [Number(c.slice(0, at)), c.slice(at + 1)];
    });
}

const cellsText = (cells: readonly (readonly [Lcid, string])[]): string =>
  cells.map(([lcid, h]) => `${lcid}:${h};`).join('');

export interface ReturnedWork {
  output: NamedFile;
  /** Records a row the new workbook holds; its texts equal to the kept ones are let go. */
  settle(row: WorkbookRowInput, targets: readonly Lcid[]): void;
  /** Edited cells the new workbook does not hold with the same text. */
  lost(): number;
}

/**
 * The edited cells of `output` when it is a crmkit workbook with edited rows, else undefined.
 * Throws OUTPUT_HAS_EDITS for a crmkit workbook whose layout was changed (its rows cannot be read).
 */
export async function readReturnedWork(output: NamedFile): Promise<ReturnedWork | undefined> {
  const info = await stat(output.path).catch(() => undefined);
  if (info?.isFile() !== true) return undefined;
  const kept = new Map<string, string>();
  try {
    await readWorkbook({ path: output.path }, output.name, (row) => {
      if (row.unchangedSinceExport) return;
      kept.set(
        digest(labelKey(row)),
        cellsText([...row.texts].map(([lcid, text]) => [lcid, textDigest(text)])),
      );
    });
  } catch (e) {
    if (isCrmKitError(e) && e.code === 'WORKBOOK_LAYOUT') {
      throw new CrmKitError(
        'OUTPUT_HAS_EDITS',
        `${output.name}: exists and is a crmkit workbook crmkit cannot read (${e.message}); it may hold ` +
          `a translator's work: not overwritten; write elsewhere, or use --force to overwrite it`,
      );
    }
    // Not a crmkit workbook (or not a workbook at all): replaced, as any other file.
    if (isCrmKitError(e)) return undefined;
    throw e;
  }
  if (kept.size === 0) return undefined;
  return {
    output,
    settle({ label, suggestions }, targets) {
      const key = digest(labelKey(label));
      const cells = kept.get(key);
      if (cells === undefined) return;
      const left = cellsOf(cells).filter(([lcid, text]) => {
        const own = targets.includes(lcid) ? (label.texts.get(lcid) ?? '') : '';
        const written = own === '' ? (suggestions?.get(lcid)?.text ?? '') : own;
        return textDigest(written) !== text;
      });
      if (left.length === 0) kept.delete(key);
      else kept.set(key, cellsText(left));
    },
    lost() {
      let n = 0;
      for (const cells of kept.values()) n += cellsOf(cells).length;
      return n;
    },
  };
}

/** Throws OUTPUT_HAS_EDITS naming every output whose edited cells the export would lose. */
export function refuseLosingEdits(returned: readonly ReturnedWork[]): void {
  const losing = returned.filter((r) => r.lost() > 0);
  if (losing.length === 0) return;
  const names = losing.map((r) => `${r.output.name} (${r.lost()} edited cell(s))`).join(', ');
  throw new CrmKitError(
    'OUTPUT_HAS_EDITS',
    `${names}: ${losing.length === 1 ? 'exists and holds' : 'exist and hold'} a translator's edits that this export ` +
      `would not write; nothing was written: import ${losing.length === 1 ? 'it' : 'them'} first, write elsewhere, or use --force to overwrite`,
  );
}
