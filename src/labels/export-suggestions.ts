/**
 * Suggestions for an export's empty cells (`labels export --memory`, `--consistency`), as
 * suggestions.ts makes them (same suggestions), for a translations zip or CrmTranslations.xml.
 * The file's own translations (consistency) and the past ones are read into one layer each of a
 * suggestion table (suggestion-layer.ts), each in a worker thread of its own, on both cores at
 * once; a layer keeps only the translations that can fill an empty cell (the wanted table).
 *
 * Which cells are empty is known once the whole input is read. An input up to ONE_READ_LIMIT is
 * read once: its layer notes the wanted table while it keeps the file's translations of every base
 * text met twice or more (memory/repeated-bases.ts), and the past files' layer keeps everything
 * until the table comes; both drop what is not wanted when they are packed. A larger input is read
 * for the table first, so that neither layer ever holds more than what is wanted. The export's
 * reader then shares the table to make the rows with.
 */
import { createTableSuggester, type TableSuggester } from './memory/suggest';
import { SuggestionTable, type PackedSuggestions } from './memory/suggestion-table';
import { readLabels } from './read-labels';
import type { LayerRequest, LayerResult, LayerWanted, WantedTable } from './suggestion-layer';
import { startSuggestionLayer, type LayerJob, type LayerJobOptions } from './suggestion-layer-thread';
import type { SuggestionOptions } from './suggestions';
import { openTranslationsSource } from './source';

/**
 * The largest input XML (bytes) read once: the file's every translation and the past ones read
 * meanwhile are held until the wanted table is known (about 60 MB at 150 MB of XML, 400,000 labels).
 */
export const ONE_READ_LIMIT = 150 * 1024 * 1024;

export interface ExportSuggestions {
  /** Suggests from a table settled once the memories are read (suggestion-table.ts). */
  suggester: TableSuggester;
  /** Files the memory was read from (undefined without `memory`). */
  memoryFiles: number | undefined;
}

export interface ExportSuggestionOptions extends SuggestionOptions {
  /** Where the layers are read (tests); default their worker threads when bundled. */
  worker?: LayerJobOptions['worker'];
  /** Inputs up to this size are read once (default ONE_READ_LIMIT). */
  oneReadLimit?: number;
}

/** The input's XML size, and the table of a large input's empty cells (read in the reader's worker). */
async function planReads(o: ExportSuggestionOptions): Promise<WantedTable | undefined> {
  const source = await openTranslationsSource(o.input.path, o.input.name, o.maxSize);
  try {
    if (source.xmlSize <= (o.oneReadLimit ?? ONE_READ_LIMIT)) return undefined;
    o.onPhase?.('reading the file for empty cells');
    const read = await readLabels(
      source,
      {},
      { wanted: { collect: true }, ...(o.onRows === undefined ? {} : { onSkipped: o.onRows }) },
    );
    if (read.wanted === undefined) throw new Error('the reader noted no wanted table');
    return { table: read.wanted, baseLcid: read.header.baseLcid };
  } finally {
    await source.close();
  }
}

/** Awaits every job; on the first failure stops the others and throws it. */
async function allLayers(jobs: readonly LayerJob[]): Promise<LayerResult[]> {
  try {
    return await Promise.all(jobs.map((j) => j.result));
  } catch (e) {
    for (const j of jobs) j.cancel();
    await Promise.allSettled(jobs.map((j) => j.result));
    throw e;
  }
}

export async function prepareExportSuggestions(o: ExportSuggestionOptions): Promise<ExportSuggestions> {
  const first = await planReads(o);
  const wanted = (file: boolean): LayerWanted =>
    first !== undefined ? { only: first } : file ? { note: true } : { later: true };
  const options: LayerJobOptions = {
    ...(o.onRows === undefined ? {} : { onRows: o.onRows }),
    ...(o.worker === undefined ? {} : { worker: o.worker }),
  };
  const start = (request: LayerRequest): LayerJob => startSuggestionLayer(request, options);
  const maxSize = o.maxSize === undefined ? {} : { maxSize: o.maxSize };
  o.onPhase?.(o.memory.length > 0 ? 'reading memory' : 'reading the file for consistency');
  const file = start({ kind: 'file', inputs: [o.input], wanted: wanted(true), ...maxSize });
  const past =
    o.memory.length === 0
      ? undefined
      : start({
          kind: 'memory',
          inputs: o.memory,
          exclude: [o.input.path],
          wanted: wanted(false),
          ...maxSize,
        });
  // The past layer keeps everything until the file's layer has noted which cells are empty.
  if (first === undefined && past !== undefined) {
    file.result.then(
      (r) => (r.wanted === undefined ? past.cancel() : past.giveWanted(r.wanted)),
      () => past.cancel(),
    );
  }
  const [own, memory] = await allLayers(past === undefined ? [file] : [file, past]);
  if (own === undefined) throw new Error('no layer of the file itself');
  // The file's own translations first, then the past ones: as createSuggester consults them.
  const layers: PackedSuggestions[] = [own.layer, ...(memory === undefined ? [] : [memory.layer])];
  return { suggester: createTableSuggester(new SuggestionTable(layers)), memoryFiles: memory?.files };
}
