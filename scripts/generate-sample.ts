/**
 * Generates the bundled sample "Export Translations" zip (deterministic; commit the result):
 *   npm run sample                      → translations/samples/CrmTranslations_ContosoSales_1_0_0_0.zip
 *   npm run sample -- --labels 200000 --out /tmp/big.zip   (or .xml)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_SAMPLE, writeSampleFile } from '../src/labels/sample-file';

const { values } = parseArgs({
  options: {
    labels: { type: 'string', default: String(BUNDLED_SAMPLE.options.labels) },
    out: { type: 'string', default: BUNDLED_SAMPLE.path },
    seed: { type: 'string', default: String(BUNDLED_SAMPLE.options.seed) },
  },
});
const labels = Number(values.labels);
const out = path.resolve(values.out);
await writeSampleFile(out, { labels, seed: Number(values.seed) });
process.stdout.write(`wrote ${out} (${labels} labels)\n`);
