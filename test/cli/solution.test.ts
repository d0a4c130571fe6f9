import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { hasXmllint } from '../../src/solution/node/xmllint';
import { fakeControlOutput, fakeProject, repoRoot, writeTree } from '../solution/fakes';
import { microsoftStyleZip } from '../solution/microsoft-zip';

let root: string;

/** A project folder with the real solution source and profiles, and faked build outputs. */
beforeEach(() => {
  root = fakeProject();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function crmkit(...argv: string[]) {
  const io = memoryIo(root);
  const code = await run(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

const listOut = (): string[] =>
  existsSync(path.join(root, 'out')) ? readdirSync(path.join(root, 'out')).sort() : [];

describe('crmkit solution pack', () => {
  it('packs a client by name from existing outputs with --no-build', async () => {
    const r = await crmkit('solution', 'pack', '--client', 'contoso', '--out', 'out', '--no-build');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(listOut()).toEqual(['ContosoCollabKit_1_2_0_0_managed.zip']);
    expect(r.out).toMatch(/^wrote .*ContosoCollabKit_1_2_0_0_managed\.zip \(24 entries, [\d.]+ KB\)\n$/);
  });

  it('packs every profile, managed and unmanaged, with --all --both and a --version', async () => {
    const r = await crmkit(
      'solution',
      'pack',
      '--all',
      '--both',
      '--version',
      '3.1.0.5',
      '--out',
      'out',
      '--no-build',
    );
    expect(r.code).toBe(0);
    expect(listOut()).toEqual([
      'BalkanLogisticsWidgets_3_1_0_5.zip',
      'BalkanLogisticsWidgets_3_1_0_5_managed.zip',
      'ContosoCollabKit_3_1_0_5.zip',
      'ContosoCollabKit_3_1_0_5_managed.zip',
      'RheinMaschinenbauWidgets_3_1_0_5.zip',
      'RheinMaschinenbauWidgets_3_1_0_5_managed.zip',
    ]);
  });

  it('packs a profile given by path, and a zip it packs passes solution check', async () => {
    cpSync(path.join(root, 'solutions/clients/balkan-logistics.json'), path.join(root, 'mine.json'));
    expect(
      (await crmkit('solution', 'pack', '--client', './mine.json', '--out', 'out', '--no-build')).code,
    ).toBe(0);
    const check = await crmkit('solution', 'check', 'out/BalkanLogisticsWidgets_2_0_3_0.zip');
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/BalkanLogisticsWidgets_2_0_3_0\.zip: OK\n$/);
  });

  it('packs the German client, saying once which languages fall back to English, and solution check accepts it', async () => {
    const r = await crmkit(
      'solution',
      'pack',
      '--client',
      'rhein-maschinenbau',
      '--both',
      '--out',
      'out',
      '--no-build',
    );
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'warning solutions/clients/rhein-maschinenbau.json › languages: crmkit has no texts of its own in German (1031), French (1036); its display names, descriptions and control and dashboard texts are in English there\n',
    );
    expect(listOut()).toEqual([
      'RheinMaschinenbauWidgets_1_0_0_0.zip',
      'RheinMaschinenbauWidgets_1_0_0_0_managed.zip',
    ]);
    const check = await crmkit('solution', 'check', 'out/RheinMaschinenbauWidgets_1_0_0_0_managed.zip');
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/RheinMaschinenbauWidgets_1_0_0_0_managed\.zip: OK \(4 warnings\)\n$/);
  });

  it('refuses a bad profile before building anything, listing every problem, and writes no zip', async () => {
    const bad = JSON.parse(readFileSync(path.join(root, 'solutions/clients/contoso.json'), 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    bad.publisher!.prefix = 'mscrmx';
    (bad as Record<string, unknown>).languages = [1033, 1049, 1049];
    (bad as Record<string, unknown>).widgets = ['survey', 'timeline'];
    bad.solution!.version = '1.2';
    writeFileSync(path.join(root, 'solutions/clients/zz-bad.json'), JSON.stringify(bad));
    // no --no-build: a build would fail here (no npm project), so exit 4 proves nothing was built
    const r = await crmkit('solution', 'pack', '--all', '--out', 'out');
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/^crmkit: the client profile is invalid \(4 problems\); nothing was built\n/);
    expect(r.err).toMatch(
      /zz-bad\.json › publisher\.prefix: must be 2–8 lower-case letters or digits, start with a letter, and not start with mscrm/,
    );
    expect(r.err).toMatch(/zz-bad\.json › languages: lists 1049 twice/);
    expect(r.err).toMatch(/zz-bad\.json › widgets\[1\]: must be one of the widgets crmkit ships/);
    expect(r.err).toMatch(/zz-bad\.json › solution\.version: must be four whole numbers/);
    expect(r.err.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(4);
    expect(listOut()).toEqual([]);
  });

  it('refuses two profiles that would share a client key or a zip name', async () => {
    cpSync(
      path.join(root, 'solutions/clients/contoso.json'),
      path.join(root, 'solutions/clients/contoso-copy.json'),
    );
    const r = await crmkit('solution', 'pack', '--all', '--out', 'out', '--no-build');
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/contoso\.json › client: is also used by .*contoso-copy\.json/);
    expect(r.err).toMatch(/contoso\.json › solution\.uniqueName: is also used by .*contoso-copy\.json/);
    expect(listOut()).toEqual([]);
  });

  it('shows the warnings solution check has about a zip it writes', async () => {
    rmSync(path.join(root, 'controls/SalesFunnel/out'), { recursive: true });
    writeTree(
      path.join(root, 'controls/SalesFunnel/out/controls/SalesFunnel'),
      fakeControlOutput('SalesFunnel', { languages: [1033] }),
    );
    const r = await crmkit('solution', 'pack', '--client', 'contoso', '--out', 'out', '--no-build');
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'warning ContosoCollabKit_1_2_0_0_managed.zip › Controls/cnt_CollabCrm.SalesFunnel/ControlManifest.xml: ships resx strings but none for declared language 1049; users of 1049 see another language\n',
    );
    expect(listOut()).toEqual(['ContosoCollabKit_1_2_0_0_managed.zip']);
  });

  it('reuses outputs that are newer than their sources instead of building', async () => {
    const src = path.join(root, 'controls/CollabSurvey/CollabSurvey/index.ts');
    mkdirSync(path.dirname(src), { recursive: true });
    writeFileSync(src, 'export class CollabSurvey {}\n');
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(src, past, past);
    const r = await crmkit('solution', 'pack', '--client', 'contoso', '--out', 'out');
    expect(r.err).toMatch(
      /reusing controls\/CollabSurvey\/out\/controls\/CollabSurvey \(newer than its sources\)/,
    );
    expect(r.code).toBe(0);
    expect(listOut()).toEqual(['ContosoCollabKit_1_2_0_0_managed.zip']);
  });

  it('leaves no zip behind when a build fails', async () => {
    const src = path.join(root, 'controls/CollabSurvey/CollabSurvey/index.ts');
    mkdirSync(path.dirname(src), { recursive: true });
    writeFileSync(src, 'export class CollabSurvey {}\n');
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(src, future, future); // the source is newer than the output: a build is needed, and fails here
    const r = await crmkit('solution', 'pack', '--client', 'contoso', '--out', 'out');
    expect(r.code).toBe(5);
    expect(r.err).toMatch(
      /^building control survey \(production\)…\ncrmkit: building control survey failed \(exit status \d+\); no zip was written\n/,
    );
    expect(listOut()).toEqual([]);
  });

  it.each([
    [
      ['--client', 'contoso', '--managed', '--unmanaged'],
      /give at most one of --managed, --unmanaged, --both/,
    ],
    [[], /give either --client <name\|path> or --all/],
    [['--client', 'contoso', '--all'], /give either --client/],
    [['--client', 'contoso', '--version', '1.2.3'], /--version 1\.2\.3 must be four whole numbers/],
  ])('exits 2 on a wrong command line %j', async (args, message) => {
    const r = await crmkit('solution', 'pack', ...args, '--out', 'out', '--no-build');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(listOut()).toEqual([]);
  });

  it('says which profile is missing', async () => {
    const r = await crmkit('solution', 'pack', '--client', 'nobody', '--out', 'out', '--no-build');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /^crmkit: client profile nobody not found \(.*solutions\/clients\/nobody\.json\)\n$/,
    );
  });
});

