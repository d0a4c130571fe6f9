import { describe, expect, it } from 'vitest';
import { checkSolutionZip } from '../../src/solution/check';
import { noResxMessage } from '../../src/solution/check-components';
import { packSolution } from '../../src/solution/pack';
import { readZip } from '../../src/solution/zip-read';
import { attr, child, children, decodeUtf8, parseXml, text } from '../../src/solution/xml';
import { fakeOutputs, loadProfile, loadSource } from './fakes';

const source = loadSource();

async function packGerman() {
  const profile = loadProfile('rhein-maschinenbau', source);
  const result = await packSolution({ profile, source, managed: true, ...fakeOutputs() });
  const zip = readZip(result.bytes, result.fileName);
  const xml = (name: string, arrays: string[]) =>
    child(parseXml(decodeUtf8(zip.files.get(name)!), name, arrays), 'ImportExportXml');
  return { result, zip, xml };
}

describe('packing for a client whose languages crmkit has no texts in (German base, French)', () => {
  it('declares German as the base language and every declared language, in order', async () => {
    const { xml } = await packGerman();
    const solution = xml('solution.xml', ['LocalizedName']);
    expect(attr(solution, 'languagecode')).toBe('1031');
    const names = children(child(child(solution, 'SolutionManifest'), 'LocalizedNames'), 'LocalizedName');
    expect(names.map((n) => [attr(n, 'languagecode'), attr(n, 'description')])).toEqual([
      ['1031', 'Widgets für die Zusammenarbeit bei Rhein Maschinenbau'],
      ['1036', 'Widgets de collaboration de Rhein Maschinenbau'],
      ['1033', 'Rhein Maschinenbau collaboration widgets'],
    ]);
    const languages = children(child(xml('customizations.xml', ['Language']), 'Languages'), 'Language');
    expect(languages.map((l) => l['#text'])).toEqual(['1031', '1036', '1033']);
  });

  it("gives German and French the product's English description, as it has none of its own", async () => {
    const { xml } = await packGerman();
    const descriptions = children(
      child(child(xml('solution.xml', ['Description']), 'SolutionManifest'), 'Descriptions'),
      'Description',
    );
    const english = source.descriptions['1033'];
    expect(descriptions.map((d) => [attr(d, 'languagecode'), attr(d, 'description')])).toEqual([
      ['1031', english],
      ['1036', english],
      ['1033', english],
    ]);
  });

  it('names the web resources in English, the base language having no product text', async () => {
    const { xml } = await packGerman();
    const resources = children(
      child(xml('customizations.xml', ['WebResource']), 'WebResources'),
      'WebResource',
    );
    const names = resources.map((r) => text(r, 'DisplayName'));
    expect(names).toContain(source.widgets.find((w) => w.id === 'funnelDashboard')!.displayNames['1033']);
    expect(names).toContain(source.config.displayNames['1033']);
  });

  it("reports the languages that fall back to English, and none for a client in crmkit's own", async () => {
    expect((await packGerman()).result.fallbackLanguages).toEqual([1031, 1036]);
    const contoso = loadProfile('contoso', source);
    const packed = await packSolution({ profile: contoso, source, managed: true, ...fakeOutputs() });
    expect(packed.fallbackLanguages).toEqual([]);
  });

  it('passes solution check, whose only warnings are the controls speaking English to German and French users', async () => {
    const { result } = await packGerman();
    const check = checkSolutionZip(result.bytes, result.fileName);
    expect(check.errors).toBe(0);
    expect(new Set(check.findings.map((f) => f.message))).toEqual(
      new Set([noResxMessage(1031), noResxMessage(1036)]),
    );
  });
});
