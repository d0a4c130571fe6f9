/**
 * `crmkit solution deploy` and `solution pack --deploy` against the Dataverse stand-in: the check
 * first, ImportSolutionAsync with a zip the stand-in validates, publishing, a failed job's reason
 * in words, Ctrl-C while the job runs; and `--via pac` with a recording fake `pac` on the PATH.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeProject } from '../solution/fakes';
import { microsoftStyleZip } from '../solution/microsoft-zip';
import { startDataverse, type DataverseStandIn } from '../support/dataverse/server';
import { buildCli, runCli, startCli, workspace, type Workspace } from './support';

let dv: DataverseStandIn;
let ws: Workspace;
let env: Record<string, string>;

beforeAll(async () => {
  buildCli();
  dv = await startDataverse({ jobDurationMs: 400 });
  ws = workspace();
  env = { ...ws.env, CRMKIT_TOKEN: dv.issueToken(), CRMKIT_ENV: dv.url };
  writeFileSync(path.join(ws.dir, 'solution.zip'), await microsoftStyleZip());
}, 60_000);

afterAll(async () => {
  await dv.close();
  ws.remove();
});

describe('crmkit solution deploy', () => {
  it('imports the zip with ImportSolutionAsync, waits for the job, and publishes', async () => {
    const publishedBefore = dv.published;
    const r = await runCli(ws.dir, ['solution', 'deploy', 'solution.zip', '--overwrite-unmanaged'], env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      new RegExp(
        `^Deployed solution\\.zip to ${dv.url.replace(/[.]/g, '\\.')}: import job [0-9a-f-]{36}, \\d+ s; published all customizations`,
      ),
    );
    const deployed = dv.deployed.at(-1)!;
    expect(deployed.bytes.equals(readFileSync(path.join(ws.dir, 'solution.zip')))).toBe(true);
    expect(deployed.body).toMatchObject({ OverwriteUnmanagedCustomizations: true, PublishWorkflows: false });
    expect(dv.published).toBe(publishedBefore + 1);
    expect(dv.store.rows('solutions').map((s) => s.uniquename)).toContain('RichTextSolution');
  });

  it('skips publishing with --no-publish and passes --publish-workflows on', async () => {
    const publishedBefore = dv.published;
    const r = await runCli(
      ws.dir,
      ['solution', 'deploy', 'solution.zip', '--no-publish', '--publish-workflows'],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('(not published: --no-publish)');
    expect(dv.deployed.at(-1)!.body).toMatchObject({
      OverwriteUnmanagedCustomizations: false,
      PublishWorkflows: true,
    });
    expect(dv.published).toBe(publishedBefore);
  });

  it('sends nothing when solution check finds errors', async () => {
    const count = dv.requests.length;
    writeFileSync(
      path.join(ws.dir, 'broken.zip'),
      await microsoftStyleZip((files) => files.delete('solution.xml')),
    );
    const r = await runCli(ws.dir, ['solution', 'deploy', 'broken.zip'], env);
    expect(r.code).toBe(4);
    expect(r.err).toContain('broken.zip: solution check found');
    expect(r.err).toContain('nothing was imported');
    expect(dv.requests.length).toBe(count);
  });

  it('says why a failed import job failed, in words, with exit 6', async () => {
    dv.addSolution({ uniqueName: 'ManagedOnly', managed: false });
    writeFileSync(
      path.join(ws.dir, 'managed.zip'),
      await microsoftStyleZip((files) => {
        const xml = Buffer.from(files.get('solution.xml')!).toString('utf8');
        files.set(
          'solution.xml',
          Buffer.from(
            xml
              .replace(/<UniqueName>[^<]+</, '<UniqueName>ManagedOnly<')
              .replace(/<Managed>0</, '<Managed>1<'),
          ),
        );
      }),
    );
    const r = await runCli(ws.dir, ['solution', 'deploy', 'managed.zip'], env);
    expect(r.code).toBe(6);
    expect(r.err).toMatch(
      /^crmkit: the solution import \(import job [0-9a-f-]{36}\) failed: ManagedOnly: The solution is already installed on this system as an unmanaged solution/,
    );
  });

  it('stops waiting on Ctrl-C, prints the job id and how to check it, and exits 130', async () => {
    dv.jobDurationMs = 20_000;
    try {
      const seen = dv.requests.length;
      const run = startCli(ws.dir, ['solution', 'deploy', 'solution.zip'], env);
      const deadline = Date.now() + 30_000;
      while (
        !dv.requests.slice(seen).some((r) => r.startsWith('GET asyncoperations')) &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.code).toBe(130);
      expect(r.err).toMatch(/the job goes on in http:\/\/127\.0\.0\.1:\d+: import job [0-9a-f-]{36}/);
      expect(r.err).toContain('importjobs(');
    } finally {
      dv.jobDurationMs = 400;
    }
  }, 60_000);

  it('gives up after --timeout with exit 6', async () => {
    dv.jobDurationMs = 20_000;
    try {
      const r = await runCli(ws.dir, ['solution', 'deploy', 'solution.zip', '--timeout', '2s'], env);
      expect(r.code).toBe(6);
      expect(r.err).toContain('gave up after 2 s (--timeout)');
    } finally {
      dv.jobDurationMs = 400;
    }
  }, 60_000);
});

describe('crmkit solution deploy --via pac', () => {
  it('runs pac solution import with the matching flags, and no Web API call', async () => {
    const bin = path.join(ws.dir, 'bin');
    mkdirSync(bin, { recursive: true });
    const log = path.join(ws.dir, 'pac.log');
    writeFileSync(
      path.join(bin, 'pac'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\necho "pac: import done"\n`,
    );
    chmodSync(path.join(bin, 'pac'), 0o755);
    const count = dv.requests.length;
    const r = await runCli(
      ws.dir,
      [
        'solution',
        'deploy',
        'solution.zip',
        '--via',
        'pac',
        '--overwrite-unmanaged',
        '--env',
        'https://contoso.crm4.dynamics.com',
      ],
      {
        ...ws.env,
        PATH: `${bin}:${ws.env.PATH!}`,
      },
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain('pac: import done');
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'solution',
      'import',
      '--path',
      path.join(ws.dir, 'solution.zip'),
      '--environment',
      'https://contoso.crm4.dynamics.com',
      '--force-overwrite',
      '--publish-changes',
      '--async',
    ]);
    expect(dv.requests.length).toBe(count);
  });

  it('says pac is not on the PATH', async () => {
    const r = await runCli(ws.dir, ['solution', 'deploy', 'solution.zip', '--via', 'pac'], {
      ...ws.env,
      PATH: '/nonexistent',
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('pac (Power Platform CLI) is not on the PATH');
  });
});

describe('crmkit solution pack --deploy', () => {
  it('packs one client and deploys the package in one step', async () => {
    const project = fakeProject();
    const count = dv.deployed.length;
    const r = await runCli(
      project,
      ['solution', 'pack', '--client', 'contoso', '--out', 'out', '--no-build', '--deploy'],
      env,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote .*ContosoCollabKit_1_2_0_0_managed\.zip/);
    expect(r.out).toContain('Deployed ');
    expect(dv.deployed.length).toBe(count + 1);
    expect(dv.store.rows('solutions').find((s) => s.uniquename === 'ContosoCollabKit')).toMatchObject({
      ismanaged: true,
      version: '1.2.0.0',
    });
  });
});
