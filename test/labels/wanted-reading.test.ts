/**
 * The reads of an export with --memory note the wanted table (`collect`) and leave out labels no
 * kept memory needs (`only`) where the file is read: in the label reader's worker, or on this
 * thread. Either way the table is the one noted from every label, and a memory built from the
 * labels passed on is the memory built from all of them.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { labelKey, type Label } from '../../src/labels/crm-xml/model';
import { createMemory, type TranslationMemory } from '../../src/labels/memory/memory';
import { createWantedBases, type PackedWanted } from '../../src/labels/memory/wanted';
import { readLabels, type LabelWorkerFile } from '../../src/labels/read-labels';
import { writeSampleFile } from '../../src/labels/sample-file';
import { openTranslationsSource } from '../../src/labels/source';
import type { WantedReading } from '../../src/labels/wanted-reading';
import { removeTempDirs, tempDir, tsWorkerOf } from './support';

afterAll(removeTempDirs);

const tsWorker: LabelWorkerFile = tsWorkerOf('read-worker.ts');

async function read(
  file: string,
  worker: false | LabelWorkerFile,
  wanted?: WantedReading,
): Promise<{ labels: Label[]; table: PackedWanted | undefined; skipped: number; fingerprint: string }> {
  const source = await openTranslationsSource(file, path.basename(file));
  const labels: Label[] = [];
  let skipped = 0;
  try {
    const result = await readLabels(
      source,
      { label: (label) => void labels.push(label) },
      { worker, ...(wanted === undefined ? {} : { wanted }), onSkipped: (n) => (skipped += n) },
    );
    return { labels, table: result.wanted, skipped, fingerprint: result.fingerprint };
  } finally {
    await source.close();
  }
}

function memoryOf(labels: readonly Label[], wanted: PackedWanted): TranslationMemory {
  const table = createWantedBases(wanted);
  const memory = createMemory({
    keep: (baseLcid, base, lcid) => baseLcid === 1033 && table.wants(base, lcid),
  });
  for (const label of labels)
    for (const [lcid, text] of label.texts)
      memory.add(1033, label.texts.get(1033) ?? '', lcid, text, `row ${labelKey(label)}`);
  return memory;
}

const unitsOf = (memory: TranslationMemory): unknown[] =>
  [...memory.units()].map((u) => [u.base, [...u.translations]]);

describe('reading for suggestions', () => {
  it('notes the same table and passes on exactly the labels a kept memory needs, in the worker or not', async () => {
    const dir = tempDir('crmkit-wanted-reading-');
    const input = path.join(dir, 'input.zip');
    const past = path.join(dir, 'past.zip');
    await writeSampleFile(input, { labels: 3000, seed: 3 });
    await writeSampleFile(past, { labels: 3000, seed: 9, coverage: [0.9, 0.6, 0.3] });

    const everything = await read(input, false);
    const here = await read(input, false, { collect: true });
    const there = await read(input, tsWorker, { collect: true });
    expect([here.labels.length, there.labels.length]).toEqual([0, 0]);
    // Reads for suggestions need no fingerprint, and compute none.
    expect(everything.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect([here.fingerprint, there.fingerprint]).toEqual(['', '']);
    expect(here.skipped).toBe(everything.labels.length);
    expect(there.skipped).toBe(everything.labels.length);
    const noted = createWantedBases();
    for (const label of everything.labels) noted.note(label.texts.get(1033) ?? '', label.texts);
    const expected = noted.pack();
    for (const table of [here.table!, there.table!]) {
      expect(table.bits).toEqual(expected.bits);
      expect([...table.hashes]).toEqual([...expected.hashes]);
      expect([...table.masks]).toEqual([...expected.masks]);
    }

    const all = await read(past, false);
    const only: WantedReading = { only: expected, baseLcid: 1033 };
    const passedHere = await read(past, false, only);
    const passedThere = await read(past, tsWorker, only);
    // Some left out, some passed on: the case is not trivial.
    expect(passedHere.labels.length).toBeGreaterThan(0);
    expect(passedHere.labels.length).toBeLessThan(all.labels.length);
    expect(passedThere.labels.map(labelKey)).toEqual(passedHere.labels.map(labelKey));
    expect(passedThere.skipped + passedThere.labels.length).toBe(all.labels.length);
    expect(unitsOf(memoryOf(passedThere.labels, expected))).toEqual(unitsOf(memoryOf(all.labels, expected)));
  }, 60_000);

  it('passes on nothing of a file of another base language', async () => {
    const dir = tempDir('crmkit-wanted-reading-');
    const past = path.join(dir, 'past.zip');
    await writeSampleFile(past, { labels: 200, seed: 9 });
    const noted = createWantedBases();
    noted.note('anything', new Map());
    const passed = await read(past, false, { only: noted.pack(), baseLcid: 1031 });
    expect([passed.labels.length, passed.skipped]).toEqual([0, 204]);
  });
});
