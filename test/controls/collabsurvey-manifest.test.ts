import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_LCIDS, readCatalogue } from '../../scripts/generate-resx';

const controlDir = path.resolve(import.meta.dirname, '../../controls/CollabSurvey/CollabSurvey');
const generatedTypes = path.join(controlDir, 'generated', 'ManifestTypes.d.ts');
const notBuilt = existsSync(generatedTypes)
  ? undefined
  : `skipped: ${path.relative(process.cwd(), generatedTypes)} does not exist yet (run npm run build -w controls/CollabSurvey)`;
if (notBuilt !== undefined) console.warn(notBuilt);

interface Node {
  [key: string]: unknown;
}
const manifestText = readFileSync(path.join(controlDir, 'ControlManifest.Input.xml'), 'utf8');
const parsed = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['property', 'resx', 'type'].includes(name),
}).parse(manifestText) as {
  manifest: { control: Node & { property: Node[]; resources: { resx: Node[] } } };
};
const control = parsed.manifest.control;

describe('CollabSurvey manifest', () => {
  it('declares the bound responses column (text, or in records mode the NPS or CSAT summary) and the optional score columns', () => {
    const props = Object.fromEntries(
      control.property.map((p) => [
        String(p['@_name']),
        [p['@_usage'], p['@_of-type'] ?? p['@_of-type-group'], p['@_required']],
      ]),
    );
    expect(props).toEqual({
      responses: ['bound', 'surveyColumn', 'true'],
      definition: ['input', 'Multiple', 'false'],
      csat: ['bound', 'Decimal', 'false'],
      nps: ['bound', 'Whole.None', 'false'],
      responseCount: ['bound', 'Whole.None', 'false'],
      responseTable: ['input', 'SingleLine.Text', 'false'],
    });
    expect(manifestText).toMatch(
      /<type-group name="surveyColumn">\s*<type>SingleLine.TextArea<\/type>\s*<type>Multiple<\/type>\s*<type>Whole.None<\/type>\s*<type>Decimal<\/type>\s*<\/type-group>/,
    );
  });

  it('uses the Web API where the host offers it, without requiring it', () => {
    const features = control['feature-usage'] as { 'uses-feature': Node } | undefined;
    expect(features?.['uses-feature']).toEqual({ '@_name': 'WebAPI', '@_required': 'false' });
  });

  it('lists a resx for each of the four languages, and each exists', () => {
    const paths = control.resources.resx.map((r) => String(r['@_path']));
    expect(paths).toEqual(CATALOGUE_LCIDS.map((lcid) => `strings/CollabSurvey.${lcid}.resx`));
    for (const p of paths) expect(existsSync(path.join(controlDir, p)), p).toBe(true);
  });

  it('names only keys the survey catalogue has in every language', () => {
    const keys = [control, ...control.property]
      .flatMap((n) => [n['@_display-name-key'], n['@_description-key']])
      .map(String);
    for (const lcid of CATALOGUE_LCIDS) {
      const survey = readCatalogue(lcid).survey ?? {};
      expect(keys.filter((k) => survey[k] === undefined || survey[k] === '')).toEqual([]);
    }
  });

  it.skipIf(notBuilt !== undefined)(
    'has hand-kept input/output types equal to those pcf-scripts generates (unknown where it writes any)',
    () => {
      const members = (text: string): string[] =>
        [...text.matchAll(/^\s*(\w+\??): ([\w.]+);/gm)].map((m) => `${m[1]!}: ${m[2]!}`);
      const generated = members(readFileSync(generatedTypes, 'utf8')).map((m) =>
        m.replace(/: any$/, ': unknown'),
      );
      expect(generated.length).toBeGreaterThan(0);
      expect(members(readFileSync(path.join(controlDir, 'manifest-types.ts'), 'utf8'))).toEqual(generated);
    },
  );
});
