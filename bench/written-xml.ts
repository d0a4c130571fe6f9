/**
 * How much a step wrote, uncompressed: the bytes of every part of its workbooks, read from their
 * zips' directories. Puts a step's time beside the work it did (`--split` writes a workbook per
 * language, each with the keys and base texts again).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ZipFile } from '../src/zip/zip-file';

/** The workbooks at `output`: the file itself, or the .xlsx files of a folder. */
function workbooksAt(output: string): string[] {
  if (!statSync(output).isDirectory()) return [output];
  return readdirSync(output)
    .filter((name) => name.endsWith('.xlsx'))
    .map((name) => path.join(output, name));
}

/** The uncompressed bytes of every part of the workbooks at `output`. */
export async function writtenBytes(output: string): Promise<number> {
  let total = 0;
  for (const file of workbooksAt(output)) {
    const zip = await ZipFile.open(file, (fault) => new Error(`${file}: ${fault.kind}`));
    try {
      for (const entry of zip.entries) total += entry.size;
    } finally {
      await zip.close();
    }
  }
  return total;
}
