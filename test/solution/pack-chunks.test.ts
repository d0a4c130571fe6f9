/**
 * The dashboard pages as built (ES modules split into chunks) packed into a solution: every file a
 * packed page or script refers to (`./x.js` in an import, an `import()`, a modulepreload or a
 * script tag) is itself a web resource of the solution, under a valid name Dataverse accepts, and
 * two builds of the same sources give the same names.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packSolution } from '../../src/solution/pack';
import { readZip } from '../../src/solution/zip-read';
import { decodeUtf8 } from '../../src/solution/xml';
import { fakeOutputs, loadProfile, loadSource } from './fakes';

const root = path.resolve(import.meta.dirname, '../..');
const build = (): void => {
  execFileSync(process.execPath, ['scripts/build-webresources.js'], { cwd: root, stdio: 'ignore' });
};
const built = (page: string): Map<string, Uint8Array> => {
  const dir = path.join(root, 'dist/webresources', page);
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
};

let names: string[] = [];
beforeAll(() => {
  build();
  names = [...built('pipeline-funnel').keys(), ...built('survey-insights').keys()].sort();
}, 120_000);

/** The sibling files a page or script refers to. */
function references(text: string): string[] {
  const found = text.matchAll(/(?:from\s*|import\s*\(?\s*|src=|href=)["']\.\/([^"']+)["']/g);
  return [...found].map((m) => m[1]!);
}

describe('the built pages in a solution', () => {
  it('ships every chunk a page refers to as a web resource of its own, under a valid name', async () => {
    const source = loadSource();
    const profile = loadProfile('contoso', source);
    const result = await packSolution({
      profile,
      source,
      managed: false,
      ...fakeOutputs(),
      webResources: new Map([
        ['surveyDashboard', built('survey-insights')],
        ['funnelDashboard', built('pipeline-funnel')],
      ]),
    });
    const zip = readZip(result.bytes, result.fileName);
    const folder = 'WebResources/cnt_/crmkit/';
    const shipped = zip.names.filter((n) => n.startsWith(folder));
    const pages = shipped.filter((n) => /\.(html|js)$/.test(n) && !/\.\d{4}\.js$/.test(n));
    expect(pages.length).toBeGreaterThan(10);
    let checked = 0;
    for (const file of pages) {
      for (const ref of references(decodeUtf8(zip.files.get(file)!))) {
        expect(shipped, `${file} refers to ./${ref}`).toContain(`${folder}${ref}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    for (const name of shipped.map((n) => n.slice('WebResources/'.length))) {
      expect(name).toMatch(/^[A-Za-z0-9_]+_\/(?:[A-Za-z0-9_.]+\/)*[A-Za-z0-9_.]+$/);
      expect(name.length).toBeLessThanOrEqual(100);
    }
  });

  it('names the chunks the same in a second build', () => {
    build();
    expect([...built('pipeline-funnel').keys(), ...built('survey-insights').keys()].sort()).toEqual(names);
  }, 120_000);
});
