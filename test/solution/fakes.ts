import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSolutionSource } from '../../src/solution/source';
import { parseProfile } from '../../src/solution/profile';
import type { BuiltFiles, PackInput } from '../../src/solution/pack';
import type { ClientProfile, SolutionSource } from '../../src/solution/model';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const utf8 = new TextEncoder();

export function loadSource(): SolutionSource {
  const file = path.join(repoRoot, 'solutions/crmkit.solution.json');
  return parseSolutionSource(JSON.parse(readFileSync(file, 'utf8')), file);
}

export function loadProfile(name: string, source = loadSource()): ClientProfile {
  const file = path.join(repoRoot, 'solutions/clients', `${name}.json`);
  return parseProfile(readFileSync(file, 'utf8'), file, source);
}

/** A minimal pcf-scripts output: a manifest naming a bundle, a css file and resx per language. */
export function fakeControlOutput(
  ctor: string,
  options: { languages?: readonly number[]; version?: string; omit?: string } = {},
): Map<string, Uint8Array> {
  const languages = options.languages ?? [1033, 1049, 1026, 1058];
  const resx = languages.map((l) => `strings/${ctor}.${l}.resx`);
  const manifest = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<manifest>',
    `  <control namespace="CollabCrm" constructor="${ctor}" version="${options.version ?? '0.0.1'}" display-name-key="${ctor}_Name" description-key="${ctor}_Desc" control-type="standard">`,
    '    <property name="value" display-name-key="Value" of-type="SingleLine.Text" usage="bound" required="true" />',
    ...(ctor === 'CollabSurvey'
      ? [
          '    <property name="definition" display-name-key="Definition" of-type="Multiple" usage="input" required="false" />',
          '    <property name="responseTable" display-name-key="ResponseTable" of-type="SingleLine.Text" usage="input" required="false" />',
        ]
      : []),
    '    <resources>',
    '      <code path="bundle.js" order="1" />',
    `      <css path="css/${ctor}.css" order="1" />`,
    ...resx.map((r) => `      <resx path="${r}" version="1.0.0" />`),
    '    </resources>',
    '  </control>',
    '</manifest>',
  ].join('\n');
  const files = new Map<string, Uint8Array>([
    ['ControlManifest.xml', utf8.encode(manifest)],
    ['bundle.js', utf8.encode(`ComponentFramework.registerControl('CollabCrm.${ctor}', function () {});\n`)],
    [`css/${ctor}.css`, utf8.encode(`.${ctor} { color: #242424; }\n`)],
    ...resx.map((r): [string, Uint8Array] => [
      r,
      utf8.encode(
        `<?xml version="1.0" encoding="utf-8"?>\n<root><data name="${ctor}_Name"><value>x</value></data></root>\n`,
      ),
    ]),
  ]);
  if (options.omit !== undefined) files.delete(options.omit);
  return files;
}

/** A built dashboard page as scripts/build-webresources.js writes it: `<page>.html/.js/.css`. */
export function fakePage(page: string): Map<string, Uint8Array> {
  return new Map([
    [
      `${page}.html`,
      utf8.encode(
        `<!doctype html><html><head><link rel="stylesheet" href="./${page}.css"></head>` +
          `<body><script src="./${page}.js"></script></body></html>\n`,
      ),
    ],
    [`${page}.js`, utf8.encode(`(()=>{document.title=${JSON.stringify(page)}})();\n`)],
    [`${page}.css`, utf8.encode('body{margin:0}\n')],
  ]);
}

/** Build outputs for every widget crmkit ships, faked. */
export function fakeOutputs(): Pick<PackInput, 'controls' | 'webResources'> {
  return {
    controls: new Map<string, BuiltFiles>([
      ['survey', fakeControlOutput('CollabSurvey')],
      ['funnel', fakeControlOutput('SalesFunnel')],
    ]),
    webResources: new Map<string, BuiltFiles>([
      ['surveyDashboard', fakePage('survey-insights')],
      ['funnelDashboard', fakePage('pipeline-funnel')],
    ]),
  };
}

/** Writes files given by relative path under a folder. */
export function writeTree(dir: string, files: ReadonlyMap<string, Uint8Array>): void {
  for (const [rel, bytes] of files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), bytes);
  }
}

/**
 * A project folder with the real solution source and profiles, and faked build outputs; the caller
 * removes it. In `root` when given (made when missing), else in a new temporary folder.
 */
export function fakeProject(root = mkdtempSync(path.join(os.tmpdir(), 'crmkit-solution-project-'))): string {
  mkdirSync(root, { recursive: true });
  cpSync(path.join(repoRoot, 'solutions'), path.join(root, 'solutions'), { recursive: true });
  writeTree(
    path.join(root, 'controls/CollabSurvey/out/controls/CollabSurvey'),
    fakeControlOutput('CollabSurvey'),
  );
  writeTree(
    path.join(root, 'controls/SalesFunnel/out/controls/SalesFunnel'),
    fakeControlOutput('SalesFunnel'),
  );
  writeTree(path.join(root, 'dist/webresources/survey-insights'), fakePage('survey-insights'));
  writeTree(path.join(root, 'dist/webresources/pipeline-funnel'), fakePage('pipeline-funnel'));
  return root;
}
