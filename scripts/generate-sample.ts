/**
 * Generates the bundled sample "Export Translations" zip (deterministic; commit the result):
 *   npm run sample                      → translations/samples/CrmTranslations_ContosoSales_1_0_0_0.zip
 *   npm run sample -- --labels 200000 --out /tmp/big.zip   (or .xml)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSampleFile } from '../src/labels/sample-file';

const { values } = parseArgs({
  options: {
    labels: { type: 'string', default: '600' },
    out: { type: 'string', default: 'translations/samples/CrmTranslations_ContosoSales_1_0_0_0.zip' },
    seed: { type: 'string', default: '1' },
  },
});
const labels = Number(values.labels);
const out = path.resolve(values.out);
await writeSampleFile(out, { labels, seed: Number(values.seed) });
process.stdout.write(`wrote ${out} (${labels} labels)\n`);
