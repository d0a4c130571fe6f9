/**
 * The chunks a page is split into get names that do not depend on their content: a lazily loaded
 * module by its own name, shared code by the set of entries that need it, the page's script as
 * it was. The same build gives the same names; a content change keeps them.
 */
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { chunkFileNames, staticallyImported } from '../../scripts/chunk-names.js';

type Outputs = Metafile['outputs'];
const out = (
  entryPoint: string | undefined,
  imports: [string, 'import-statement' | 'dynamic-import'][],
): Outputs[string] => ({
  bytes: 1,
  inputs: {},
  exports: [],
  imports: imports.map(([path, kind]) => ({ path, kind })),
  ...(entryPoint === undefined ? {} : { entryPoint }),
});

/** A page whose script loads two modules on demand, sharing code with each and between them. */
function metafile(hash: string): Metafile {
  const d = 'dist/webresources/pipeline-funnel';
  return {
    inputs: {},
    outputs: {
      [`${d}/pipeline-funnel.js`]: out('src/webresources/pipeline-funnel/main.ts', [
        [`${d}/chunk-chunk${hash}1.js`, 'import-statement'],
        [`${d}/chunk-download-file-${hash}.js`, 'dynamic-import'],
        [`${d}/chunk-stage-drill-${hash}.js`, 'dynamic-import'],
      ]),
      [`${d}/chunk-download-file-${hash}.js`]: out('src/webresources/pipeline-funnel/download-file.ts', [
        [`${d}/chunk-chunk${hash}1.js`, 'import-statement'],
        [`${d}/chunk-chunk${hash}2.js`, 'import-statement'],
      ]),
      [`${d}/chunk-stage-drill-${hash}.js`]: out('src/webresources/pipeline-funnel/stage-drill.ts', [
        [`${d}/chunk-chunk${hash}2.js`, 'import-statement'],
      ]),
      [`${d}/chunk-chunk${hash}1.js`]: out(undefined, []),
      [`${d}/chunk-chunk${hash}2.js`]: out(undefined, []),
    },
  };
}

describe('chunk file names', () => {
  it('names each chunk by what it is, never by its content hash', () => {
    expect(Object.fromEntries(chunkFileNames('pipeline-funnel', metafile('AAAA')))).toEqual({
      'pipeline-funnel.js': 'pipeline-funnel.js',
      'chunk-download-file-AAAA.js': 'pipeline_funnel.download_file.js',
      'chunk-stage-drill-AAAA.js': 'pipeline_funnel.stage_drill.js',
      'chunk-chunkAAAA1.js': 'pipeline_funnel.shared.main.download_file.js',
      'chunk-chunkAAAA2.js': 'pipeline_funnel.shared.download_file.stage_drill.js',
    });
  });

  it('gives the same names whatever the hashes', () => {
    const names = (hash: string): string[] => [...chunkFileNames('pipeline-funnel', metafile(hash)).values()];
    expect(names('BBBB')).toEqual(names('AAAA'));
  });

  it('follows static imports only when telling what the page needs first', () => {
    const m = metafile('AAAA');
    const first = staticallyImported(m, 'dist/webresources/pipeline-funnel/pipeline-funnel.js');
    expect([...first].sort()).toEqual([
      'dist/webresources/pipeline-funnel/chunk-chunkAAAA1.js',
      'dist/webresources/pipeline-funnel/pipeline-funnel.js',
    ]);
  });

  it('refuses two modules loaded on demand under one name', () => {
    const m = metafile('AAAA');
    m.outputs['dist/webresources/pipeline-funnel/chunk-x.js'] = out(
      'src/widgets/funnel/download-file.ts',
      [],
    );
    expect(() => chunkFileNames('pipeline-funnel', m)).toThrow(/download_file/);
  });

  it('names shared code of many modules by a short hash that never reads as a language number', () => {
    const d = 'dist/webresources/pipeline-funnel';
    const m = metafile('AAAA');
    const lazy = Array.from({ length: 40 }, (_, i) => `a-rather-long-lazy-module-${i}`);
    const shared = `${d}/chunk-shared.js`;
    m.outputs[shared] = out(undefined, []);
    for (const name of lazy)
      m.outputs[`${d}/chunk-${name}.js`] = out(`src/${name}.ts`, [[shared, 'import-statement']]);
    // Two by two: 780 lists of more than 40 characters, each hashed.
    const hashed = lazy.flatMap((a, i) =>
      lazy.slice(i + 1).map((b) => {
        const pair = `${d}/chunk-pair-${a}-${b}.js`;
        const one = structuredClone(m);
        one.outputs[pair] = out(undefined, []);
        for (const name of [a, b])
          one.outputs[`${d}/chunk-${name}.js`]!.imports.push({ path: pair, kind: 'import-statement' });
        return chunkFileNames('pipeline-funnel', one).get(`chunk-pair-${a}-${b}.js`)!;
      }),
    );
    expect(hashed.every((n) => /^pipeline_funnel\.shared\.h[0-9a-z]+\.js$/.test(n))).toBe(true);
    expect(new Set(hashed).size).toBe(hashed.length);
    expect(hashed.filter((n) => /\.\d+\.js$/.test(n))).toEqual([]);
  });
});
