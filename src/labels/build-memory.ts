/**
 * `labels memory build`: collects the translations of zips, CrmTranslations.xml, workbooks and TMX
 * files into one TMX 1.4 file, written atomically.
 */
import { once } from 'node:events';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { CrmKitError } from '../errors';
import { writeAtomically } from '../fs/atomic';
import type { NamedFile } from '../fs/open-input';
import { VERSION } from '../version';
import type { Lcid } from './crm-xml/model';
import { readMemoryFiles } from './load-memory';
import type { MemoryUnit } from './memory/memory';
import { createSpilledMemory } from './memory/spilled-memory';
import { tmxChunks } from './memory/tmx-write';
import type { ProgressCallbacks } from './progress-callbacks';

export interface BuildMemoryOptions extends Pick<ProgressCallbacks, 'onRows'> {
  /** Files and folders (searched recursively for .zip, .xml, .xlsx, .tmx). */
  inputs: readonly NamedFile[];
  /** The .tmx file to write (skipped when found among the inputs). */
  output: NamedFile;
  /** Largest XML accepted inside a zip, in bytes. */
  maxSize?: number;
  /** The TMX creation date (default now). */
  now?: Date;
}

export interface BuiltMemory {
  /** Distinct (base text, language) translations written. */
  translations: number;
  baseTexts: number;
  /** Files read. */
  files: number;
}

export async function buildMemory(o: BuildMemoryOptions): Promise<BuiltMemory> {
  if (path.extname(o.output.path).toLowerCase() !== '.tmx') {
    throw new CrmKitError('USAGE', `-o ${o.output.name}: the memory file must end in .tmx`);
  }
  // Translations are grouped by base text on disk once there are many: flat memory.
  const memory = createSpilledMemory();
  try {
    const files = await readMemoryFiles(o.inputs, memory, {
      exclude: [o.output.path],
      maxEntrySize: o.maxSize,
      ...(o.onRows === undefined ? {} : { onRows: o.onRows }),
    });
    if (memory.taken === 0) {
      throw new CrmKitError(
        'VALIDATION',
        `no translations found in ${files.length} file(s); nothing to put in ${o.output.name}`,
      );
    }
    // Units stream from the memory to the file; the first is looked at ahead (its base language).
    const units = memory.units();
    const first = units.next();
    const baseLcid: Lcid = first.done === true ? 1033 : first.value.baseLcid;
    let baseTexts = 0;
    function* counted(): Generator<MemoryUnit> {
      if (first.done === true) return;
      baseTexts++;
      yield first.value;
      for (const unit of units) {
        baseTexts++;
        yield unit;
      }
    }
    await writeAtomically(o.output, async (_temp, openStream) => {
      const out = openStream();
      const chunks = tmxChunks(counted(), { baseLcid, createdAt: o.now ?? new Date(), toolVersion: VERSION });
      for (const chunk of chunks) {
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.end();
      await finished(out);
    });
    return { translations: memory.size, baseTexts, files: files.length };
  } finally {
    memory.discard();
  }
}
