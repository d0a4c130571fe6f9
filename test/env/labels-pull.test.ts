/**
 * `crmkit labels pull` against the Dataverse stand-in: the zip byte for byte as the stand-in
 * serves it, the workbook the same as `labels export` of that zip, every export option, and each
 * fault with its own message, exit 6 and no output.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX } from '../labels/support';
import { startDataverse, type DataverseStandIn } from '../support/dataverse/server';
import { buildCli, runCli, startCli, workspace, type Workspace } from './support';

let dv: DataverseStandIn;
let ws: Workspace;
let env: Record<string, string>;

beforeAll(async () => {
  buildCli();
  dv = await startDataverse({
    solutions: [
      { uniqueName: 'ContosoSales', version: '1.2.0.0', translations: { labels: 60 } },
      { uniqueName: 'VendorPack', managed: true, translations: { labels: 10 } },
    ],
  });
  ws = workspace();
  env = { ...ws.env, CRMKIT_TOKEN: dv.issueToken(), CRMKIT_ENV: dv.url };
}, 60_000);

afterAll(async () => {
  await dv.close();
  ws.remove();
});

/** Every sheet's cells as rows of values. */
function cells(file: string): Record<string, unknown[][]> {
  const wb = XLSX.read(readFileSync(file));
  return Object.fromEntries(
    wb.SheetNames.map((name) => [name, XLSX.utils.sheet_to_json(wb.Sheets[name]!, { header: 1 })]),
  );
}

function folder(name: string): string {
  const dir = path.join(ws.dir, name);
  mkdirSync(dir);
  return dir;
}

describe('crmkit labels pull', () => {
  it('writes the translations zip byte for byte as ExportTranslation gives it', async () => {
    const dir = folder('zip');
    const r = await runCli(dir, ['labels', 'pull', '--solution', 'ContosoSales', '-o', 'contoso.zip'], env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Pulled the translations of ContosoSales 1.2.0.0 from ${dv.url} → contoso.zip`);
    expect(
      readFileSync(path.join(dir, 'contoso.zip')).equals(
        Buffer.from(await dv.translations.exportZip('ContosoSales')),
      ),
    ).toBe(true);
    expect(dv.requests).toContain('POST solutions/Microsoft.Dynamics.CRM.ExportTranslation');
  });

  it('writes the same workbook as labels export of the zip Dynamics names CrmTranslations_<solution>_<version>.zip', async () => {
    const dir = folder('xlsx');
    writeFileSync(
      path.join(dir, 'CrmTranslations_ContosoSales_1_2_0_0.zip'),
      await dv.translations.exportZip('ContosoSales'),
    );
    const exported = await runCli(
      dir,
      ['labels', 'export', 'CrmTranslations_ContosoSales_1_2_0_0.zip', '-o', 'exported.xlsx'],
      env,
    );
    expect(exported.code).toBe(0);
    const pulled = await runCli(
      dir,
      ['labels', 'pull', '--solution', 'ContosoSales', '-o', 'pulled.xlsx'],
      env,
    );
    expect(pulled.err).toBe('');
    expect(pulled.code).toBe(0);
    expect(pulled.out).toBe(exported.out.replace('exported.xlsx', 'pulled.xlsx'));
    expect(cells(path.join(dir, 'pulled.xlsx'))).toEqual(cells(path.join(dir, 'exported.xlsx')));
  });

  it('takes every labels export option: --split --lang --missing-only into a folder', async () => {
    const dir = folder('split');
    const r = await runCli(
      dir,
      [
        'labels',
        'pull',
        '--solution',
        'ContosoSales',
        '--split',
        '--lang',
        '1049,1026',
        '--missing-only',
        '-o',
        'books',
      ],
      env,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dir, 'books')).sort()).toEqual([
      'CrmTranslations_ContosoSales_1_2_0_0.1026.xlsx',
      'CrmTranslations_ContosoSales_1_2_0_0.1049.xlsx',
    ]);
    expect(r.out).toContain('still untranslated');
  });

  it('refuses workbook options with -o x.zip before connecting', async () => {
    const dir = folder('zip-options');
    const r = await runCli(
      dir,
      ['labels', 'pull', '--solution', 'ContosoSales', '--split', '-o', 'out.zip'],
      env,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('are for workbooks');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['NoSuchSolution', `has no solution NoSuchSolution`],
    ['VendorPack', 'VendorPack is a managed solution'],
    ['bad name!', 'not a solution unique name'],
  ])('refuses --solution %s with a clear message and writes nothing', async (solution, message) => {
    const dir = folder(`refused-${solution.replace(/\W/g, '')}`);
    const r = await runCli(dir, ['labels', 'pull', '--solution', solution, '-o', 'out.zip'], env);
    expect(r.code).toBe(solution === 'bad name!' ? 2 : 6);
    expect(r.err).toContain(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the missing privilege Dynamics reports', async () => {
    dv.privileges.delete('prvReadCustomization');
    try {
      const dir = folder('privilege');
      const r = await runCli(dir, ['labels', 'pull', '--solution', 'ContosoSales', '-o', 'out.xlsx'], env);
      expect(r.code).toBe(6);
      expect(r.err).toMatch(
        /^crmkit: missing privilege prvReadCustomization \(POST solutions\/Microsoft\.Dynamics\.CRM\.ExportTranslation: HTTP 403 0x80040220: Principal user/,
      );
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      dv.privileges.add('prvReadCustomization');
    }
  });

  it.each(['out.zip', 'out.xlsx'])('leaves no %s when the connection drops mid-download', async (output) => {
    const dir = folder(`dropped-${output}`);
    dv.dropNext('ExportTranslation');
    const r = await runCli(dir, ['labels', 'pull', '--solution', 'ContosoSales', '-o', output], env);
    expect(r.code).toBe(6);
    expect(r.err).toContain('was dropped while reading the answer');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves nothing behind on Ctrl-C during a slow export (exit 130)', async () => {
    const dir = folder('interrupted');
    dv.delayNext('ExportTranslation', 15_000);
    const seen = dv.requests.length;
    const run = startCli(dir, ['labels', 'pull', '--solution', 'ContosoSales', '-o', 'out.xlsx'], env);
    const deadline = Date.now() + 30_000;
    while (!dv.requests.slice(seen).some((r) => r.includes('ExportTranslation')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.err).toContain('interrupted; nothing was written');
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
