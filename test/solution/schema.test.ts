import { describe, expect, it } from 'vitest';
import { validateWithXmllint } from '../../src/solution/node/xmllint';
import { packSolution } from '../../src/solution/pack';
import { readZip } from '../../src/solution/zip-read';
import { fakeOutputs, loadProfile, loadSource } from './fakes';
import { schemaSkipReason, xsd } from './xsd';

const skipReason = schemaSkipReason('schema validation');

const source = loadSource();

describe.skipIf(skipReason !== undefined)("customizations.xml against Microsoft's schema (xmllint)", () => {
  it.each(['contoso', 'balkan-logistics', 'rhein-maschinenbau'])(
    'validates the customizations.xml packed for %s',
    async (client) => {
      const profile = loadProfile(client, source);
      const packed = await packSolution({ profile, source, managed: false, ...fakeOutputs() });
      const cx = readZip(packed.bytes, packed.fileName).files.get('customizations.xml')!;
      expect(validateWithXmllint(cx, xsd)).toEqual([]);
    },
  );

  it('reports a wrong WebResourceType with its line', async () => {
    const profile = loadProfile('contoso', source);
    const packed = await packSolution({ profile, source, managed: false, ...fakeOutputs() });
    const cx = new TextDecoder().decode(
      readZip(packed.bytes, packed.fileName).files.get('customizations.xml'),
    );
    const broken = new TextEncoder().encode(
      cx.replace('<WebResourceType>3</WebResourceType>', '<WebResourceType>js</WebResourceType>'),
    );
    const findings = validateWithXmllint(broken, xsd);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      where: expect.stringMatching(/^customizations\.xml › schema line \d+$/) as unknown,
    });
    expect(findings[0]!.message).toMatch(/WebResourceType/);
  });
});
