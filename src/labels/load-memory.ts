/**
 * Loads a translation memory from what a team keeps: translations zips, CrmTranslations.xml,
 * translator workbooks and TMX files, given one by one or as folders (searched recursively).
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CrmKitError } from '../errors';
import { createMemory, type MemoryOptions, type TranslationMemory } from './memory/memory';
import { addTmxUnitToMemory } from './memory/suggest';
import { readTmx } from './memory/tmx-read';
import { BASE_FROM_RESULT, readLabelInput, type InputOptions } from './label-input';

/** Files a memory folder contributes: translations zips, CrmTranslations.xml, workbooks, TMX. */
const MEMORY_EXTENSIONS = new Set(['.zip', '.xml', '.xlsx', '.tmx']);

async function memoryFiles(input: string): Promise<string[]> {
  let s;
  try {
    s = await stat(input);
  } catch {
    throw new CrmKitError('FILE_NOT_FOUND', `${path.basename(input)}: no such file or folder`);
  }
  if (!s.isDirectory()) return [input];
  const entries = await readdir(input, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && MEMORY_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export interface LoadedMemory {
  memory: TranslationMemory;
  files: string[];
}

/**
 * Builds a memory from files and folders (searched recursively for .zip, .xml, .xlsx, .tmx).
 * `exclude` (absolute paths) are skipped, e.g. the output of `memory build` or the export's input.
 * `keep` limits it to the base texts that will be looked up (see `MemoryOptions`).
 */
export async function loadMemory(
  inputs: readonly string[],
  options: InputOptions & {
    exclude?: readonly string[];
    onRows?: (n: number) => void;
    keep?: MemoryOptions['keep'];
  } = {},
): Promise<LoadedMemory> {
  const memory = createMemory(options.keep === undefined ? {} : { keep: options.keep });
  const files: string[] = [];
  const exclude = new Set((options.exclude ?? []).map((p) => path.resolve(p)));
  for (const input of inputs) {
    for (const file of await memoryFiles(input)) {
      if (exclude.has(path.resolve(file))) continue;
      files.push(file);
      const source = path.basename(file);
      if (path.extname(file).toLowerCase() === '.tmx') {
        await readTmx(createReadStream(file), source, (unit, header) => {
          addTmxUnitToMemory(memory, unit, header, source);
          options.onRows?.(1);
        });
        continue;
      }
      // A workbook's base language is known at its end: its rows go through a memory of their own.
      let into = memory;
      const result = await readLabelInput(
        file,
        ({ baseLcid }) => {
          if (baseLcid === BASE_FROM_RESULT) into = createMemory();
          return (row) => {
            for (const [lcid, text] of row.targets) into.add(baseLcid, row.base, lcid, text, source);
            options.onRows?.(1);
          };
        },
        options,
      );
      if (into !== memory) {
        for (const unit of into.units()) {
          for (const [lcid, m] of unit.translations)
            memory.add(result.baseLcid, unit.base, lcid, m.text, m.source);
        }
      }
    }
  }
  return { memory, files };
}