const xsd = path.resolve(repoRoot, '../shared/xsd');
const schemaSkip = !existsSync(xsd)
  ? `skipping the --xsd check: ${xsd} does not exist`
  : !hasXmllint()
    ? 'skipping the --xsd check: xmllint is not installed (libxml2-utils)'
    : undefined;
if (schemaSkip !== undefined) console.warn(schemaSkip);

describe('crmkit solution check', () => {
  it("exits 0 on a zip laid out like Microsoft's build", async () => {
    writeFileSync(path.join(root, 'ms.zip'), await microsoftStyleZip());
    const r = await crmkit('solution', 'check', 'ms.zip');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ms\.zip: OK\n$/);
  });

  it('exits 1 and prints each finding on a broken zip, also as JSON', async () => {
    writeFileSync(
      path.join(root, 'broken.zip'),
      await microsoftStyleZip((f) => f.delete('Controls/pblab_CustomControl.CustomRichTextField/bundle.js')),
    );
    const r = await crmkit('solution', 'check', 'broken.zip');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^error +Controls\/pblab_CustomControl\.CustomRichTextField\/ControlManifest\.xml: names code bundle\.js, which is not in the zip$/m,
    );
    expect(r.out).toMatch(/broken\.zip: 1 error, 0 warnings\n$/);
    const j = await crmkit('solution', 'check', 'broken.zip', '--json');
    expect(j.code).toBe(1);
    const report = JSON.parse(j.out) as { ok: boolean; errors: number; findings: { where: string }[] };
    expect([report.ok, report.errors, report.findings[0]?.where]).toEqual([
      false,
      1,
      'Controls/pblab_CustomControl.CustomRichTextField/ControlManifest.xml',
    ]);
  });

  it('exits 3 on a file that is not a zip, and on a missing file', async () => {
    writeFileSync(path.join(root, 'notes.zip'), 'hello');
    expect((await crmkit('solution', 'check', 'notes.zip')).err).toMatch(
      /^crmkit: notes\.zip: not a readable zip/,
    );
    expect((await crmkit('solution', 'check', 'nothing.zip')).code).toBe(3);
  });

  it('refuses unread a zip larger than the total limit, and writes nothing', async () => {
    const big = path.join(root, 'big.zip');
    writeFileSync(big, '');
    truncateSync(big, 257 * 1024 * 1024);
    const r = await crmkit('solution', 'check', 'big.zip');
    expect([r.code, r.out, r.err]).toEqual([
      3,
      '',
      'crmkit: big.zip: 257 MB, solution zips are read up to 256 MB\n',
    ]);
  });

  it('says "no such file" for a missing zip and "is a folder" for a folder, with exit 3', async () => {
    const missing = await crmkit('solution', 'check', 'nothing.zip');
    expect([missing.code, missing.err]).toEqual([3, 'crmkit: nothing.zip: no such file\n']);
    mkdirSync(path.join(root, 'folder.zip'));
    const folder = await crmkit('solution', 'check', 'folder.zip');
    expect([folder.code, folder.err]).toEqual([3, 'crmkit: folder.zip: is a folder, not a file\n']);
  });

  it('says when the schema is not checked because no ../shared/xsd is beside the project', async () => {
    writeFileSync(path.join(root, 'ms.zip'), await microsoftStyleZip());
    const r = await crmkit('solution', 'check', 'ms.zip');
    expect(r.out).toMatch(/^schema: not checked \(no --xsd and no \.\.\/shared\/xsd beside the project\)$/m);
  });

  it.skipIf(schemaSkip !== undefined)('finds ../shared/xsd beside the project by itself', async () => {
    writeFileSync(path.join(root, 'ms.zip'), await microsoftStyleZip());
    const io = memoryIo(root, { CRMKIT_ROOT: repoRoot });
    expect(await run(['solution', 'check', 'ms.zip'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/^schema: valid against .*shared\/xsd\/CustomizationsSolution\.xsd$/m);
  });

  it.skipIf(schemaSkip !== undefined)(
    "validates customizations.xml with xmllint against Microsoft's schema with --xsd",
    async () => {
      writeFileSync(path.join(root, 'ms.zip'), await microsoftStyleZip());
      const ok = await crmkit('solution', 'check', 'ms.zip', '--xsd', xsd);
      expect(ok.out).toMatch(/^schema: valid against .*CustomizationsSolution\.xsd$/m);
      writeFileSync(
        path.join(root, 'bad.zip'),
        await microsoftStyleZip((f) =>
          f.set(
            'customizations.xml',
            new TextEncoder().encode(
              new TextDecoder()
                .decode(f.get('customizations.xml'))
                .replace('<Roles />', '<Roles /><Bogus />'),
            ),
          ),
        ),
      );
      const bad = await crmkit('solution', 'check', 'bad.zip', '--xsd', xsd);
      expect(bad.code).toBe(1);
      expect(bad.out).toMatch(/customizations\.xml › schema line \d+: .*Bogus/);
    },
  );
});
