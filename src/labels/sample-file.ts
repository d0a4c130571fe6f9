/** Writes the generated sample translations (see translations/sample.ts) as a zip or a bare XML file. */
import { open } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { writeAtomically } from '../fs/atomic';
import { SAMPLE_CONTENT_TYPES, sampleXml, type SampleOptions } from './crm-xml/sample';
import { ZipWriter } from '../zip/write';
import { CONTENT_TYPES_ENTRY, TRANSLATIONS_ENTRY } from './source';

/** What `npm run sample` generates into translations/samples/ (a test checks the committed zip is current). */
export const BUNDLED_SAMPLE = {
  path: 'translations/samples/CrmTranslations_ContosoSales_1_0_0_0.zip',
  options: { labels: 600, seed: 1 } satisfies SampleOptions,
};

/** A fixed time stamp keeps the generated zip byte-identical from run to run. */
const SAMPLE_TIME = new Date(2026, 4, 30, 11, 42, 52);

async function writeXml(out: Writable, options: SampleOptions): Promise<void> {
  for (const chunk of sampleXml(options)) {
    if (!out.write(chunk, 'utf8')) await new Promise((resolve) => out.once('drain', resolve));
  }
}

export async function writeSampleFile(target: string, options: SampleOptions): Promise<void> {
  await writeAtomically(target, async (temp, openStream) => {
    if (target.endsWith('.xml')) {
      const out = openStream();
      await writeXml(out, options);
      out.end();
      await finished(out);
      return;
    }
    const fh = await open(temp, 'w');
    try {
      const zip = new ZipWriter(fh, SAMPLE_TIME);
      await zip.addEntry(TRANSLATIONS_ENTRY, (input) => writeXml(input, options));
      await zip.addBuffer(CONTENT_TYPES_ENTRY, Buffer.from(SAMPLE_CONTENT_TYPES, 'utf8'));
      await zip.finish();
    } finally {
      await fh.close();
    }
  });
}
