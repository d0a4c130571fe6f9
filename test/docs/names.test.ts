/**
 * The names the guides give are the ones users see: property names as the form designer shows
 * them (the control manifests' display names in 1033), and the components and display names of
 * the zip `solution pack` writes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packSolution } from '../../src/solution/pack';
import { readZip } from '../../src/solution/zip-read';
import { attr, child, children, decodeUtf8, parseXml, text } from '../../src/solution/xml';
import { fakeOutputs, loadProfile, loadSource, repoRoot } from '../solution/fakes';

const guide = (name: string): string => readFileSync(path.join(repoRoot, 'docs', name), 'utf8');

/** The rows of the first markdown table whose header row starts with `| <first> |`. */
function tableRows(markdown: string, first: string): string[][] {
  const lines = markdown.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  if (start < 0) throw new Error(`no table starting with "${first}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

/** The display names of a control's properties (and a data-set's property-sets) in 1033. */
function propertyDisplayNames(control: string): string[] {
  return [...manifestProperties(control).values()];
}

/** Manifest name → display name in 1033 of a control's properties and a data-set's property-sets. */
function manifestProperties(control: string): Map<string, string> {
  const dir = path.join(repoRoot, 'controls', control, control);
  const manifest = parseXml(
    readFileSync(path.join(dir, 'ControlManifest.Input.xml'), 'utf8'),
    'ControlManifest.Input.xml',
    ['property', 'property-set', 'data-set', 'data'],
  );
  const resx = parseXml(readFileSync(path.join(dir, `strings/${control}.1033.resx`), 'utf8'), 'resx', [
    'data',
  ]);
  const strings = new Map(
    children(child(resx, 'root'), 'data').map((d) => [attr(d, 'name'), text(d, 'value')]),
  );
  const c = child(child(manifest, 'manifest'), 'control');
  const properties = [
    ...children(c, 'property'),
    ...children(c, 'data-set').flatMap((d) => children(d, 'property-set')),
  ];
  return new Map(
    properties.map((p) => [
      attr(p, 'name') ?? '?',
      strings.get(attr(p, 'display-name-key')) ?? '(no display name)',
    ]),
  );
}

/** The names of a guide table's first column: `A, B (required)` → `A`, `B`. */
const namesIn = (rows: string[][]): string[] =>
  rows.flatMap((r) => (r[0] ?? '').split(', ').map((n) => n.replace(/ \(required\)$/, '')));

describe("the administrators' guide", () => {
  const admin = guide('administrators.md');

  it.each([
    ['CollabSurvey', 'property | bind to'],
    ['SalesFunnel', 'property | what to give it'],
  ])('names every property of %s as the form designer shows it, and no other', (control, header) => {
    const [first] = header.split(' | ');
    const rows = tableRows(admin.replace(`| ${header} |`, `| ${first}@ |`), `${first}@`);
    expect(namesIn(rows).sort()).toEqual(propertyDisplayNames(control).sort());
  });

  it('lists the components and display names of the zip solution pack writes', async () => {
    const source = loadSource();
    const profile = loadProfile('contoso', source);
    expect([...profile.widgets].sort()).toEqual(source.widgets.map((w) => w.id).sort());
    const packed = await packSolution({ profile, source, managed: true, ...fakeOutputs() });
    const zip = readZip(packed.bytes, packed.fileName);
    const roots = children(
      child(
        child(
          parseXml(decodeUtf8(zip.files.get('solution.xml')!), 'solution.xml', ['RootComponent']),
          'ImportExportXml',
        ),
        'SolutionManifest',
      ),
      'RootComponents',
    );
    const components = children(roots[0], 'RootComponent').map((r) => attr(r, 'schemaName'));
    const cx = child(
      parseXml(decodeUtf8(zip.files.get('customizations.xml')!), 'cx', ['WebResource']),
      'ImportExportXml',
    );
    const webNames = new Map(
      children(child(cx, 'WebResources'), 'WebResource').map((w) => [
        text(w, 'Name'),
        text(w, 'DisplayName'),
      ]),
    );
    const controlNames = new Map(
      ['CollabSurvey', 'SalesFunnel'].map((c) => [`cnt_CollabCrm.${c}`, controlDisplayName(c)]),
    );
    const rows = tableRows(admin, 'component');
    const inGuide = rows.map((r) => [(r[2] ?? '').replace(/`/g, '').replace('<prefix>', 'cnt'), r[1]]);
    expect(inGuide.map(([name]) => name).sort()).toEqual([...components].sort());
    for (const [name, displayName] of inGuide)
      expect(displayName, name).toBe(webNames.get(name) ?? controlNames.get(name!));
  });
});

function controlDisplayName(control: string): string | undefined {
  const resx = readFileSync(
    path.join(repoRoot, 'controls', control, control, `strings/${control}.1033.resx`),
    'utf8',
  );
  return /<data name="control\.displayName"[^>]*>\s*<value>([^<]*)<\/value>/.exec(resx)?.[1];
}

describe("the widgets' guides", () => {
  it('name the survey properties as the form designer shows them', () => {
    const bold = [...guide('widgets-survey.md').matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!);
    const names = propertyDisplayNames('CollabSurvey');
    expect(names.filter((n) => !bold.includes(n))).toEqual([]);
  });

  it('give the funnel properties by manifest name with the name the form designer shows', () => {
    const rows = tableRows(guide('widgets-funnel.md'), 'property');
    const shown = rows.map((r) => /^`(\w+)` \((.+)\)$/.exec(r[0] ?? '')?.slice(1));
    expect(new Map(shown.map((pair) => [pair?.[0], pair?.[1]]))).toEqual(manifestProperties('SalesFunnel'));
  });
});

describe('all guides', () => {
  it('recommend one maximum length for the responses column', () => {
    const lengths = new Set<string>();
    for (const name of ['administrators.md', 'widgets-survey.md', 'consultants.md', 'dashboards.md']) {
      for (const m of guide(name).matchAll(/maximum length (?:of )?(\d[\d,]*\d)/g)) lengths.add(m[1]!);
    }
    expect([...lengths]).toEqual(['1,048,576']);
  });
});
