import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrmKitError } from '../../src/errors';
import { checkSolutionZip } from '../../src/solution/check';
import { readControlManifest, setPropertyDefault } from '../../src/solution/manifest';
import type { ClientProfile } from '../../src/solution/model';
import { packSolution } from '../../src/solution/pack';
import { readZip } from '../../src/solution/zip-read';
import { decodeUtf8 } from '../../src/solution/xml';
import { fakeControlOutput, fakeOutputs, loadProfile, loadSource } from './fakes';

const source = loadSource();

async function packedParts(profile: ClientProfile, outputs = fakeOutputs()) {
  const packed = await packSolution({ profile, source, managed: true, ...outputs });
  const { files } = readZip(packed.bytes, packed.fileName);
  const prefix = profile.publisher.prefix;
  const manifestPath = `Controls/${prefix}_CollabCrm.CollabSurvey/ControlManifest.xml`;
  const manifest = readControlManifest(decodeUtf8(files.get(manifestPath)!), manifestPath);
  const config = JSON.parse(decodeUtf8(files.get(`WebResources/${prefix}_/crmkit/config.json`)!)) as {
    survey: { definition?: unknown };
  };
  const input = manifest.properties.find((p) => p.name === 'definition');
  return { packed, manifest, config, input };
}

describe("the client's survey definition in the packed survey control", () => {
  it.each(['contoso', 'balkan-logistics'])(
    "is the default of the control's definition input for %s, the same document config.json carries",
    async (client) => {
      const profile = loadProfile(client, source);
      const { packed, config, input } = await packedParts(profile);
      expect(profile.defaults?.survey?.definition).toBeDefined();
      expect(input?.usage).toBe('input');
      expect(JSON.parse(input!.defaultValue!)).toEqual(profile.defaults!.survey!.definition);
      expect(config.survey.definition).toEqual(profile.defaults!.survey!.definition);
      expect(checkSolutionZip(packed.bytes, packed.fileName).findings).toEqual([]);
    },
  );

  it('is left unset when the profile has no definition (the control asks its built-in questions)', async () => {
    const profile = structuredClone(loadProfile('contoso', source));
    delete profile.defaults!.survey!.definition;
    const { packed, config, input } = await packedParts(profile);
    expect(input).toBeDefined();
    expect(input!.defaultValue).toBeUndefined();
    expect(config.survey.definition).toBeUndefined();
    expect(checkSolutionZip(packed.bytes, packed.fileName).findings).toEqual([]);
  });

  it('stops the pack when the survey control has no definition input to carry it', async () => {
    const outputs = fakeOutputs();
    const manifest = decodeUtf8(fakeControlOutput('CollabSurvey').get('ControlManifest.xml')!).replace(
      /\s*<property name="definition"[^>]*\/>/,
      '',
    );
    const survey = new Map(fakeControlOutput('CollabSurvey')).set(
      'ControlManifest.xml',
      new TextEncoder().encode(manifest),
    );
    const controls = new Map(outputs.controls).set('survey', survey);
    const error = await packSolution({
      profile: loadProfile('contoso', source),
      source,
      managed: true,
      ...outputs,
      controls,
    }).catch((e: unknown) => e);
    expect(isCrmKitError(error) && error.code).toBe('BUILD_FAILED');
    expect(isCrmKitError(error) && error.problems).toEqual([
      {
        where: 'CollabSurvey/ControlManifest.xml',
        message: "has no input property definition to carry the client's defaults (controls/CollabSurvey)",
      },
    ]);
  });
});

describe('setPropertyDefault', () => {
  const manifest = decodeUtf8(fakeControlOutput('CollabSurvey').get('ControlManifest.xml')!);

  it('gives back any JSON document as the attribute value and changes no other byte', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify(value);
        const text = setPropertyDefault(manifest, 'definition', json, 'm.xml');
        const info = readControlManifest(text, 'm.xml');
        expect(info.properties.find((p) => p.name === 'definition')?.defaultValue).toBe(json);
        expect(text.replace(/ default-value="[^"]*"/, '')).toBe(manifest);
      }),
    );
  });

  it('sets the property, not a property-set of the same name before it', () => {
    const withSet = manifest.replace(
      '<property name="definition"',
      '<data-set name="d"><property-set name="definition" usage="bound" /></data-set>\n    <property name="definition"',
    );
    const text = setPropertyDefault(withSet, 'definition', '{}', 'm.xml');
    expect(text).toContain('<property-set name="definition" usage="bound" />');
    expect(readControlManifest(text, 'm.xml').properties[1]?.defaultValue).toBe('{}');
  });

  it('replaces a default-value the property already has', () => {
    const once = setPropertyDefault(manifest, 'definition', '{"a":1}', 'm.xml');
    const twice = setPropertyDefault(once, 'definition', '{"b":"<&>"}', 'm.xml');
    expect(twice.match(/default-value=/g)).toHaveLength(1);
    expect(twice).toContain('default-value="{&quot;b&quot;:&quot;&lt;&amp;&gt;&quot;}"');
  });
});
