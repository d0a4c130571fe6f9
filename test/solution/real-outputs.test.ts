import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSolutionZip } from '../../src/solution/check';
import { noResxMessage } from '../../src/solution/check-components';
import { prepareOutputs } from '../../src/solution/node/build';
import { packSolution } from '../../src/solution/pack';
import { hasXmllint, validateWithXmllint } from '../../src/solution/node/xmllint';
import { loadProfile, loadSource, repoRoot } from './fakes';

// Packs what `npm run build` left in the repository (the real controls and pages), when it is there.
const source = loadSource();
const { controls, webResources: pages } = prepareOutputs(
  repoRoot,
  source,
  new Set(source.widgets.map((w) => w.id)),
  false,
  {
    log: () => undefined,
    env: {},
  },
);
const missing = source.widgets.filter((w) => !controls.has(w.id) && !pages.has(w.id)).map((w) => w.id);
const skipReason =
  missing.length > 0
    ? `skipping the pack of the real build outputs: not built yet (${missing.join(', ')}); run npm run build`
    : undefined;
if (skipReason !== undefined) console.warn(skipReason);
const xsd = path.resolve(repoRoot, '../shared/xsd');

describe.skipIf(skipReason !== undefined)('packing the real build outputs', () => {
  it.each(['contoso', 'balkan-logistics'])(
    'gives a zip for %s that solution check accepts without findings',
    async (client) => {
      const profile = loadProfile(client, source);
      const packed = await packSolution({ profile, source, managed: true, controls, webResources: pages });
      const result = checkSolutionZip(packed.bytes, packed.fileName);
      expect(result.findings).toEqual([]);
      if (existsSync(xsd) && hasXmllint())
        expect(validateWithXmllint(result.customizationsXml!, xsd)).toEqual([]);
      expect(packed.entries).toContain(
        `Controls/${profile.publisher.prefix}_CollabCrm.SalesFunnel/bundle.js`,
      );
    },
  );

  it('gives a zip for the German client that solution check accepts, warning only of English control texts', async () => {
    const profile = loadProfile('rhein-maschinenbau', source);
    const packed = await packSolution({ profile, source, managed: true, controls, webResources: pages });
    const result = checkSolutionZip(packed.bytes, packed.fileName);
    expect(result.errors).toBe(0);
    expect(new Set(result.findings.map((f) => f.message))).toEqual(
      new Set(packed.fallbackLanguages.map(noResxMessage)),
    );
  });
});
