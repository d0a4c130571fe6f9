import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrmKitError } from '../../src/errors';
import JSZip from 'jszip';
import { checkSolutionZip } from '../../src/solution/check';
import { formatFindings } from '../../src/solution/findings';
import { packSolution } from '../../src/solution/pack';
import { readZip } from '../../src/solution/zip-read';
import { fakeControlOutput, fakeOutputs, loadProfile, loadSource } from './fakes';
import { microsoftStyleZip } from './microsoft-zip';

const source = loadSource();
const utf8 = new TextEncoder();
const text = (b: Uint8Array | undefined) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

async function goodZip(client = 'contoso', controls = fakeOutputs().controls): Promise<Uint8Array> {
  const profile = loadProfile(client, source);
  return (await packSolution({ profile, source, managed: true, ...fakeOutputs(), controls })).bytes;
}

/** Re-zips a zip's entries after an edit (entries kept in their order unless the edit reorders). */
async function edited(
  bytes: Uint8Array,
  edit: (files: Map<string, Uint8Array>) => void,
): Promise<Uint8Array> {
  const { names, files } = readZip(bytes, 'x.zip');
  const map = new Map(names.map((n) => [n, files.get(n)!]));
  edit(map);
  const zip = new JSZip();
  for (const [n, b] of map) zip.file(n, b, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const replaceIn = (files: Map<string, Uint8Array>, name: string, from: string | RegExp, to: string) =>
  files.set(name, utf8.encode(text(files.get(name)).replace(from, to)));

const SURVEY = 'Controls/cnt_CollabCrm.CollabSurvey';

const broken: [string, (f: Map<string, Uint8Array>) => void, RegExp][] = [
  ['a missing solution.xml', (f) => f.delete('solution.xml'), /^error +solution\.xml: is missing/m],
  [
    'a missing [Content_Types].xml',
    (f) => f.delete('[Content_Types].xml'),
    /\[Content_Types\]\.xml: is missing/,
  ],
  [
    'an entry path climbing out with ..',
    (f) => f.set('Controls/../../evil.js', utf8.encode('x')),
    /Controls\/\.\.\/\.\.\/evil\.js: unsafe entry path/,
  ],
  [
    'an absolute entry path',
    (f) => f.set('/etc/passwd.js', utf8.encode('x')),
    /\/etc\/passwd\.js: unsafe entry path/,
  ],
  [
    'a control manifest that is not in the zip',
    (f) => f.delete(`${SURVEY}/ControlManifest.xml`),
    /CustomControl cnt_CollabCrm\.CollabSurvey: its manifest Controls\/cnt_CollabCrm\.CollabSurvey\/ControlManifest\.xml is not in the zip/,
  ],
  [
    'a bundle the manifest names but the zip lacks',
    (f) => f.delete(`${SURVEY}/bundle.js`),
    /ControlManifest\.xml: names code bundle\.js, which is not in the zip/,
  ],
  [
    'a css file the manifest names but the zip lacks',
    (f) => f.delete(`${SURVEY}/css/CollabSurvey.css`),
    /names css css\/CollabSurvey\.css, which is not in the zip/,
  ],
  [
    'a control folder not declared in customizations.xml',
    (f) => f.set('Controls/cnt_X.Y/bundle.js', utf8.encode('x')),
    /Controls\/cnt_X\.Y\/: is not declared as a CustomControl/,
  ],
  [
    'a control without its root component',
    (f) =>
      replaceIn(
        f,
        'solution.xml',
        /\s*<RootComponent type="66" schemaName="cnt_CollabCrm\.CollabSurvey" behavior="0" \/>/,
        '',
      ),
    /the control cnt_CollabCrm\.CollabSurvey has no RootComponent type="66"/,
  ],
  [
    'a root component for a web resource that is not there',
    (f) =>
      replaceIn(f, 'solution.xml', '<MissingDependencies />', '').set(
        'solution.xml',
        utf8.encode(
          text(f.get('solution.xml')).replace(
            '</RootComponents>',
            '<RootComponent type="61" schemaName="cnt_/ghost.js" behavior="0" /></RootComponents><MissingDependencies />',
          ),
        ),
      ),
    /RootComponent type="61" cnt_\/ghost\.js is not a web resource in customizations\.xml/,
  ],
  [
    'a web resource whose file is missing',
    (f) => f.delete('WebResources/cnt_/crmkit/config.json'),
    /WebResource cnt_\/crmkit\/config\.json: its file WebResources\/cnt_\/crmkit\/config\.json is not in the zip/,
  ],
  [
    'a web resource type outside 1–12',
    (f) =>
      replaceIn(
        f,
        'customizations.xml',
        '<WebResourceType>1</WebResourceType>',
        '<WebResourceType>13</WebResourceType>',
      ),
    /WebResourceType "13" is not 1–12/,
  ],
  [
    'a web resource id that is not a GUID',
    (f) =>
      replaceIn(
        f,
        'customizations.xml',
        /<WebResourceId>[^<]+<\/WebResourceId>/,
        '<WebResourceId>not-a-guid</WebResourceId>',
      ),
    /WebResourceId "not-a-guid" is not a GUID/,
  ],
  [
    'an extension without a content type',
    (f) =>
      replaceIn(
        f,
        '[Content_Types].xml',
        '<Default Extension="css" ContentType="application/octet-stream" />',
        '',
      ),
    /\[Content_Types\]\.xml: has no content type for \.css/,
  ],
  [
    'a prefix starting with mscrm',
    (f) =>
      replaceIn(
        f,
        'solution.xml',
        '<CustomizationPrefix>cnt</CustomizationPrefix>',
        '<CustomizationPrefix>mscrmab</CustomizationPrefix>',
      ),
    /CustomizationPrefix: "mscrmab" must be 2–8 letters or digits, start with a letter, and not start with mscrm/,
  ],
  [
    'an option value prefix out of range',
    (f) => replaceIn(f, 'solution.xml', '27568', '123'),
    /CustomizationOptionValuePrefix: must be a whole number from 10000 to 99999/,
  ],
  [
    'a malformed version',
    (f) => replaceIn(f, 'solution.xml', '<Version>1.2.0.0</Version>', '<Version>1.2.x</Version>'),
    /Version: "1\.2\.x" must be two to four whole numbers/,
  ],
  [
    'malformed XML',
    (f) => replaceIn(f, 'customizations.xml', '</ImportExportXml>', '</ImportExport>'),
    /customizations\.xml: malformed XML/,
  ],
  [
    'a DOCTYPE in customizations.xml',
    (f) =>
      replaceIn(
        f,
        'customizations.xml',
        '<ImportExportXml',
        '<!DOCTYPE x [<!ENTITY a "aaaa">]><ImportExportXml',
      ),
    /customizations\.xml: DOCTYPE and ENTITY declarations are refused/,
  ],
  [
    'a configuration web resource that is not JSON',
    (f) => f.set('WebResources/cnt_/crmkit/config.json', utf8.encode('{\n  "version": 1,\n}\n')),
    /^error +WebResources\/cnt_\/crmkit\/config\.json:3:1: not valid JSON \(/m,
  ],
  [
    'a control whose version does not follow the solution version in a zip crmkit packed',
    (f) => replaceIn(f, `${SURVEY}/ControlManifest.xml`, 'version="1.2.0"', 'version="1.1.9"'),
    /ControlManifest\.xml: version 1\.1\.9 does not follow the solution version: crmkit gives its controls 1\.2\.0/,
  ],
  [
    'a configuration whose survey maxRecords is not one the dashboard offers',
    (f) => editConfig(f, (c) => ((c.survey as Record<string, unknown>).maxRecords = 7)),
    /^error +WebResources\/cnt_\/crmkit\/config\.json › survey\.maxRecords: must be 5000, 10000, 20000 or 50000 \(got 7\)$/m,
  ],
  [
    'a configuration with a misspelt funnel field',
    (f) => editConfig(f, (c) => ((c.funnel as Record<string, unknown>).stageOrdre = ['A'])),
    /config\.json › funnel\.stageOrdre: is not a profile field/,
  ],
  [
    'a configuration whose survey definition the control would refuse',
    (f) => editConfig(f, (c) => ((c.survey as Record<string, unknown>).definition = { questions: [] })),
    /config\.json › survey\.definition: is not a survey definition the survey control accepts \(field at questions\)/,
  ],
  [
    'a configuration of another solution version',
    (f) => editConfig(f, (c) => (c.solutionVersion = '1.1.0.0')),
    /config\.json › solutionVersion: "1\.1\.0\.0" is not the solution version 1\.2\.0\.0/,
  ],
  [
    'a configuration that is a JSON array',
    (f) => f.set('WebResources/cnt_/crmkit/config.json', utf8.encode('[]')),
    /config\.json: must be a JSON object/,
  ],
  [
    'a configuration whose survey definition is not the one the survey control carries',
    (f) =>
      editConfig(f, (c) => {
        const survey = c.survey as { definition: { questions: { text: Record<string, string> }[] } };
        survey.definition.questions[0]!.text['1033'] = 'Edited by hand';
      }),
    /ControlManifest\.xml › property definition: default-value differs from survey\.definition in WebResources\/cnt_\/crmkit\/config\.json: the form and the dashboards would show different questions/,
  ],
  [
    'a survey control without the definition config.json has',
    (f) => replaceIn(f, `${SURVEY}/ControlManifest.xml`, / default-value="[^"]*"/, ''),
    /property definition: has no default-value, while WebResources\/cnt_\/crmkit\/config\.json has a survey\.definition/,
  ],
];

/** Edits the parsed config.json of a zip crmkit packed for contoso. */
function editConfig(files: Map<string, Uint8Array>, edit: (config: Record<string, unknown>) => void): void {
  const name = 'WebResources/cnt_/crmkit/config.json';
  const config = JSON.parse(text(files.get(name))) as Record<string, unknown>;
  edit(config);
  files.set(name, utf8.encode(JSON.stringify(config, null, 2)));
}

describe('checkSolutionZip', () => {
  it('accepts a zip packed by crmkit with no findings', async () => {
    const result = checkSolutionZip(await goodZip(), 'good.zip');
    expect(result.findings).toEqual([]);
    expect(formatFindings('good.zip', result.findings)).toBe('good.zip: OK\n');
  });

  it("accepts a zip laid out like Microsoft's build", async () => {
    const result = checkSolutionZip(await microsoftStyleZip(), 'RichTextSolution_1_0_2_managed.zip');
    expect(result.findings).toEqual([]);
  });

  it('accepts a Microsoft export whose web resource files carry the id in their names', async () => {
    const id = '5d4e6d3a-7c1b-4f0e-9a55-2b8f0c3d1e77';
    const file = `WebResources/pblab_scriptsmain.js${id.replace(/-/g, '').toUpperCase()}`;
    const zip = await microsoftStyleZip((f) => {
      const webResource =
        `<WebResources><WebResource><WebResourceId>{${id}}</WebResourceId><Name>pblab_/scripts/main.js</Name>` +
        '<DisplayName>main.js</DisplayName><WebResourceType>3</WebResourceType><IntroducedVersion>1.0</IntroducedVersion>' +
        '<IsEnabledForMobileClient>0</IsEnabledForMobileClient><IsAvailableForMobileOffline>0</IsAvailableForMobileOffline>' +
        '<IsCustomizable>1</IsCustomizable><CanBeDeleted>1</CanBeDeleted><IsHidden>0</IsHidden>' +
        `<FileName>/${file}</FileName></WebResource></WebResources>`;
      replaceIn(f, 'customizations.xml', '<CustomControls>', `${webResource}<CustomControls>`);
      replaceIn(
        f,
        'solution.xml',
        '<RootComponents>',
        `<RootComponents><RootComponent type="61" id="{${id}}" behavior="0" />`,
      );
      const types = f.get('[Content_Types].xml')!;
      f.delete('[Content_Types].xml');
      f.set(file, utf8.encode('console.log(1);'));
      // an extension-less file name (the id follows ".js"): Microsoft's zips list it as an override
      f.set(
        '[Content_Types].xml',
        utf8.encode(
          text(types).replace(
            '</Types>',
            `<Default Extension="js${id.replace(/-/g, '').toUpperCase()}" ContentType="application/octet-stream" /></Types>`,
          ),
        ),
      );
    });
    const result = checkSolutionZip(zip, 'export.zip');
    expect(result.findings).toEqual([]);
  });

  it.each(broken)('reports %s as an error', async (_name, edit, expected) => {
    const result = checkSolutionZip(await edited(await goodZip(), edit), 'broken.zip');
    expect(result.errors).toBeGreaterThan(0);
    expect(formatFindings('broken.zip', result.findings)).toMatch(expected);
  });

  it('warns, without failing, when a control with resx strings lacks one for a declared language', async () => {
    const controls = new Map(fakeOutputs().controls);
    controls.set('survey', fakeControlOutput('CollabSurvey', { languages: [1033] }));
    const result = checkSolutionZip(await goodZip('contoso', controls), 'x.zip');
    expect(result.errors).toBe(0);
    expect(result.findings).toEqual([
      {
        severity: 'warning',
        where: `${SURVEY}/ControlManifest.xml`,
        message: 'ships resx strings but none for declared language 1049; users of 1049 see another language',
      },
    ]);
  });

  it('warns about an XML file without the BOM Microsoft writes', async () => {
    const zip = await microsoftStyleZip((f) => f.set('solution.xml', f.get('solution.xml')!.subarray(3)));
    const result = checkSolutionZip(zip, 'x.zip');
    expect(result.errors).toBe(0);
    expect(result.findings.map((f) => `${f.severity} ${f.where}`)).toEqual(['warning solution.xml']);
  });

  it('refuses an entry whose declared inflated size exceeds the limit', async () => {
    const limits = { maxEntryBytes: 1000, maxTotalBytes: 10_000_000, maxEntries: 100 };
    expect(() => checkSolutionZip(Buffer.from(''), 'empty.zip', limits)).toThrow(/not a readable zip/);
    const big = await microsoftStyleZip((f) => f.set('customizations.xml', new Uint8Array(5000)));
    expect(() => checkSolutionZip(big, 'big.zip', limits)).toThrow(
      /big\.zip: customizations\.xml declares 5000 bytes, more than the limit of 1000/,
    );
  });

  it('refuses an entry whose bytes do not match its CRC', async () => {
    const zip = Buffer.from(await microsoftStyleZip());
    const cd = zip.readUInt32LE(zip.length - 22 + 16);
    zip.writeUInt32LE((zip.readUInt32LE(cd + 16) ^ 1) >>> 0, cd + 16);
    expect(() => checkSolutionZip(zip, 'crc.zip')).toThrow(
      /crc\.zip: not a readable zip \(customizations\.xml is damaged \(CRC mismatch\)\)/,
    );
  });

  it('refuses an entry that inflates beyond the limit whatever size it declares', async () => {
    const zip = Buffer.from(
      await microsoftStyleZip((f) => f.set('customizations.xml', new Uint8Array(50_000))),
    );
    // lie in the central directory: declare 10 bytes for customizations.xml (the first entry)
    const cd = zip.readUInt32LE(zip.length - 22 + 16);
    zip.writeUInt32LE(10, cd + 24);
    const limits = { maxEntryBytes: 20_000, maxTotalBytes: 10_000_000, maxEntries: 100 };
    expect(() => checkSolutionZip(zip, 'bomb.zip', limits)).toThrow(
      /customizations\.xml inflates to more than the limit of 20000 bytes/,
    );
  });
});

describe('checkSolutionZip on damaged bytes', () => {
  it('either reports findings or refuses the file with a CrmKitError, never crashes', async () => {
    const good = await microsoftStyleZip();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.nat({ max: good.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (edits) => {
          const bytes = Uint8Array.from(good);
          for (const e of edits) bytes[e.at] = e.byte;
          try {
            const result = checkSolutionZip(bytes, 'damaged.zip');
            expect(result.errors + result.warnings).toBeGreaterThanOrEqual(0);
          } catch (e) {
            expect(isCrmKitError(e), String(e)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
