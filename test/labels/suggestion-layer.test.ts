/**
 * An export's suggestions are read in layers, each in a worker thread of its own (or on this
 * thread), keeping only the pairs some empty cell wants: noted while the input itself is read,
 * given to the past layer while it reads, or known beforehand. Whichever way, the table suggests
 * what memories built from every translation, kept by the table noted from every label, suggest.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmKitError } from '../../src/errors';
import { displayKey, type Label, type Lcid } from '../../src/labels/crm-xml/model';
import { prepareExportSuggestions } from '../../src/labels/export-suggestions';
import { readMemoryFiles } from '../../src/labels/load-memory';
import { createMemory, type TranslationMemory } from '../../src/labels/memory/memory';
import { createTableSuggester, type TableSuggester } from '../../src/labels/memory/suggest';
import { packSuggestions, SuggestionTable } from '../../src/labels/memory/suggestion-table';
import { createWantedBases, type PackedWanted } from '../../src/labels/memory/wanted';
import { readLabels, type LabelWorkerFile } from '../../src/labels/read-labels';
import { writeSampleFile } from '../../src/labels/sample-file';
import { openTranslationsSource } from '../../src/labels/source';
import type { LayerRequest, LayerResult, WantedTable } from '../../src/labels/suggestion-layer';
import { startSuggestionLayer } from '../../src/labels/suggestion-layer-thread';
import { zipInMemory } from '../../src/zip/write';
import { removeTempDirs, tempDir, tsWorkerOf } from './support';

const tsWorker: LabelWorkerFile = tsWorkerOf('suggestion-layer-worker.ts');
const TARGETS: Lcid[] = [1049, 1026, 1058];

let dir = '';
const file = (name: string): { path: string; name: string } => ({ path: path.join(dir, name), name });
let labels: Label[] = [];
let noted: PackedWanted;
let expected: TableSuggester;
/** Pairs each layer should keep: those of the wanted table, no more. */
let sizes: number[] = [];

async function labelsOf(name: string): Promise<Label[]> {
  const source = await openTranslationsSource(file(name).path, name);
  const out: Label[] = [];
  try {
    await readLabels(source, { label: (l) => void out.push(l) }, { worker: false });
  } finally {
    await source.close();
  }
  return out;
}

/** As the export read before layers: the wanted table first, then memories that keep only its pairs. */
async function expectedTable(): Promise<void> {
  const wanted = createWantedBases();
  for (const l of labels) wanted.note(l.texts.get(1033) ?? '', l.texts);
  noted = wanted.pack();
  const keep = (baseLcid: Lcid, base: string, lcid: Lcid): boolean =>
    baseLcid === 1033 && wanted.wants(base, lcid);
  const sameFile = createMemory({ keep });
  for (const l of labels)
    for (const [lcid, text] of l.texts)
      sameFile.add(1033, l.texts.get(1033) ?? '', lcid, text, () => `this file, ${displayKey(l)}`);
  const past: TranslationMemory = createMemory({ keep });
  await readMemoryFiles([file('past')], past, { exclude: [file('input.zip').path] });
  expected = createTableSuggester(new SuggestionTable(packSuggestions(1033, [sameFile, past])));
  sizes = [sameFile, past].map((m) => new SuggestionTable(packSuggestions(1033, [m])).size);
}

beforeAll(async () => {
  dir = tempDir('crmkit-layers-');
  await writeSampleFile(file('input.zip').path, { labels: 3000, seed: 3 });
  // A folder of past files: two zips whose counts add up, and the input itself (excluded).
  mkdirSync(file('past').path);
  await writeSampleFile(path.join(dir, 'past', 'a.zip'), {
    labels: 3000,
    seed: 9,
    coverage: [0.9, 0.6, 0.3],
  });
  await writeSampleFile(path.join(dir, 'past', 'b.xml'), {
    labels: 1500,
    seed: 11,
    coverage: [0.5, 0.9, 0.9],
  });
  labels = await labelsOf('input.zip');
  await expectedTable();
}, 60_000);
afterAll(removeTempDirs);

function expectSameSuggestions(layers: readonly LayerResult[]): void {
  const actual = createTableSuggester(new SuggestionTable(layers.map((l) => l.layer)));
  const compare = createTableSuggester(expected.table);
  let suggested = 0;
  for (const label of labels) {
    const got = actual.suggest(label, TARGETS);
    expect(got).toEqual(compare.suggest(label, TARGETS));
    suggested += got?.size ?? 0;
  }
  // Each layer keeps what the table wants and drops the rest, which is most of what it read.
  expect(layers.map((l) => new SuggestionTable(l.layer).size)).toEqual(sizes);
  // Both layers give suggestions: the case is not trivial.
  expect(suggested).toBeGreaterThan(1000);
  expect(new Set(layers.flatMap((l) => l.layer.sources))).toContain('a.zip');
}

