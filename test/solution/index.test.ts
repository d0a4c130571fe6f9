import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSolutionFile, packClients, type Finding, type WrittenSolution } from '../../src/solution';
import { readControlManifest } from '../../src/solution/manifest';
import { decodeUtf8 } from '../../src/solution/xml';
import { readZip } from '../../src/solution/zip-read';
import { fakeControlOutput, fakeProject, writeTree } from './fakes';
import { microsoftStyleZip } from './microsoft-zip';

let root: string;
beforeEach(() => {
  root = fakeProject();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const base = () => ({ outDir: path.join(root, 'zips'), build: false, cwd: root, env: {} });

describe('packClients', () => {
  it('writes every package of every client into a folder it makes, telling each write as it happens', async () => {
    const told: WrittenSolution[] = [];
    const written = await packClients({
      ...base(),
      clients: 'all',
      kind: 'both',
      version: '3.1.0.0',
      onWritten: (w) => told.push(w),
    });
    expect(told).toEqual(written);
    expect(written.map((w) => path.basename(w.file))).toEqual([
      'BalkanLogisticsWidgets_3_1_0_0.zip',
      'BalkanLogisticsWidgets_3_1_0_0_managed.zip',
      'ContosoCollabKit_3_1_0_0.zip',
      'ContosoCollabKit_3_1_0_0_managed.zip',
      'RheinMaschinenbauWidgets_3_1_0_0.zip',
      'RheinMaschinenbauWidgets_3_1_0_0_managed.zip',
    ]);
    expect(readdirSync(path.join(root, 'zips')).sort()).toEqual(
      written.map((w) => path.basename(w.file)).sort(),
    );
    expect(written.every((w) => w.entries > 5 && w.bytes > 1000)).toBe(true);
  });

  it("packs the profile's own package kind when none is asked for, and passes check warnings on", async () => {
    const output = path.join(root, 'controls/SalesFunnel/out/controls/SalesFunnel');
    rmSync(output, { recursive: true });
    writeTree(output, fakeControlOutput('SalesFunnel', { languages: [1033] }));
    const warnings: [string, Finding][] = [];
    const written = await packClients({
      ...base(),
      clients: { client: 'contoso' },
      onWarning: (zip, f) => warnings.push([zip, f]),
    });
    expect(written.map((w) => path.basename(w.file))).toEqual(['ContosoCollabKit_1_2_0_0_managed.zip']);
    expect(warnings.map(([zip, f]) => [zip, f.severity, f.where])).toContainEqual([
      'ContosoCollabKit_1_2_0_0_managed.zip',
      'warning',
      'Controls/cnt_CollabCrm.SalesFunnel/ControlManifest.xml',
    ]);
  });

  it('tells once per profile which languages fall back to English, instead of each zip repeating it', async () => {
    const fallbacks: [string, readonly number[]][] = [];
    const warnings: Finding[] = [];
    await packClients({
      ...base(),
      clients: 'all',
      kind: 'both',
      onFallback: (profile, languages) => fallbacks.push([profile, languages]),
      onWarning: (_zip, f) => warnings.push(f),
    });
    expect(fallbacks).toEqual([[path.join('solutions', 'clients', 'rhein-maschinenbau.json'), [1031, 1036]]]);
    expect(warnings).toEqual([]);
  });

  it("packs a profile file given by path with the client's own survey into the survey control", async () => {
    const profile = JSON.parse(readFileSync(path.join(root, 'solutions/clients/contoso.json'), 'utf8')) as {
      defaults: { survey: { definition: unknown } };
    };
    const definition = {
      baseLanguage: 1049,
      questions: [
        { id: 'visit', type: 'stars', text: { '1049': 'Как прошёл визит?', '1033': 'How was the visit?' } },
      ],
    };
    profile.defaults.survey.definition = definition;
    writeFileSync(path.join(root, 'mine.json'), JSON.stringify(profile));
    const [written] = await packClients({ ...base(), clients: { client: './mine.json' } });
    const { files } = readZip(new Uint8Array(readFileSync(written!.file)), 'mine.zip');
    const manifestPath = 'Controls/cnt_CollabCrm.CollabSurvey/ControlManifest.xml';
    const manifest = readControlManifest(decodeUtf8(files.get(manifestPath)!), manifestPath);
    const input = manifest.properties.find((p) => p.name === 'definition');
    expect(JSON.parse(input!.defaultValue!)).toEqual(definition);
    const config = JSON.parse(decodeUtf8(files.get('WebResources/cnt_/crmkit/config.json')!)) as {
      survey: { definition: unknown };
    };
    expect(config.survey.definition).toEqual(definition);
  });

  it('writes nothing when a client is missing', async () => {
    await expect(packClients({ ...base(), clients: { client: 'nobody' } })).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
    expect(readdirSync(root)).not.toContain('zips');
  });

  it('makes the --out folder but not a missing parent of it, as labels export --split does', async () => {
    await expect(
      packClients({
        ...base(),
        outDir: path.join(root, 'release', 'zips'),
        outName: 'release/zips',
        clients: { client: 'contoso' },
      }),
    ).rejects.toMatchObject({
      code: 'IO',
      message: 'release/zips: cannot write, folder release does not exist',
    });
    expect(existsSync(path.join(root, 'release', 'zips'))).toBe(false);
    mkdirSync(path.join(root, 'release'));
    const written = await packClients({
      ...base(),
      outDir: path.join(root, 'release', 'zips'),
      clients: { client: 'contoso' },
    });
    expect(readdirSync(path.join(root, 'release', 'zips'))).toEqual(['ContosoCollabKit_1_2_0_0_managed.zip']);
    expect(written).toHaveLength(1);
  });
});

describe('checkSolutionFile', () => {
  it('reports the findings of a zip under the name it was given, with how the schema went', async () => {
    writeFileSync(path.join(root, 'ms.zip'), await microsoftStyleZip());
    const report = checkSolutionFile({ file: path.join(root, 'ms.zip'), name: 'ms.zip', cwd: root, env: {} });
    expect(report).toEqual({
      file: 'ms.zip',
      ok: true,
      errors: 0,
      warnings: 0,
      schema: 'not checked (no --xsd and no ../shared/xsd beside the project)',
      findings: [],
    });
  });

  it('counts the errors of a broken zip and is not ok', async () => {
    writeFileSync(
      path.join(root, 'broken.zip'),
      await microsoftStyleZip((f) => f.delete('Controls/pblab_CustomControl.CustomRichTextField/bundle.js')),
    );
    const report = checkSolutionFile({
      file: path.join(root, 'broken.zip'),
      name: 'b.zip',
      cwd: root,
      env: {},
    });
    expect([report.ok, report.errors, report.file]).toEqual([false, 1, 'b.zip']);
  });
});
