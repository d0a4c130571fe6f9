/**
 * Failures as a user meets them, with the built CLI: a read-only folder (as an ordinary user), a
 * full disk (a size-limited file, and a tiny tmpfs where mounting is allowed), /proc as an output,
 * Ctrl-C and SIGTERM in the middle of an export, and the temporary file of a killed run. Each ends
 * in one line, its exit status, and nothing written or left behind.
 */
import { once } from 'node:events';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleFile } from '../../src/labels/sample-file';
import {
  allFiles,
  buildCli,
  bundledSample,
  crmkit,
  mountTinyTmpfs,
  ordinaryUser,
  removeDir,
  sharedTempDir,
  startCrmkit,
} from './support';

const dir = sharedTempDir('crmkit-user-');
const user = ordinaryUser();
const asUser = 'prefix' in user ? user.prefix : [];

beforeAll(async () => {
  buildCli();
  copyFileSync(bundledSample, path.join(dir, 'Sample.zip'));
  // Large enough to pass the limits below.
  await writeSampleFile(path.join(dir, 'Large.zip'), { labels: 40_000, seed: 7 });
  chmodSync(path.join(dir, 'Large.zip'), 0o644);
  // Large enough that an export is still writing when it is interrupted (about 2 s for 300,000 labels).
  await writeSampleFile(path.join(dir, 'Longer.zip'), { labels: 300_000, seed: 7 });
  mkdirSync(path.join(dir, 'ro'), { mode: 0o555 });
  chmodSync(path.join(dir, 'ro'), 0o555);
  const exported = crmkit(dir, ['labels', 'export', 'Sample.zip', '-o', 'book.xlsx', '--quiet']);
  expect(exported.code, exported.err).toBe(0);
  chmodSync(path.join(dir, 'book.xlsx'), 0o644);
}, 120_000);
afterAll(() => removeDir(dir));

describe.skipIf('skip' in user)('an ordinary user writing into a read-only folder', () => {
  if ('skip' in user) console.log(`skipping the read-only folder tests: ${user.skip}`);

  it.each([
    [['labels', 'export', 'Sample.zip', '-o', 'ro/y.xlsx'], 'ro/y.xlsx'],
    [['labels', 'export', 'Large.zip', '-o', 'ro/y.xlsx'], 'ro/y.xlsx'],
    [['labels', 'export', 'Sample.zip', '--split', '-o', 'ro/'], 'ro/Sample.1049.xlsx'],
    [['labels', 'export', 'Sample.zip', '--split', '-o', 'ro/per-language'], 'ro/per-language'],
    [['labels', 'import', 'book.xlsx', '--into', 'Sample.zip', '-o', 'ro/out.zip'], 'ro/out.zip'],
    [['labels', 'import', 'book.xlsx', '--into', 'Sample.zip', '-o', 'ro/out.xml'], 'ro/out.xml'],
    [['labels', 'memory', 'build', 'Sample.zip', '-o', 'ro/memory.tmx'], 'ro/memory.tmx'],
  ])('crmkit %j says "permission denied" in one line, exits 5 at once and writes nothing', (args, named) => {
    const r = crmkit(dir, args, asUser);
    expect([r.code, r.err]).toEqual([5, `crmkit: ${named}: cannot write (permission denied)\n`]);
    expect(r.out).toBe('');
    expect(r.ms).toBeLessThan(15_000);
    expect(allFiles(path.join(dir, 'ro'))).toEqual([]);
  });
});

describe('a full disk (as an ordinary user where one can be switched to)', () => {
  it.each([
    [['labels', 'export', 'Large.zip', '-o', 'limited.xlsx']],
    [['labels', 'import', 'book.xlsx', '--into', 'Large.zip', '-o', 'limited.zip', '--force']],
    [['labels', 'memory', 'build', 'Large.zip', '-o', 'limited.tmx']],
  ])('past the file size limit (ulimit -f), crmkit %j says so, exits 5 and leaves nothing', (args) => {
    const before = allFiles(dir);
    // ulimit -f counts 1024-byte blocks: 256 KiB, far less than each output.
    const r = crmkit(dir, args, [...asUser, 'sh', '-c', 'ulimit -f 256 && exec "$@"', 'limited']);
    const named = args[args.indexOf('-o') + 1]!;
    expect([r.code, r.err]).toEqual([
      5,
      `crmkit: ${named}: cannot write (file too large for this file system or for the file size limit)\n`,
    ]);
    expect(allFiles(dir)).toEqual(before);
  });

  it('on a tiny tmpfs, says "no space left on device", exits 5 and leaves the disk empty', (ctx) => {
    const full = path.join(dir, 'full');
    mkdirSync(full);
    const mounted = mountTinyTmpfs(full, '256k');
    if ('skip' in mounted) {
      console.log(`skipping the tmpfs case: ${mounted.skip} (the ulimit -f cases above stand for it)`);
      ctx.skip();
      return;
    }
    try {
      const r = crmkit(dir, ['labels', 'export', 'Large.zip', '-o', 'full/labels.xlsx'], asUser);
      expect([r.code, r.err]).toEqual([
        5,
        'crmkit: full/labels.xlsx: cannot write (no space left on device)\n',
      ]);
      expect(readdirSync(full)).toEqual([]);
    } finally {
      mounted.unmount();
    }
  });
});

describe('/proc as an output', () => {
  it('is refused in one line with exit 5, and the command ends', () => {
    const r = crmkit(dir, ['labels', 'export', 'Large.zip', '-o', '/proc/big.xlsx']);
    expect([r.code, r.err]).toEqual([
      5,
      'crmkit: /proc/big.xlsx: cannot write (this folder does not accept new files)\n',
    ]);
    expect(r.ms).toBeLessThan(15_000);
  });
});

/** Starts an export into `folder` and waits until its temporary file exists (it is mid-run). */
async function exportUntilMidRun(folder: string, output: string) {
  mkdirSync(folder, { recursive: true });
  const child = startCrmkit(dir, [
    'labels',
    'export',
    'Longer.zip',
    '-o',
    path.join(path.basename(folder), output),
  ]);
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  for (let i = 0; i < 2000 && !readdirSync(folder).some((f) => f.endsWith('.tmp')); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { child, exited, err: () => err };
}

describe('an interrupted export', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s prints one line, exits %i and leaves no temporary file',
    async (signal, status) => {
      const folder = path.join(dir, `interrupted-${signal}`);
      const run = await exportUntilMidRun(folder, 'labels.xlsx');
      run.child.kill(signal);
      const [code] = await run.exited;
      expect([code, run.err()]).toEqual([status, 'crmkit: interrupted; nothing was written\n']);
      expect(readdirSync(folder)).toEqual([]);
    },
    30_000,
  );

  it('killed outright, leaves a temporary file that the next export of the same workbook removes', async () => {
    const folder = path.join(dir, 'killed');
    const run = await exportUntilMidRun(folder, 'labels.xlsx');
    run.child.kill('SIGKILL');
    await run.exited;
    const [left] = readdirSync(folder);
    expect(left).toMatch(/^\.labels\.xlsx\.\d+-[0-9a-f]{8}\.tmp$/);
    const aMinuteAgo = new Date(Date.now() - 61_000);
    utimesSync(path.join(folder, left!), aMinuteAgo, aMinuteAgo);
    const again = crmkit(dir, ['labels', 'export', 'Sample.zip', '-o', 'killed/labels.xlsx', '--quiet']);
    expect(again.code, again.err).toBe(0);
    expect(readdirSync(folder)).toEqual(['labels.xlsx']);
  }, 30_000);
});