const request = (kind: 'file' | 'memory', wanted: LayerRequest['wanted']): LayerRequest =>
  kind === 'file'
    ? { kind, inputs: [file('input.zip')], wanted }
    : { kind, inputs: [file('past')], exclude: [file('input.zip').path], wanted };

describe('the layers of an export suggestion table', () => {
  for (const [where, worker] of [
    ['in worker threads', tsWorker],
    ['on this thread', false],
  ] as const) {
    it(`read once, noting the table while the past layer waits for it, suggest as before (${where})`, async () => {
      let rows = 0;
      const onRows = (n: number): number => (rows += n);
      const own = startSuggestionLayer(request('file', { note: true }), { worker, onRows });
      const past = startSuggestionLayer(request('memory', { later: true }), { worker, onRows });
      const first = await own.result;
      expect(first.wanted?.baseLcid).toBe(1033);
      expect([...first.wanted!.table.masks]).toEqual([...noted.masks]);
      past.giveWanted(first.wanted!);
      const second = await past.result;
      expect([first.files, second.files]).toEqual([1, 2]);
      expect(rows).toBe(
        labels.length + (await labelsOf('past/a.zip')).length + (await labelsOf('past/b.xml')).length,
      );
      expectSameSuggestions([first, second]);
    }, 60_000);

    it(`read for a table known beforehand, suggest as before (${where})`, async () => {
      const wanted: WantedTable = { table: noted, baseLcid: 1033 };
      const layers = await Promise.all(
        (['file', 'memory'] as const).map(
          (kind) => startSuggestionLayer(request(kind, { only: wanted }), { worker }).result,
        ),
      );
      expectSameSuggestions(layers);
    }, 60_000);

    it(`stop waiting for a table when cancelled, and fail with the reader's own error (${where})`, async () => {
      const waiting = startSuggestionLayer(request('memory', { later: true }), { worker });
      waiting.cancel();
      await expect(waiting.result).rejects.toThrow();
      writeFileSync(file('broken.zip').path, 'not a zip at all');
      const broken = startSuggestionLayer(
        { kind: 'memory', inputs: [file('broken.zip')], wanted: { only: { table: noted, baseLcid: 1033 } } },
        { worker },
      );
      const failure = await broken.result.catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(CrmKitError);
      const { code, message } = failure as CrmKitError;
      expect([code, message]).toEqual(['NOT_A_ZIP', 'broken.zip: not a zip file']);
    }, 60_000);
  }

  it("plans by the size of the XML: as the zip declares it, or the file's", async () => {
    const xml = file('input.xml');
    await writeSampleFile(xml.path, { labels: 3000, seed: 3 });
    const sizeOf = async (f: { path: string; name: string }): Promise<number> => {
      const source = await openTranslationsSource(f.path, f.name);
      try {
        return source.xmlSize;
      } finally {
        await source.close();
      }
    };
    const { size } = statSync(xml.path);
    expect(size).toBeGreaterThan(1_000_000);
    expect([await sizeOf(file('input.zip')), await sizeOf(xml)]).toEqual([size, size]);
  });

  for (const [where, worker] of [
    ['in worker threads', tsWorker],
    ['on this thread', false],
  ] as const) {
    it(`fails with the input's own error, the past layer stopped rather than left waiting (${where})`, async () => {
      // A zip that opens, whose XML is refused once its reading has begun.
      const xml = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><Workbook/>';
      writeFileSync(
        file('broken-input.zip').path,
        await zipInMemory([{ path: 'CrmTranslations.xml', bytes: Buffer.from(xml) }], new Date()),
      );
      const failure = await prepareExportSuggestions({
        input: file('broken-input.zip'),
        memory: [file('past')],
        worker,
      }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(CrmKitError);
      expect((failure as CrmKitError).message).toMatch(
        /^broken-input\.zip › CrmTranslations\.xml: line 1: DOCTYPE/,
      );
    }, 60_000);
  }

  it('gives the same table whether the input is read once or first for its empty cells', async () => {
    for (const oneReadLimit of [0, undefined]) {
      const phases: string[] = [];
      const prepared = await prepareExportSuggestions({
        input: file('input.zip'),
        memory: [file('past')],
        worker: false,
        onPhase: (p) => phases.push(p),
        ...(oneReadLimit === undefined ? {} : { oneReadLimit }),
      });
      expect(phases).toEqual(
        oneReadLimit === 0 ? ['reading the file for empty cells', 'reading memory'] : ['reading memory'],
      );
      expect(prepared.memoryFiles).toBe(2);
      const compare = createTableSuggester(expected.table);
      for (const label of labels)
        expect(prepared.suggester.suggest(label, TARGETS)).toEqual(compare.suggest(label, TARGETS));
    }
  }, 60_000);
});
