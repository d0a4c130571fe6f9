import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packSolution } from '../../src/solution/pack';
import { readZip } from '../../src/solution/zip-read';
import { fakeOutputs, loadProfile, loadSource, repoRoot } from './fakes';

// Golden copies of the XML crmkit writes; `CRMKIT_UPDATE_GOLDEN=1 npx vitest run test/solution/golden.test.ts`
// rewrites them after an intended change (then review the diff).
const goldenDir = path.join(repoRoot, 'test/fixtures/solution/golden');
const update = process.env.CRMKIT_UPDATE_GOLDEN === '1';
const source = loadSource();

describe('packed XML against golden files', () => {
  it.each([
    ['contoso', true],
    ['balkan-logistics', false],
    ['rhein-maschinenbau', true],
  ])(
    'writes the same solution.xml, customizations.xml and [Content_Types].xml for %s',
    async (client, managed) => {
      const profile = loadProfile(client, source);
      const packed = await packSolution({ profile, source, managed, ...fakeOutputs() });
      const { files } = readZip(packed.bytes, packed.fileName);
      for (const name of ['solution.xml', 'customizations.xml', '[Content_Types].xml']) {
        const file = path.join(goldenDir, client, name);
        const actual = Buffer.from(files.get(name)!);
        if (update || !existsSync(file)) {
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, actual);
        }
        expect(actual.equals(readFileSync(file)), `${client}/${name} differs from its golden copy`).toBe(
          true,
        );
      }
    },
  );
});
