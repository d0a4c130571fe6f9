/**
 * Helpers for the label round-trip tests: temp folders, running the CLI in-process, reading zips,
 * and editing a workbook with SheetJS — a second spreadsheet library, as a translator's program.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import type { Lcid } from '../../src/labels/crm-xml/model';
import { runCli, type CliResult } from '../cli/support';

const created: string[] = [];

/**
 * A worker thread's TypeScript (`file`, under src/labels/), loaded through tsx as the bundle loads
 * the built file: what the label reader and the sheet reader take as their worker in tests.
 */
export function tsWorkerOf(file: string): { script: string } {
  const url = new URL(`../../src/labels/${file}`, import.meta.url);
  return {
    script: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
  };
}

/** A new temporary folder, removed by `removeTempDirs()` (call it in `afterAll`). */
export function tempDir(prefix = 'crmkit-labels-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A new temporary folder and `at(name)`: a file in it, named in messages by `name`. */
export function tempFiles(prefix: string): {
  dir: string;
  at: (name: string) => { path: string; name: string };
} {
  const dir = tempDir(prefix);
  return { dir, at: (name) => ({ path: path.join(dir, name), name }) };
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export type { CliResult };

/** Runs `crmkit <argv>` in-process in `dir` (see test/cli/support.ts). */
export function crmkit(dir: string, ...argv: string[]): Promise<CliResult> {
  return runCli(dir, argv);
}

export function files(dir: string): string[] {
  return readdirSync(dir).sort();
}

export async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.file(name)!.async('nodebuffer'));
  return out;
}

export interface CellRef {
  sheet: 'Localized Labels' | 'Display Strings';
  objectId: string;
  column?: string;
  lcid: Lcid;
}

/** The address (e.g. `E7`) of a label's text cell in an exported workbook, found by key and caption. */
export function findCell(wb: XLSX.WorkBook, ref: CellRef): string {
  const ws = wb.Sheets[ref.sheet]!;
  const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: '' });
  const header = rows[0] ?? [];
  const col = header.findIndex((h) => h.endsWith(`(${ref.lcid})`));
  const keyCols = ref.sheet === 'Localized Labels' ? 3 : 2;
  const r = rows.findIndex(
    (cells, i) => i > 0 && cells[1] === ref.objectId && (keyCols === 2 || cells[2] === ref.column),
  );
  if (col < 0 || r < 0) throw new Error(`no cell for ${JSON.stringify(ref)}`);
  return XLSX.utils.encode_cell({ r, c: col });
}

/** Opens a workbook with SheetJS, lets `edit` change it, and saves it as another program would. */
export function editWithSheetJs(file: string, edit: (wb: XLSX.WorkBook) => void, target = file): void {
  const wb = XLSX.read(readFileSync(file), { type: 'buffer', cellFormula: true, cellStyles: true });
  edit(wb);
  writeFileSync(target, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

export function setText(wb: XLSX.WorkBook, ref: CellRef, text: string): string {
  const address = findCell(wb, ref);
  wb.Sheets[ref.sheet]![address] = { t: 's', v: text };
  return address;
}

export { XLSX };
