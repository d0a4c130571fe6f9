/**
 * Shared by the translate tests: a translations zip with planted cases (placeholders, markup,
 * repeated base texts, a person's translation, an Account term), its workbook, and the CLI run
 * in-process with an environment of its own (keys and stand-in addresses).
 */
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { memoryIo } from '../../../src/cli/io';
import { run } from '../../../src/cli/run';
import { exportLabels } from '../../../src/labels';
import { readWorkbook } from '../../../src/labels/workbook/read';
import type { WorkbookRow } from '../../../src/labels/workbook/types';
import { translationsXml, translationsZip, type FixtureLabel } from '../../fixtures/crm-xml/translations';

export const LABELS: FixtureLabel[] = [
  { entity: 'account', objectId: 'a1', column: 'DisplayName', texts: { 1033: 'Account name', 1049: '' } },
  { entity: 'account', objectId: 'a2', column: 'DisplayName', texts: { 1033: 'Save {0} of {1}', 1049: '' } },
  {
    entity: 'account',
    objectId: 'a3',
    column: 'Description',
    texts: { 1033: 'Click <b>Save</b> & close', 1049: '' },
  },
  { entity: 'account', objectId: 'a4', column: 'DisplayName', texts: { 1033: 'Close', 1049: 'Закрыть' } },
  { entity: 'contact', objectId: 'c1', column: 'DisplayName', texts: { 1033: 'Account name', 1049: '' } },
  { entity: 'contact', objectId: 'c2', column: 'DisplayName', texts: { 1033: 'Step %1', 1049: '' } },
  { sheet: 'Display Strings', entity: 'Messages', objectId: 'm1', texts: { 1033: 'Saved {0}', 1049: '' } },
];

/** Writes Solution.zip and its workbook `name` (Russian only) into `dir`. */
export async function workbookIn(dir: string, name = 'ru.xlsx', labels = LABELS): Promise<string> {
  const zip = path.join(dir, 'Solution.zip');
  await writeFile(zip, await translationsZip(translationsXml(labels, { languages: [1033, 1049] })));
  const output = path.join(dir, name);
  await exportLabels({ input: { path: zip, name: 'Solution.zip' }, output: { path: output, name } });
  return output;
}

export async function copyOf(file: string, name: string): Promise<string> {
  const target = path.join(path.dirname(file), name);
  await copyFile(file, target);
  return target;
}

export async function rowsOf(file: string): Promise<WorkbookRow[]> {
  const rows: WorkbookRow[] = [];
  await readWorkbook({ path: file }, path.basename(file), (row) => rows.push(row));
  return rows;
}

export function textOf(rows: readonly WorkbookRow[], objectId: string, lcid = 1049): string | undefined {
  return rows.find((r) => r.objectId === objectId)?.texts.get(lcid);
}

export async function crmkitWithEnv(
  dir: string,
  env: Record<string, string | undefined>,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(dir, env);
  const code = await run(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}
