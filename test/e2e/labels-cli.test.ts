import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLabels } from '../../src/labels';
import { readWorkbook } from '../../src/labels/workbook/read';
import { writeSampleFile } from '../../src/labels/sample-file';
import { files, tempDir, zipEntries, removeTempDirs } from '../labels/support';

afterAll(removeTempDirs);

const root = path.resolve(import.meta.dirname, '../..');
const sample = path.join(root, 'translations/samples/CrmTranslations_ContosoSales_1_0_0_0.zip');

function crmkit(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/crmkit.js'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});

describe('the crmkit binary', () => {
  it("runs the README's first command on the bundled sample", () => {
    const dir = tempDir('crmkit-e2e-');
    const res = crmkit(dir, 'labels', 'export', sample, '-o', 'contoso-labels.xlsx');
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(
      /^Exported 604 labels \(Localized Labels 600, Display Strings 4\) of ContosoSales/,
    );
    expect(files(dir)).toEqual(['contoso-labels.xlsx']);
  });

  it('imports the unedited workbook back into a byte-identical CrmTranslations.xml', async () => {
    const dir = tempDir('crmkit-e2e-');
    expect(crmkit(dir, 'labels', 'export', sample, '-o', 'c.xlsx').code).toBe(0);
    const res = crmkit(dir, 'labels', 'import', 'c.xlsx', '--into', sample, '-o', 'out.zip');
    expect(res.code).toBe(0);
    const before = await zipEntries(sample);
    const after = await zipEntries(path.join(dir, 'out.zip'));
    expect(after.get('CrmTranslations.xml')!.equals(before.get('CrmTranslations.xml')!)).toBe(true);
  });

  it('answers a hostile file with one line on stderr, exit 3 and no output file', () => {
    const dir = tempDir('crmkit-e2e-');
    writeFileSync(
      path.join(dir, 'CrmTranslations.xml'),
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><Workbook/>',
    );
    const res = crmkit(dir, 'labels', 'export', 'CrmTranslations.xml', '-o', 'x.xlsx');
    expect(res.code).toBe(3);
    expect(res.err).toBe(
      'crmkit: CrmTranslations.xml: line 1: DOCTYPE declarations are refused (no entity expansion)\n',
    );
    expect(files(dir)).toEqual(['CrmTranslations.xml']);
  });

  it('reads in a worker thread and gives the same workbook rows as reading in-process', async () => {
    const dir = tempDir('crmkit-e2e-');
    expect(existsSync(path.join(root, 'dist/labels-read-worker.js'))).toBe(true);
    expect(crmkit(dir, 'labels', 'export', sample, '-o', 'worker.xlsx').code).toBe(0);
    const file = (name: string) => ({ path: path.join(dir, name), name });
    await exportLabels({ input: { path: sample, name: 'sample.zip' }, output: file('inline.xlsx') });
    const rows = async (name: string) => {
      const out: unknown[] = [];
      await readWorkbook(createReadStream(path.join(dir, name)), name, (r) => out.push(r));
      return out;
    };
    const viaWorker = await rows('worker.xlsx');
    expect(viaWorker).toHaveLength(604);
    expect(viaWorker).toEqual(await rows('inline.xlsx'));
  });

  it('reads its suggestions in worker threads and fills the same cells as reading them in-process', async () => {
    const dir = tempDir('crmkit-e2e-');
    expect(existsSync(path.join(root, 'dist/suggestion-layer-worker.js'))).toBe(true);
    const past = path.join(dir, 'past.zip');
    await writeSampleFile(past, { labels: 600, seed: 7, coverage: [0.95, 0.9, 0.9] });
    const res = crmkit(dir, 'labels', 'export', sample, '--memory', 'past.zip', '-o', 'worker.xlsx');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/Filled [\d,]+ empty cell\(s\) from memory \(1 file\(s\)\) and from this file/);
    const file = (name: string) => ({ path: path.join(dir, name), name });
    await exportLabels({
      input: { path: sample, name: 'sample.zip' },
      memory: [file('past.zip')],
      output: file('inline.xlsx'),
    });
    const viaWorker = await zipEntries(path.join(dir, 'worker.xlsx'));
    const inline = await zipEntries(path.join(dir, 'inline.xlsx'));
    for (const part of ['xl/worksheets/sheet2.xml', 'xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml'])
      expect(viaWorker.get(part)?.equals(inline.get(part)!), part).toBe(true);
  });

  it('exits 2 with usage help when -o is missing', () => {
    const res = crmkit(root, 'labels', 'export', sample);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/required option '-o, --output <workbook.xlsx>' not specified/);
  });
});
