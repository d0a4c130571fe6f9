/**
 * Benchmark of the translator workflow (not a test: prints figures). Generates 200,000 labels × 4
 * languages (or the sizes given) and runs the real CLI (dist/crmkit.js) per step in a child
 * process: check, stats, memory build, export --split, export --memory. Wall time of the child
 * (Node start-up included), its CPU time (user + system: meaningful on a busy machine) and peak RSS.
 *
 *   npx tsx bench/labels-qa.ts [labels…]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeSampleFile } from '../src/labels/sample-file';

const root = path.resolve(import.meta.dirname, '..');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

function runCli(args: string[]): {
  seconds: number;
  cpu: number;
  mb: number;
  out: string;
  status: number | null;
} {
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', './bench/labels-qa-usage.mjs', 'bin/crmkit.js', ...args, '--quiet'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1024 ** 3,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const usage = /BENCH_USAGE=(\d+),(\d+),(\d+)/.exec(r.stderr);
  const kb = Number(usage?.[1] ?? NaN);
  const cpu = (Number(usage?.[2] ?? NaN) + Number(usage?.[3] ?? NaN)) / 1e6;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`crmkit ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { seconds, cpu, mb: kb / 1024, out: r.stdout, status: r.status };
}

const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-bench-qa-'));
spawnSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, stdio: 'inherit' });
const rows: string[] = [];
try {
  for (const labels of sizes.length > 0 ? sizes : [200000]) {
    const zip = path.join(dir, `CrmTranslations_Bench_${labels}.zip`);
    const past = path.join(dir, `CrmTranslations_Past_${labels}.zip`);
    await writeSampleFile(zip, { labels });
    await writeSampleFile(past, { labels, seed: 7, coverage: [0.95, 0.9, 0.9] });
    const row = (step: string, r: ReturnType<typeof runCli>, detail: string): void => {
      rows.push(
        `| ${labels.toLocaleString('en-US')} | ${step} | ${r.seconds.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${r.mb.toFixed(0)} MB | ${detail} |`,
      );
    };
    const check = runCli(['labels', 'check', zip, '--json']);
    const problems = (JSON.parse(check.out) as { problems: unknown[] }).problems.length;
    row('check --json', check, `${problems.toLocaleString('en-US')} problems, exit ${check.status}`);
    const stats = runCli(['labels', 'stats', zip, '--json']);
    row('stats --json', stats, '');
    const tmx = path.join(dir, 'memory.tmx');
    const build = runCli(['labels', 'memory', 'build', past, '-o', tmx]);
    row(
      'memory build',
      build,
      `${(statSync(tmx).size / 1e6).toFixed(1)} MB TMX; ${build.out.trim().replace(/^.*: /, '')}`,
    );
    const split = runCli(['labels', 'export', zip, '--split', '-o', path.join(dir, 'split')]);
    row('export --split (3 workbooks)', split, '');
    const mem = runCli(['labels', 'export', zip, '--memory', tmx, '-o', path.join(dir, 'mem.xlsx')]);
    row('export --memory memory.tmx', mem, mem.out.trim().split('\n').at(-1)?.replace(/;.*/, '') ?? '');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  '\n| labels | step | wall time | CPU time | peak RSS | notes |\n| ---: | --- | ---: | ---: | ---: | --- |',
);
for (const r of rows) console.log(r);
