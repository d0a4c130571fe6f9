/**
 * The header row of a label sheet must be the one crmkit wrote: columns are found by position,
 * so a deleted, moved or renamed column would put texts into the wrong language or lose them.
 * A mismatch is refused with the column expected (in the workbook's own language) and the one found.
 */
import { CrmKitError } from '../../errors';
import { UI_LANGUAGES } from '../crm-xml/context-texts';
import { captions, isCaption, workbookLanguage } from './captions';
import { lcidOfCaption } from './languages';
import { KEY_FIELDS, columnName, sheetLayout, type SheetLayout } from './layout';
import { cellAt, type RawRow } from './sheet-rows';
import type { WorkbookMeta } from './types';

/** Whether each column's caption is acceptable, by 1-based column number. */
function accepts(layout: SheetLayout, meta: WorkbookMeta): Map<number, (text: string) => boolean> {
  const rules = new Map<number, (text: string) => boolean>();
  KEY_FIELDS[layout.sheet].forEach((field, i) => rules.set(i + 1, (t) => isCaption(field, t)));
  rules.set(layout.contextCol, (t) => isCaption('context', t));
  rules.set(layout.baseCol, (t) => lcidOfCaption(t) === meta.baseLcid);
  for (const { lcid, col } of layout.targetCols) rules.set(col, (t) => lcidOfCaption(t) === lcid);
  rules.set(layout.tokenCol, (t) => isCaption('token', t));
  return rules;
}

/** Throws WORKBOOK_LAYOUT unless `raw` is row 1 with the captions of `layout`. */
export function checkHeader(raw: RawRow, layout: SheetLayout, meta: WorkbookMeta, where: string): void {
  const languages =
    meta.languages.length === 0 ? 'no target language' : `the languages ${meta.languages.join(', ')}`;
  const again = `undo the change, or export the workbook again (it has ${languages})`;
  if (raw.number !== 1) {
    throw new CrmKitError(
      'WORKBOOK_LAYOUT',
      `${where}!A1: the header row is missing (the first row is row ${raw.number}); ${again}`,
    );
  }
  const ui =
    UI_LANGUAGES.find((l) => captions[l].entity === cellAt(raw, 1)) ?? workbookLanguage(meta.languages);
  const expected = sheetLayout(layout.sheet, meta.baseLcid, meta.languages, ui).captions;
  for (const [col, ok] of accepts(layout, meta)) {
    const found = cellAt(raw, col);
    if (ok(found)) continue;
    throw new CrmKitError(
      'WORKBOOK_LAYOUT',
      `${where}!${columnName(col)}1: expected the column "${expected[col - 1] ?? ''}", found ` +
        `${found === '' ? 'an empty cell' : `"${found}"`} (a column was deleted, moved or renamed); ${again}`,
    );
  }
}
