/**
 * One layer of an export's suggestion table (memory/suggestion-table.ts): the file's own
 * translations, or the past ones (files and folders), read into a memory and packed where they
 * were read. Only the packed layer (shared memory) leaves the thread; the memory and its garbage
 * go with it. Runs on any thread; suggestion-layer-thread.ts runs it in a worker.
 *
 * A layer keeps the pairs the wanted table wants (memory/wanted.ts: a (base text, language) pair
 * some row of the export has empty). The table is given beforehand (`only`: just those labels are
 * read on), noted while the file itself is read (`note`: the file's own layer, one read for both),
 * or given while reading (`later`: every pair is kept until it comes, the others dropped when the
 * layer is packed). A pair's translation is the memory's pick in every case: which pairs are kept
 * never changes how a kept pair's translations are counted.
 */
import type { NamedFile } from '../fs/open-input';
import { displayKey, type Lcid } from './crm-xml/model';
import { readTranslations, type TranslationsReadResult, type TranslationsVisitor } from './crm-xml/read';
import { readMemoryFiles } from './load-memory';
import { createMemory, type TranslationMemory } from './memory/memory';
import { RepeatedBases } from './memory/repeated-bases';
import { packSuggestions, type PackedSuggestions } from './memory/suggestion-table';
import { createWantedBases, type PackedWanted, type WantedBases } from './memory/wanted';
import { readLabels } from './read-labels';
import { openTranslationsSource, type TranslationsSource } from './source';

/** A wanted table and the base language of the file it was noted from. */
export interface WantedTable {
  table: PackedWanted;
  baseLcid: Lcid;
}

export type LayerWanted = { only: WantedTable } | { note: true } | { later: true };

export interface LayerRequest {
  /** `file`: the export's input (a translation's source names its row); `memory`: past files and folders. */
  kind: 'file' | 'memory';
  inputs: readonly NamedFile[];
  /** Paths not to read (the export's input, met in a memory folder). */
  exclude?: readonly string[];
  /** Largest XML accepted inside a zip, in bytes. */
  maxSize?: number;
  wanted: LayerWanted;
}

export interface LayerResult {
  layer: PackedSuggestions;
  /** Files read. */
  files: number;
  /** The table noted (`note`). */
  wanted?: WantedTable;
}

export interface LayerIo {
  /** Labels, workbook rows or TMX units read (labels left out count too). */
  onRows?: (n: number) => void;
  /** The wanted table of a `later` layer, once known. */
  wanted?: Promise<WantedTable>;
}

/** A wanted table ready for lookups, with the base language its pairs are of. */
interface Wanted {
  bases: WantedBases;
  baseLcid: Lcid;
}

const ready = (w: WantedTable): Wanted => ({ bases: createWantedBases(w.table), baseLcid: w.baseLcid });

/** Reads without the file's fingerprint, which no suggestion needs. */
const readAll = (source: TranslationsSource, visitor: TranslationsVisitor): Promise<TranslationsReadResult> =>
  readTranslations(source.xml(), source.where, visitor, undefined, { fingerprint: false });

export async function readSuggestionLayer(request: LayerRequest, io: LayerIo = {}): Promise<LayerResult> {
  const given = 'only' in request.wanted ? request.wanted.only : undefined;
  let wanted: Wanted | undefined = given === undefined ? undefined : ready(given);
  if ('later' in request.wanted) {
    if (io.wanted === undefined) throw new Error('a layer waiting for a wanted table nobody gives');
    // Taken as soon as it comes: pairs met after that are kept only when wanted.
    void io.wanted.then(
      (w) => (wanted = ready(w)),
      () => undefined,
    );
  }
  const noted = 'note' in request.wanted ? createWantedBases() : undefined;
  const memory = createMemory({
    keep: (lcid, base, target) =>
      noted !== undefined ||
      wanted === undefined ||
      (lcid === wanted.baseLcid && wanted.bases.wants(base, target)),
  });
  // Labels of other base languages are left out by keepWanted (`only`), and never packed.
  const read = (source: TranslationsSource, visitor: TranslationsVisitor): Promise<TranslationsReadResult> =>
    given === undefined
      ? readAll(source, visitor)
      : readLabels(source, visitor, {
          worker: false,
          wanted: { only: given.table, baseLcid: given.baseLcid },
          ...(io.onRows === undefined ? {} : { onSkipped: io.onRows }),
        });
  let files: number;
  let fileBase: Lcid | undefined;
  if (request.kind === 'file') {
    const [input] = request.inputs;
    if (input === undefined || request.inputs.length > 1) throw new Error('a file layer reads one file');
    // Read once for the table too, every row is noted, and only base texts met again kept.
    const repeated = noted === undefined ? undefined : new RepeatedBases(memory);
    const take: RowTaker =
      noted === undefined || repeated === undefined
        ? (baseLcid, base, texts, place) => {
            for (const [lcid, text] of texts) memory.add(baseLcid, base, lcid, text, place);
          }
        : (baseLcid, base, texts, place) => {
            noted.note(base, texts);
            repeated.add(baseLcid, base, texts, place);
          };
    fileBase = await readFileTranslations(input, request.maxSize, take, read, io.onRows);
    files = 1;
  } else {
    const read1 = await readMemoryFiles(request.inputs, memory, {
      exclude: request.exclude ?? [],
      maxEntrySize: request.maxSize,
      readTranslationsSource: read,
      ...(io.onRows === undefined ? {} : { onRows: io.onRows }),
    });
    files = read1.length;
  }
  if (noted !== undefined) {
    const table = { table: noted.pack(), baseLcid: fileBase ?? 0 };
    return { layer: pack(memory, ready(table)), files, wanted: table };
  }
  if (wanted === undefined && io.wanted !== undefined) wanted = ready(await io.wanted);
  if (wanted === undefined) throw new Error('a layer without a wanted table');
  return { layer: pack(memory, wanted), files };
}

/** The pairs `wanted` wants, of its base language. */
const pack = (memory: TranslationMemory, wanted: Wanted): PackedSuggestions =>
  packSuggestions(wanted.baseLcid, [memory], (_base, lcid, hash) => wanted.bases.wantsHash(hash, lcid));

/** What takes a row of the file: its base text, its texts by language, where it stands. */
type RowTaker = (baseLcid: Lcid, base: string, texts: ReadonlyMap<Lcid, string>, place: () => string) => void;

/** Hands every row of the file to `take`; returns the file's base language. */
async function readFileTranslations(
  input: NamedFile,
  maxSize: number | undefined,
  take: RowTaker,
  read: (source: TranslationsSource, visitor: TranslationsVisitor) => Promise<TranslationsReadResult>,
  onRows: ((n: number) => void) | undefined,
): Promise<Lcid> {
  const source = await openTranslationsSource(input.path, input.name, maxSize);
  try {
    let baseLcid: Lcid = 0;
    const result = await read(source, {
      sheet(_sheet, _languages, header) {
        baseLcid = header.baseLcid;
      },
      label(row) {
        take(baseLcid, row.texts.get(baseLcid) ?? '', row.texts, () => `this file, ${displayKey(row)}`);
        onRows?.(1);
        return undefined;
      },
    });
    return result.header.baseLcid;
  } finally {
    await source.close();
  }
}
