import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSolutionZip } from '../../src/solution/check';
import { formatFindings } from '../../src/solution/findings';
import { checkSolutionFile } from '../../src/solution/node/check-file';
import { validateWithXmllint } from '../../src/solution/node/xmllint';
import { packSolution } from '../../src/solution/pack';
import { readZip } from '../../src/solution/zip-read';
import { fakeOutputs, loadProfile, loadSource, repoRoot } from './fakes';
import { schemaSkipReason, xsd } from './xsd';

// Real exports from public GitHub repositories (see the README beside them), zipped with the
// [Content_Types].xml every solution carries.
const fixtures = path.resolve(import.meta.dirname, '../fixtures/solution/real-exports');
const skipReason = schemaSkipReason('real exports');

const TYPES =
  '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="text/xml" /></Types>';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'crmkit-real-exports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Files = Map<string, string>;

function exportFiles(name: string): Files {
  const read = (f: string) => readFileSync(path.join(fixtures, name, f), 'utf8');
  return new Map([
    ['customizations.xml', read('customizations.xml')],
    ['solution.xml', read('solution.xml')],
    ['[Content_Types].xml', TYPES],
  ]);
}

/** Replaces the first occurrence, failing when the text is not there (the edit would test nothing). */
function replace(files: Files, entry: string, from: string | RegExp, to: string): void {
  const before = files.get(entry)!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${String(from)} is not in ${entry}`);
  files.set(entry, after);
}

async function zipOf(files: Files): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, body] of files) zip.file(name, body, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

let count = 0;
/** `solution check` as the command runs it, schema included. */
async function check(files: Files) {
  const file = path.join(tmp, `export-${++count}.zip`);
  writeFileSync(file, await zipOf(files));
  const report = checkSolutionFile({ file, name: 'export.zip', xsd, cwd: repoRoot, env: {} });
  return { report, text: formatFindings('export.zip', report.findings) };
}

const CX = 'customizations.xml';
const MAIN_FORM = '{f81e6348-2d65-4c72-88d8-324274d7cccd}';
const ROLE =
  '<Roles><Role id="{6b2c1d3e-0f4a-4b5c-9d8e-7f6a5b4c3d2e}" name="Time off approver"><IsCustomizable>1</IsCustomizable>' +
  '<IntroducedVersion>1.0</IntroducedVersion><RolePrivileges>' +
  '<RolePrivilege name="prvReadActivity" level="Global" /><RolePrivilege name="prvWriteActivity" level="Basic" />' +
  '</RolePrivileges></Role></Roles>';
const ROLE_ROOT = '<RootComponent type="20" id="{6b2c1d3e-0f4a-4b5c-9d8e-7f6a5b4c3d2e}" behavior="0" />';
const withRole = (f: Files): void => {
  replace(f, CX, '<Roles></Roles>', ROLE);
  replace(f, 'solution.xml', '</RootComponents>', `${ROLE_ROOT}</RootComponents>`);
};

const CHART_ID = '{9c6f2a51-3b7e-4d2c-8f1a-6e5d4c3b2a19}';
/** A chart as Dynamics exports one (its datadescription and presentationdescription inline). */
const CHART =
  `<Visualizations><visualization><savedqueryvisualizationid>${CHART_ID}</savedqueryvisualizationid>` +
  '<datadescription><datadefinition><fetchcollection><fetch mapping="logical" aggregate="true">' +
  '<entity name="user9_timeoffrequest"><attribute groupby="true" alias="groupby_column" name="ownerid" />' +
  '<attribute alias="aggregate_column" name="user9_timeoffrequestid" aggregate="count" /></entity>' +
  '</fetch></fetchcollection><categorycollection><category><measurecollection><measure alias="aggregate_column" />' +
  '</measurecollection></category></categorycollection></datadefinition></datadescription>' +
  '<presentationdescription><Chart><Series><Series ChartType="Column" /></Series><ChartAreas><ChartArea /></ChartAreas>' +
  '</Chart></presentationdescription><isdefault>0</isdefault><IsCustomizable>1</IsCustomizable>' +
  '<LocalizedNames><LocalizedName description="Requests by owner" languagecode="1033" /></LocalizedNames>' +
  '</visualization></Visualizations>';
const withChart = (f: Files): void => replace(f, CX, '</SavedQueries>', `</SavedQueries>${CHART}`);

/** Edits a real export and the finding each must produce. */
const damaged: [string, (f: Files) => void, RegExp][] = [
  [
    'a required element removed (a form without LocalizedNames)',
    (f) =>
      replace(
        f,
        CX,
        /<LocalizedNames>\s*<LocalizedName description="Information" languagecode="1033" \/>\s*<\/LocalizedNames>/,
        '',
      ),
    /schema line \d+: .*Missing child element\(s\)\. Expected is .*LocalizedNames/,
  ],
  [
    'a misspelt element',
    (f) => replace(f, CX, '<IsAuditEnabled>0</IsAuditEnabled>', '<IsAuditEnable>0</IsAuditEnable>'),
    /schema line \d+: .*'IsAuditEnable': This element is not expected/,
  ],
  [
    'a misspelt newer item',
    (f) => replace(f, CX, '<IsSearchable>0</IsSearchable>', '<IsSearchabel>0</IsSearchabel>'),
    /schema line \d+: .*'IsSearchabel': This element is not expected/,
  ],
  [
    'a value of the wrong type',
    (f) => replace(f, CX, '<IsAuditEnabled>0</IsAuditEnabled>', '<IsAuditEnabled>yes</IsAuditEnabled>'),
    /schema line \d+: .*'IsAuditEnabled': .*'yes'/,
  ],
  [
    'a newer item with a value of the wrong kind',
    (f) => replace(f, CX, '<IsSearchable>0</IsSearchable>', '<IsSearchable>maybe</IsSearchable>'),
    /schema line 43: attribute › IsSearchable: "maybe" is not a value it takes/,
  ],
  [
    'an unknown element that is no newer item',
    (f) =>
      replace(
        f,
        CX,
        '<IsSolutionAware>0</IsSolutionAware>',
        '<IsSolutionAware>0</IsSolutionAware><IsFancy>1</IsFancy>',
      ),
    /schema line \d+: .*'IsFancy': This element is not expected/,
  ],
  [
    'a newer item out of its place',
    (f) =>
      replace(
        f,
        CX,
        '<IsSecured>0</IsSecured>',
        '<IsSecured>0</IsSecured><IsSolutionAware>0</IsSolutionAware>',
      ),
    /schema line \d+: .*'IsSolutionAware': This element is not expected/,
  ],
  [
    'broken form XML, with the table and form it is in',
    (f) => replace(f, CX, '</tabs>', ''),
    /^error +customizations\.xml › Entity user9_TimeOffRequest › form \{f81e6348-2d65-4c72-88d8-324274d7cccd\}: malformed XML \(\d+:\d+: unexpected close tag\.\)$/m,
  ],
  [
    'a form without its id',
    (f) => replace(f, CX, `<formid>${MAIN_FORM}</formid>`, ''),
    /Entity user9_TimeOffRequest › form "Information" \(main\): has no formid/,
  ],
  [
    'two forms with one id',
    (f) => replace(f, CX, '{2ff605e1-b2ac-4c20-a159-84826fe68162}', MAIN_FORM),
    /form "Information" \(quick\): formid \{f81e6348-[^ ]+ is also the id of .*form "Information" \(main\)/,
  ],
  [
    'a form without its body',
    (f) => replace(f, CX, /<form>\s*<tabs>[\s\S]*?<\/form>/, ''),
    /form "Information" \(main\): has no <form>/,
  ],
  [
    'a form control bound to a column the table lacks',
    (f) => replace(f, CX, 'datafieldname="ownerid"', 'datafieldname="owner"'),
    /form "Information" \(main\): names column owner, which table user9_TimeOffRequest does not have/,
  ],
  [
    'a view querying another table',
    (f) => replace(f, CX, '<entity name="user9_timeoffrequest">', '<entity name="account">'),
    /view "Active Time Off Requests": its fetchxml queries "account", not this table user9_timeoffrequest/,
  ],
  [
    'a view column the table lacks',
    (f) => replace(f, CX, '<cell name="createdon" width="125" />', '<cell name="createdonn" width="125" />'),
    /view "Active Time Off Requests" › layoutxml: names column createdonn, which table user9_TimeOffRequest does not have/,
  ],
  [
    'a view filter on a column the table lacks',
    (f) =>
      replace(
        f,
        CX,
        '<condition attribute="statecode" operator="eq" value="0" />',
        '<condition attribute="state" operator="eq" value="0" />',
      ),
    /view "Active Time Off Requests" › fetchxml: names column state/,
  ],
  [
    'a view whose fetchxml is broken',
    (f) =>
      replace(
        f,
        CX,
        /<fetchxml>\s*<fetch version="1.0" mapping="logical">[\s\S]*?<\/fetchxml>/,
        '<fetchxml>&lt;fetch&gt;&lt;entity name="x"&gt;</fetchxml>',
      ),
    /view "Active Time Off Requests": its fetchxml is not well-formed: malformed XML/,
  ],
  [
    'a wrong component type for the table',
    (f) =>
      replace(
        f,
        'solution.xml',
        '<RootComponent type="1" schemaName="user9_timeoffrequest"',
        '<RootComponent type="9" schemaName="user9_timeoffrequest"',
      ),
    /RootComponent type="9" user9_timeoffrequest is the table \(entity\) user9_TimeOffRequest, whose type is 1/,
  ],
  [
    'a table without its root component',
    (f) => replace(f, 'solution.xml', /<RootComponent type="1" [^>]*\/>/, ''),
    /the table user9_TimeOffRequest has no RootComponent type="1"/,
  ],
  [
    'a root component for a table that is not there',
    (f) =>
      replace(
        f,
        'solution.xml',
        '</RootComponents>',
        '<RootComponent type="1" schemaName="user9_ghost" behavior="0" /></RootComponents>',
      ),
    /RootComponent type="1" user9_ghost is not a table \(entity\) in customizations\.xml/,
  ],
  [
    'forms of a table whose root leaves out its subcomponents',
    (f) =>
      replace(
        f,
        'solution.xml',
        'schemaName="user9_timeoffrequest" behavior="0"',
        'schemaName="user9_timeoffrequest" behavior="1"',
      ),
    /the form "Information" \(main\) \{f81e6348-[^}]+\} of user9_TimeOffRequest has no RootComponent type="60"/,
  ],
  [
    'a form root given the view type',
    (f) =>
      replace(
        f,
        'solution.xml',
        '</RootComponents>',
        `<RootComponent type="26" id="${MAIN_FORM}" behavior="0" /></RootComponents>`,
      ),
    /RootComponent type="26" \{f81e6348-[^}]+\} is the form \(system form\) "Information" of user9_TimeOffRequest, whose type is 60/,
  ],
  [
    'a role without its root component',
    (f) => replace(f, CX, '<Roles></Roles>', ROLE),
    /the security role "Time off approver" \{6b2c1d3e-[^}]+\} has no RootComponent type="20"/,
  ],
  [
    'a role privilege with an unknown level',
    (f) => {
      withRole(f);
      replace(f, CX, 'level="Basic"', 'level="User"');
    },
    /Role "Time off approver": privilege prvWriteActivity has level "User", not Basic, Local, Deep or Global/,
  ],
  [
    'a role privilege that is no privilege name',
    (f) => {
      withRole(f);
      replace(f, CX, 'name="prvReadActivity"', 'name="ReadActivity"');
    },
    /Role "Time off approver": privilege "ReadActivity" is not a privilege name/,
  ],
  [
    'a misspelt form attribute beside the newer ones',
    (f) =>
      replace(
        f,
        CX,
        'id="{698173f6-e9d8-49da-bf47-80e1f15ebc00}"',
        'id="{698173f6-e9d8-49da-bf47-80e1f15ebc00}" ordinalvalu="1"',
      ),
    /schema line \d+: .*attribute 'ordinalvalu': The attribute 'ordinalvalu' is not allowed/,
  ],
  [
    'a chart querying another table',
    (f) => {
      withChart(f);
      replace(
        f,
        CX,
        '<entity name="user9_timeoffrequest"><attribute groupby',
        '<entity name="contact"><attribute groupby',
      );
    },
    /chart "Requests by owner": its datadescription queries "contact", not this table user9_timeoffrequest/,
  ],
  [
    'a chart grouping by a column the table lacks',
    (f) => {
      withChart(f);
      replace(f, CX, 'alias="groupby_column" name="ownerid"', 'alias="groupby_column" name="owner"');
    },
    /chart "Requests by owner" › datadescription: names column owner/,
  ],
  [
    "a chart whose id is a view's",
    (f) => {
      withChart(f);
      replace(f, CX, CHART_ID, '{1ccf5e7d-3f21-4a26-b88e-bed015c25224}');
    },
    /chart "Requests by owner": savedqueryvisualizationid \{1ccf5e7d-[^ ]+ is also the id of .*view "Active Time Off Requests"/,
  ],
  [
    'a view whose grid jumps to a column the table lacks',
    (f) => replace(f, CX, 'jump="user9_name"', 'jump="name"'),
    /view "Active Time Off Requests" › layoutxml: names column name,/,
  ],
];

describe('solution check on real exports, without the schema (no xmllint needed)', () => {
  it.each(['alm-lab', 'school-library'])('finds no error in %s', async (name) => {
    const result = checkSolutionZip(await zipOf(exportFiles(name)), 'export.zip');
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.packedByCrmkit).toBe(false);
  });

  it('does not report a table carried only for a column root, which it cannot resolve', async () => {
    const files = exportFiles('alm-lab');
    replace(
      files,
      'solution.xml',
      /<RootComponent type="1" [^>]*\/>/,
      '<RootComponent type="2" id="{0b7c3f2e-5d4a-4e1b-9c8d-7a6f5e4d3c2b}" behavior="0" />',
    );
    const result = checkSolutionZip(await zipOf(files), 'export.zip');
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each(damaged.filter(([, , expected]) => !expected.source.includes('schema line')))(
    'reports %s',
    async (_name, edit, expected) => {
      const files = exportFiles('alm-lab');
      edit(files);
      const result = checkSolutionZip(await zipOf(files), 'export.zip');
      expect(result.errors).toBeGreaterThan(0);
      expect(formatFindings('export.zip', result.findings)).toMatch(expected);
    },
  );
});

describe.skipIf(skipReason !== undefined)('solution check on real exports from public repositories', () => {
  it.each(['alm-lab', 'school-library'])('finds no error in %s', async (name) => {
    const { report, text } = await check(exportFiles(name));
    expect(text).not.toMatch(/^error/m);
    expect(report.errors).toBe(0);
    expect(report.schema).toMatch(
      /^valid against .*CustomizationsSolution\.xsd \(\d+ newer items of today's exports accepted\)$/,
    );
  });

  it.each(['alm-lab', 'school-library'])(
    'needs the newer items accepted: the 9.0 schema alone rejects %s',
    (name) => {
      const bytes = new TextEncoder().encode(exportFiles(name).get(CX));
      expect(validateWithXmllint(bytes, xsd).length).toBeGreaterThan(0);
    },
  );

  it('accepts a security role with its root component, a chart, and the newer form attributes of modern exports', async () => {
    const files = exportFiles('alm-lab');
    withRole(files);
    withChart(files);
    replace(
      files,
      CX,
      'id="{698173f6-e9d8-49da-bf47-80e1f15ebc00}"',
      'id="{698173f6-e9d8-49da-bf47-80e1f15ebc00}" ordinalvalue="1" solutionaction="Added" contenttype="0"',
    );
    replace(files, CX, '<column width="100%">', '<column width="100%" id="0">');
    const { report, text } = await check(files);
    expect(text).not.toMatch(/^error/m);
    expect(report.errors).toBe(0);
  });

  it.each(damaged)('reports %s', async (name, edit, expected) => {
    const files = exportFiles('alm-lab');
    edit(files);
    const { report, text } = await check(files);
    expect(report.errors).toBeGreaterThan(0);
    expect(report.ok).toBe(false);
    expect(text).toMatch(expected);
    expect(text).toMatch(/^export\.zip: \d+ errors?, \d+ warnings?$/m);
    // a file that does not parse has nothing accepted: xmllint judges it as it is
    expect(report.schema).toMatch(
      name.startsWith('broken')
        ? /^invalid$/
        : /^(valid against .*|invalid) \(\d+ newer items of today's exports accepted\)$/,
    );
  });

  it('holds a zip crmkit packed to the strict 9.0 schema: a newer item there is an error', async () => {
    const source = loadSource();
    const packed = await packSolution({
      profile: loadProfile('contoso', source),
      source,
      managed: false,
      ...fakeOutputs(),
    });
    const { names, files } = readZip(packed.bytes, packed.fileName);
    const edited: Files = new Map(
      names.filter((n) => !n.endsWith('/')).map((n) => [n, new TextDecoder().decode(files.get(n))]),
    );
    replace(edited, CX, '<ImportExportXml', '<ImportExportXml OrganizationVersion="9.2.25024.216"');
    const zip = new JSZip();
    for (const [n, body] of edited) zip.file(n, body, { createFolders: false });
    const file = path.join(tmp, 'packed.zip');
    writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const report = checkSolutionFile({ file, name: 'packed.zip', xsd, cwd: repoRoot, env: {} });
    expect(formatFindings('packed.zip', report.findings)).toMatch(
      /The attribute 'OrganizationVersion' is not allowed/,
    );
  });
});
