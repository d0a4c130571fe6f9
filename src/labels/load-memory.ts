/**
 * Loads a translation memory from what a team keeps: translations zips, CrmTranslations.xml,
 * translator workbooks and TMX files, given one by one or as folders (searched recursively).
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { checkReadable, filesInFolder, statInput, type NamedFile } from '../fs/open-input';
import { createMemory, type MemoryOptions, type TranslationMemory } from './memory/memory';
import { addTmxUnitToMemory } from './memory/suggest';
import { readTmx } from './memory/tmx-read';
import { readLabelInput, type InputOptions } from './label-input';

/** Files a memory folder contributes: translations zips, CrmTranslations.xml, workbooks, TMX. */
const MEMORY_EXTENSIONS = new Set(['.zip', '.xml', '.xlsx', '.tmx']);

const extensionOf = (file: NamedFile): string => path.extname(file.path).toLowerCase();

async function memoryFiles(input: NamedFile): Promise<NamedFile[]> {
  if (!(await statInput(input)).isDirectory()) return [input];
  return (await filesInFolder(input))
    .filter((f) => MEMORY_EXTENSIONS.has(extensionOf(f)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface LoadedMemory {
  memory: TranslationMemory;
  /** The files read (the folders' contents, without the excluded). */
  files: NamedFile[];
}

export interface LoadMemoryOptions extends InputOptions {
  /** Absolute paths to skip, e.g. the output of `memory build` or the export's input. */
  exclude?: readonly string[];
  /** Translation units or labels read (for progress). */
  onRows?: (n: number) => void;
  /** Limits the memory to the base texts that will be looked up (see `MemoryOptions`). */
  keep?: MemoryOptions['keep'];
}

/** Builds a memory from files and folders (searched recursively for .zip, .xml, .xlsx, .tmx). */
export async function loadMemory(
  inputs: readonly NamedFile[],
  options: LoadMemoryOptions = {},
): Promise<LoadedMemory> {
  const memory = createMemory(options.keep === undefined ? {} : { keep: options.keep });
  const files = await readMemoryFiles(inputs, memory, options);
  return { memory, files };
}

/** Where the translations read go: a memory, or anything that takes them one by one. */
export type MemorySink = Pick<TranslationMemory, 'add'>;

/** Reads the files and folders' translations into `memory`; returns the files read. */
export async function readMemoryFiles(
  inputs: readonly NamedFile[],
  memory: MemorySink,
  options: Omit<LoadMemoryOptions, 'keep'> = {},
): Promise<NamedFile[]> {
  const files: NamedFile[] = [];
  const exclude = new Set((options.exclude ?? []).map((p) => path.resolve(p)));
  for (const input of inputs) {
    for (const file of await memoryFiles(input)) {
      if (exclude.has(path.resolve(file.path))) continue;
      files.push(file);
      // A suggestion's note names the file it came from, without its folder.
      const source = path.basename(file.path);
      if (extensionOf(file) === '.tmx') {
        await checkReadable(file);
        await readTmx(createReadStream(file.path), source, (unit, header) => {
          addTmxUnitToMemory(memory, unit, header, source);
          options.onRows?.(1);
        });
        continue;
      }
      await readLabelInput(
        file,
        ({ baseLcid }) =>
          (row) => {
            for (const [lcid, text] of row.targets) memory.add(baseLcid, row.base, lcid, text, source);
            options.onRows?.(1);
          },
        options,
      );
    }
  }
  return files;
}
