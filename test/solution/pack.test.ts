import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readControlManifest } from '../../src/solution/manifest';
import { packSolution, type PackInput } from '../../src/solution/pack';
import { webResourceId } from '../../src/solution/guid';
import { readZip } from '../../src/solution/zip-read';
import { attr, child, children, decodeUtf8, hasBom, parseXml, text } from '../../src/solution/xml';
import { fakeControlOutput, fakeOutputs, loadProfile, loadSource } from './fakes';

const source = loadSource();

async function packed(client: string, overrides: Partial<PackInput> = {}) {
  const profile = loadProfile(client, source);
  const result = await packSolution({
    profile,
    source,
    managed: profile.package === 'managed',
    ...fakeOutputs(),
    ...overrides,
  });
  return { result, zip: readZip(result.bytes, result.fileName) };
}

const xmlOf = (zip: ReturnType<typeof readZip>, name: string, arrays: string[] = []) =>
  parseXml(decodeUtf8(zip.files.get(name)!), name, arrays);

describe('packSolution', () => {
  it("writes the entries in Microsoft's order: customizations, solution, controls, web resources, content types last", async () => {
    const { zip } = await packed('contoso');
    expect(zip.names.slice(0, 2)).toEqual(['customizations.xml', 'solution.xml']);
    expect(zip.names.at(-1)).toBe('[Content_Types].xml');
    const kinds = zip.names.slice(2, -1).map((n) => n.split('/')[0]);
    expect(kinds).toEqual([...kinds].sort()); // all Controls/ before all WebResources/
    expect(zip.names).toContain('Controls/cnt_CollabCrm.CollabSurvey/ControlManifest.xml');
    const survey = zip.names.filter((n) => n.startsWith('Controls/cnt_CollabCrm.CollabSurvey/'));
    expect(survey[0]).toBe('Controls/cnt_CollabCrm.CollabSurvey/ControlManifest.xml');
    expect(survey[1]).toBe('Controls/cnt_CollabCrm.CollabSurvey/bundle.js');
    expect(zip.names.some((n) => n.endsWith('/'))).toBe(false);
  });

  it('ships only the manifest and the files it names from a control output', async () => {
    const outputs = fakeOutputs();
    const survey = fakeControlOutput('CollabSurvey');
    survey.set('bundle.js.LICENSE.txt', new TextEncoder().encode('MIT'));
    const controls = new Map(outputs.controls).set('survey', survey);
    const { zip } = await packed('contoso', { controls });
    expect(zip.names.filter((n) => n.startsWith('Controls/cnt_CollabCrm.CollabSurvey/'))).toEqual([
      'Controls/cnt_CollabCrm.CollabSurvey/ControlManifest.xml',
      'Controls/cnt_CollabCrm.CollabSurvey/bundle.js',
      'Controls/cnt_CollabCrm.CollabSurvey/css/CollabSurvey.css',
      'Controls/cnt_CollabCrm.CollabSurvey/strings/CollabSurvey.1026.resx',
      'Controls/cnt_CollabCrm.CollabSurvey/strings/CollabSurvey.1033.resx',
      'Controls/cnt_CollabCrm.CollabSurvey/strings/CollabSurvey.1049.resx',
      'Controls/cnt_CollabCrm.CollabSurvey/strings/CollabSurvey.1058.resx',
    ]);
  });

  it('names the zip <UniqueName>_<version with underscores>[_managed].zip', async () => {
    expect((await packed('contoso')).result.fileName).toBe('ContosoCollabKit_1_2_0_0_managed.zip');
    expect((await packed('balkan-logistics')).result.fileName).toBe('BalkanLogisticsWidgets_2_0_3_0.zip');
    expect((await packed('contoso', { managed: false, version: '1.3.7.12' })).result.fileName).toBe(
      'ContosoCollabKit_1_3_7_12.zip',
    );
  });

  it('starts every XML file it writes with a UTF-8 BOM and the XML declaration', async () => {
    const { zip } = await packed('contoso');
    for (const name of zip.names.filter((n) => n.endsWith('.xml'))) {
      const bytes = zip.files.get(name)!;
      expect(hasBom(bytes), name).toBe(true);
      expect(decodeUtf8(bytes).slice(1, 39)).toBe('<?xml version="1.0" encoding="utf-8"?>');
    }
  });

  it('declares a type 66 root component per control and a type 61 per web resource, matching the contents', async () => {
    const { zip } = await packed('contoso');
    const manifest = child(
      child(xmlOf(zip, 'solution.xml', ['RootComponent']), 'ImportExportXml'),
      'SolutionManifest',
    );
    const roots = children(child(manifest, 'RootComponents'), 'RootComponent').map(
      (r) => `${attr(r, 'type')} ${attr(r, 'schemaName')}`,
    );
    const webFiles = zip.names
      .filter((n) => n.startsWith('WebResources/'))
      .map((n) => `61 ${n.slice('WebResources/'.length)}`);
    expect(roots).toEqual(
      [...webFiles].sort().concat(['66 cnt_CollabCrm.CollabSurvey', '66 cnt_CollabCrm.SalesFunnel']),
    );
    expect(roots).toContain('61 cnt_/crmkit/config.json');
  });

  it('writes the publisher, version, managed flag and every declared language', async () => {
    const { zip } = await packed('balkan-logistics');
    const doc = xmlOf(zip, 'solution.xml', ['LocalizedName']);
    const root = child(doc, 'ImportExportXml');
    expect(attr(root, 'languagecode')).toBe('1026');
    const m = child(root, 'SolutionManifest');
    expect([text(m, 'UniqueName'), text(m, 'Version'), text(m, 'Managed')]).toEqual([
      'BalkanLogisticsWidgets',
      '2.0.3.0',
      '0',
    ]);
    const names = children(child(m, 'LocalizedNames'), 'LocalizedName').map((n) => attr(n, 'languagecode'));
    expect(names).toEqual(['1026', '1058', '1033']);
    const pub = child(m, 'Publisher');
    expect([text(pub, 'CustomizationPrefix'), text(pub, 'CustomizationOptionValuePrefix')]).toEqual([
      'blg',
      '41230',
    ]);
    expect(children(child(pub, 'Addresses'), 'Address')).toHaveLength(2);
    const cx = child(xmlOf(zip, 'customizations.xml', ['Language']), 'ImportExportXml');
    expect(children(child(cx, 'Languages'), 'Language').map((l) => l['#text'])).toEqual([
      '1026',
      '1058',
      '1033',
    ]);
  });

  it('keeps the empty sections Microsoft keeps in customizations.xml', async () => {
    const text = decodeUtf8((await packed('contoso')).zip.files.get('customizations.xml')!);
    for (const tag of [
      'Entities',
      'Roles',
      'Workflows',
      'FieldSecurityProfiles',
      'Templates',
      'EntityMaps',
      'EntityRelationships',
      'OrganizationSettings',
      'optionsets',
      'SolutionPluginAssemblies',
      'EntityDataProviders',
    ]) {
      expect(text).toContain(`<${tag} />`);
    }
  });

  it('gives every extension a content type and overrides each control manifest', async () => {
    const { zip } = await packed('contoso');
    const types = child(xmlOf(zip, '[Content_Types].xml', ['Default', 'Override']), 'Types');
    const defaults = Object.fromEntries(
      children(types, 'Default').map((d): [string, string] => [
        attr(d, 'Extension') ?? '',
        attr(d, 'ContentType') ?? '',
      ]),
    );
    expect(defaults).toEqual({
      xml: 'text/xml',
      js: 'application/octet-stream',
      css: 'application/octet-stream',
      resx: 'application/octet-stream',
      json: 'application/octet-stream',
      html: 'application/octet-stream',
    });
    expect(children(types, 'Override').map((o) => attr(o, 'PartName'))).toEqual([
      '/Controls/cnt_CollabCrm.CollabSurvey/ControlManifest.xml',
      '/Controls/cnt_CollabCrm.SalesFunnel/ControlManifest.xml',
    ]);
  });

  it('bumps the control manifest version from the solution version and keeps the plain namespace', async () => {
    const { zip } = await packed('contoso', { version: '1.4.2.7' });
    const info = readControlManifest(
      decodeUtf8(zip.files.get('Controls/cnt_CollabCrm.SalesFunnel/ControlManifest.xml')!),
      'm',
    );
    expect([info.namespace, info.constructor, info.version]).toEqual([
      'CollabCrm',
      'SalesFunnel',
      '1.4.2007',
    ]);
  });

  it('derives web resource ids from client and name, so a new release updates instead of duplicating', async () => {
    const first = decodeUtf8(
      (await packed('contoso', { version: '1.2.0.0' })).zip.files.get('customizations.xml')!,
    );
    const next = decodeUtf8(
      (await packed('contoso', { version: '1.3.0.0' })).zip.files.get('customizations.xml')!,
    );
    const ids = (t: string) =>
      [...t.matchAll(/<WebResourceId>\{([0-9a-f-]+)\}<\/WebResourceId>/g)].map((m) => m[1]);
    expect(ids(first)).toHaveLength(7);
    expect(ids(next)).toEqual(ids(first));
    expect(ids(first)).toContain(webResourceId('contoso', 'cnt_/crmkit/config.json'));
    expect(new Set(ids(first)).size).toBe(7);
  });

  it('gives different clients different web resource ids', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (a, b, name) => {
          fc.pre(a.toLowerCase() !== b.toLowerCase());
          const id = webResourceId(a, name);
          expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          expect(webResourceId(b, name)).not.toBe(id);
          expect(webResourceId(a, name)).toBe(id);
        },
      ),
    );
  });

  it('renames hyphenated page files to valid web resource names and follows them in the page', async () => {
    const { zip } = await packed('contoso');
    expect(zip.names).toContain('WebResources/cnt_/crmkit/pipeline_funnel.html');
    const html = decodeUtf8(zip.files.get('WebResources/cnt_/crmkit/pipeline_funnel.html')!);
    expect(html).toContain('src="./pipeline_funnel.js"');
    expect(html).toContain('href="./pipeline_funnel.css"');
    expect(zip.names.filter((n) => n.startsWith('WebResources/')).every((n) => !n.includes('-'))).toBe(true);
  });

  it("ships a page's strings files (one per language) as JScript web resources under their own names", async () => {
    const outputs = fakeOutputs();
    const page = new Map(outputs.webResources.get('funnelDashboard'));
    for (const lcid of [1033, 1049])
      page.set(`pipeline_funnel.${lcid}.js`, new TextEncoder().encode('{"dashboard":{}}'));
    const { zip } = await packed('contoso', {
      webResources: new Map([...outputs.webResources, ['funnelDashboard', page]]),
    });
    expect(zip.names).toEqual(
      expect.arrayContaining([
        'WebResources/cnt_/crmkit/pipeline_funnel.1033.js',
        'WebResources/cnt_/crmkit/pipeline_funnel.1049.js',
      ]),
    );
    const customizations = decodeUtf8(zip.files.get('customizations.xml')!);
    const entry =
      /<WebResource>(?:(?!<\/WebResource>)[\s\S])*?<Name>cnt_\/crmkit\/pipeline_funnel\.1049\.js<\/Name>[\s\S]*?<\/WebResource>/.exec(
        customizations,
      )?.[0];
    expect(entry).toContain('<WebResourceType>3</WebResourceType>');
  });

  it("ships the client's defaults as the configuration web resource", async () => {
    const { zip } = await packed('balkan-logistics');
    const config = JSON.parse(decodeUtf8(zip.files.get('WebResources/blg_/crmkit/config.json')!)) as {
      client: string;
      languages: number[];
      funnel: { stageOrder: string[] };
    };
    expect(config.client).toBe('balkan-logistics');
    expect(config.languages).toEqual([1026, 1058, 1033]);
    expect(config.funnel.stageOrder).toEqual(['Запитване', 'Оферта', 'Преговори', 'Договор']);
  });

  it('leaves out widgets the profile does not list', async () => {
    const { zip } = await packed('balkan-logistics');
    expect(zip.names.some((n) => n.includes('survey_insights'))).toBe(false);
    expect(zip.names.some((n) => n.includes('pipeline_funnel'))).toBe(true);
  });

  it('gives byte-identical zips for the same inputs', async () => {
    const a = (await packed('contoso')).result.bytes;
    await new Promise((r) => setTimeout(r, 1100));
    const b = (await packed('contoso')).result.bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses to pack when a control output lacks a file its manifest names, listing every gap', async () => {
    const outputs = fakeOutputs();
    const controls = new Map(outputs.controls);
    controls.set('survey', fakeControlOutput('CollabSurvey', { omit: 'bundle.js' }));
    controls.delete('funnel');
    await expect(packed('contoso', { controls })).rejects.toMatchObject({
      code: 'BUILD_FAILED',
      problems: [
        {
          where: 'CollabSurvey/ControlManifest.xml',
          message: 'names bundle.js, which the build output lacks',
        },
        { where: 'control funnel', message: 'no build output (controls/SalesFunnel)' },
      ],
    });
  });

  it('lists a malformed control manifest with the other problems', async () => {
    const controls = new Map(fakeOutputs().controls);
    const survey = fakeControlOutput('CollabSurvey');
    survey.set(
      'ControlManifest.xml',
      new TextEncoder().encode('<manifest><control namespace="X"></manifest>'),
    );
    controls.set('survey', survey);
    controls.delete('funnel');
    await expect(packed('contoso', { controls })).rejects.toMatchObject({
      code: 'BUILD_FAILED',
      problems: [
        {
          where: 'CollabSurvey/ControlManifest.xml',
          message: expect.stringMatching(/^malformed XML/) as unknown,
        },
        { where: 'control funnel', message: 'no build output (controls/SalesFunnel)' },
      ],
    });
  });

  it('refuses a malformed --version before packing', async () => {
    await expect(packed('contoso', { version: '1.2' })).rejects.toMatchObject({ code: 'PROFILE_INVALID' });
  });
});
