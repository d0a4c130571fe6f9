/**
 * The hidden `_crmkit` sheet: one `field | value` pair per row, every value a text cell, so that
 * spreadsheet programs re-saving the workbook cannot reformat it.
 */
import { CrmKitError } from '../../errors';
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
    ...[...(meta.machine ?? [])].map(([at, m]): [string, string] => [
      `${MACHINE_PREFIX}${at}`,
      `${m.textHash} ${m.date} ${m.provider}`,
    ]),
  ];
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
    ...(machine === undefined ? {} : { machine }),
  };
}
