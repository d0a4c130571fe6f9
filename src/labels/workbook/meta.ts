/**
 * The hidden `_crmkit` sheet: one `field | value` pair per row, every value a text cell, so that
 * spreadsheet programs re-saving the workbook cannot reformat it.
 */
import { CrmKitError } from '../../errors';
import { LABEL_SHEETS, type LabelSheet } from '../crm-xml/model';
import type { MachineMark, WorkbookMeta } from './types';
import { FORMAT_VERSION, META_SHEET } from './layout';

export function metaRows(meta: WorkbookMeta): [string, string][] {
  return [
    ['formatVersion', String(meta.formatVersion)],
    ['sourceName', meta.sourceName],
    ['fingerprint', meta.fingerprint],
    ['solutionName', meta.solutionName],
    ['baseLcid', String(meta.baseLcid)],
    ['languages', meta.languages.join(',')],
    ...(meta.labelSheets === undefined
      ? []
      : [['labelSheets', meta.labelSheets.join(',')] as [string, string]]),
    ...[...(meta.machine ?? [])].map(([at, m]): [string, string] => [
      `${MACHINE_PREFIX}${at}`,
      `${m.textHash} ${m.date} ${m.provider}`,
    ]),
  ];
}

/** `labelSheets`: the label sheets written, comma separated; absent in older workbooks. */
function labelSheetsOf(value: string | undefined, where: string): LabelSheet[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').filter((n) => n !== '');
  const unknown = names.find((n) => !(LABEL_SHEETS as readonly string[]).includes(n));
  if (unknown !== undefined) {
    throw new CrmKitError(
      'NOT_A_WORKBOOK',
      `${where}: labelSheets names "${unknown}", which is not a label sheet`,
    );
  }
  return names as LabelSheet[];
}

/**
 * Throws WORKBOOK_LAYOUT when a label sheet the workbook was written with is gone (deleted: a
 * renamed one is found by its header before). Older workbooks, without the record, pass.
 */
export function refuseMissingLabelSheets(
  meta: WorkbookMeta,
  sheets: readonly { name: string }[],
  fileName: string,
): void {
  const names = sheets.filter((s) => s.name !== META_SHEET).map((s) => s.name);
  const missing = (meta.labelSheets ?? []).filter((sheet) => !names.includes(sheet));
  if (missing.length === 0) return;
  const quoted = (list: readonly string[]): string => list.map((n) => `"${n}"`).join(', ');
  throw new CrmKitError(
    'WORKBOOK_LAYOUT',
    `${fileName}: the ${missing.length === 1 ? 'sheet' : 'sheets'} ${quoted(missing)} ${missing.length === 1 ? 'is' : 'are'} missing (found ${names.length === 0 ? 'no other sheet' : quoted(names)}); ` +
      `its rows would be lost: undo the deletion, or export the workbook again`,
  );
}

/** Rows `mt:<key hash>:<lcid>` → `<text hash> <date> <provider>`: the machine translations. */
const MACHINE_PREFIX = 'mt:';

function machineMarks(pairs: ReadonlyMap<string, string>): Map<string, MachineMark> | undefined {
  const marks = new Map<string, MachineMark>();
  for (const [field, value] of pairs) {
    if (!field.startsWith(MACHINE_PREFIX)) continue;
    const [textHash = '', date = '', ...provider] = value.split(' ');
    marks.set(field.slice(MACHINE_PREFIX.length), { textHash, date, provider: provider.join(' ') });
  }
  return marks.size === 0 ? undefined : marks;
}

function lcidOf(value: string, field: string, where: string): number {
  if (!/^\d{4,5}$/.test(value.trim())) {
    throw new CrmKitError('NOT_A_WORKBOOK', `${where}: ${field} "${value}" is not a language code`);
  }
  return Number(value.trim());
}

/** Reads the pairs back; a missing or malformed field means the workbook is not one of ours. */
export function parseMeta(pairs: ReadonlyMap<string, string>, fileName: string): WorkbookMeta {
  const where = `${fileName} › ${META_SHEET}`;
  const field = (name: string): string => {
    const value = pairs.get(name);
    if (value === undefined) {
      throw new CrmKitError('NOT_A_WORKBOOK', `${where}: the field "${name}" is missing`);
    }
    return value;
  };
  const formatVersion = Number(field('formatVersion'));
  if (formatVersion !== FORMAT_VERSION) {
    throw new CrmKitError(
      'NOT_A_WORKBOOK',
      `${where}: workbook layout version ${field('formatVersion')}, this crmkit reads version ${FORMAT_VERSION}`,
    );
  }
  const languages = field('languages').trim();
  const machine = machineMarks(pairs);
  return {
    formatVersion,
    sourceName: field('sourceName'),
    fingerprint: field('fingerprint'),
    solutionName: field('solutionName'),
    baseLcid: lcidOf(field('baseLcid'), 'baseLcid', where),
    languages: languages === '' ? [] : languages.split(',').map((v) => lcidOf(v, 'languages', where)),
    ...(pairs.has('labelSheets') ? { labelSheets: labelSheetsOf(pairs.get('labelSheets'), where) } : {}),
    ...(machine === undefined ? {} : { machine }),
  };
}
