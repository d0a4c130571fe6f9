/**
 * Benchmark of the labels commands beside a naive baseline (bench/naive.ts: the whole document
 * parsed by fast-xml-parser, exceljs and JSZip in memory), measured in the same run, plus start-up,
 * the dashboard pages' sizes and the funnel's 50,000-record page. Not a test: prints figures and
 * the issue's budgets, pass or fail.
 *
 * Each step runs in a child process of its own (see bench/measure.ts): wall time (Node start-up
 * included), CPU time (user + system of all threads: the steadier figure on a shared machine) and
 * peak RSS. Each figure is the median of BENCH_RUNS runs (default 3), crmkit and naive interleaved.
 *
 *   npm run bench                       200,000 and 1,000,000 labels
 *   npm run bench -- 200000             one size
 *   npm run bench -- --skip-1m          (or BENCH_SKIP_1M=1) without 1,000,000
 *   npm run bench -- --naive-1m         (or BENCH_NAIVE_1M=1) the naive baseline at 1,000,000 too:
 *                                       off by default, it needs several GB and minutes per step
 *   npm run bench -- --no-browser       (or BENCH_SKIP_BROWSER=1) without the funnel page in Chromium
 *   BENCH_RUNS=5 BENCH_NAIVE_RUNS=1     runs per figure (the naive's default: BENCH_RUNS)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { writeSampleFile } from '../src/labels/sample-file';
import { editWorkbook } from './edit-workbook';
import { medianOf, root, runNode, type Outcome } from './measure';
import { funnelPageMs, pageSizes } from './pages';
import { writtenBytes } from './written-xml';

const argv = process.argv.slice(2);
const flag = (name: string, env: string): boolean => argv.includes(name) || process.env[env] === '1';
const given = argv.map(Number).filter((n) => n > 0);
const sizes = (given.length > 0 ? given : [200000, 1000000]).filter(
  (n) => n < 1000000 || !flag('--skip-1m', 'BENCH_SKIP_1M'),
);
const naiveUpTo = flag('--naive-1m', 'BENCH_NAIVE_1M') ? Infinity : 999999;
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const naiveRuns = Math.max(1, Number(process.env.BENCH_NAIVE_RUNS ?? runs));
const notes: string[] = [];
if (sizes.length === 0 || (given.length === 0 && !sizes.includes(1000000)))
  notes.push('1,000,000 labels skipped (--skip-1m / BENCH_SKIP_1M=1)');
if (sizes.some((n) => n > naiveUpTo))
  notes.push(
    'naive baseline at 1,000,000 labels skipped (it needs several GB; --naive-1m / BENCH_NAIVE_1M=1 runs it)',
  );

interface Files {
  zip: string;
  past: string;
  book: string;
  dir: string;
  run: number;
}

interface StepDef {
  step: string;
  crmkit: (f: Files) => string[];
  /** Where the step writes its workbook(s), for the bytes it wrote (a plain export's compared). */
  output?: (f: Files) => string;
  /** The naive baseline's arguments (bench/naive.ts), when it has one. */
  naive?: (f: Files) => string[];
  /** Exit statuses that are not failures (check exits 1 when it finds errors). */
  ok?: number[];
}

const out = (f: Files, name: string): string => path.join(f.dir, `${name}-${f.run}`);
const STEPS: readonly StepDef[] = [
  {
    step: 'export',
    crmkit: (f) => ['labels', 'export', f.zip, '-o', `${out(f, 'export')}.xlsx`],
    output: (f) => `${out(f, 'export')}.xlsx`,
    naive: (f) => ['export', f.zip, `${out(f, 'naive-export')}.xlsx`],
  },
  {
    step: 'export --memory',
    crmkit: (f) => ['labels', 'export', f.zip, '--memory', f.past, '-o', `${out(f, 'memory')}.xlsx`],
    output: (f) => `${out(f, 'memory')}.xlsx`,
    naive: (f) => ['export', f.zip, `${out(f, 'naive-memory')}.xlsx`, f.past],
  },
  {
    step: 'export --split',
    crmkit: (f) => ['labels', 'export', f.zip, '--split', '-o', out(f, 'split')],
    output: (f) => out(f, 'split'),
  },
  {
    step: 'export --missing-only',
    crmkit: (f) => ['labels', 'export', f.zip, '--missing-only', '-o', `${out(f, 'missing')}.xlsx`],
    output: (f) => `${out(f, 'missing')}.xlsx`,
  },
  {
    step: 'import',
    crmkit: (f) => ['labels', 'import', f.book, '--into', f.zip, '-o', `${out(f, 'import')}.zip`],
    naive: (f) => ['import', f.book, f.zip, `${out(f, 'naive-import')}.zip`],
  },
  {
    step: 'check --json',
    crmkit: (f) => ['labels', 'check', f.zip, '--json'],
    naive: (f) => ['check', f.zip],
    ok: [0, 1],
  },
  {
    step: 'stats --json',
    crmkit: (f) => ['labels', 'stats', f.zip, '--json'],
    naive: (f) => ['stats', f.zip],
  },
  {
    step: 'memory build',
    crmkit: (f) => ['labels', 'memory', 'build', f.past, '-o', `${out(f, 'memory')}.tmx`],
  },
];

interface Row {
  labels: number;
  step: string;
  /** Uncompressed bytes of the workbooks written (first run), for steps that write workbooks. */
  written?: number;
  crmkit: Outcome;
  naive: Outcome | string;
}

const rows: Row[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-bench-'));
const naiveScript = path.join(root, 'dist', 'bench', 'naive.mjs');
const buildCli = spawnSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, stdio: 'inherit' });
if (buildCli.status !== 0) throw new Error('the CLI build failed');
await build({
  entryPoints: [path.join(root, 'bench', 'naive.ts')],
  outfile: naiveScript,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const crmkit = (args: string[], ok?: number[]): Outcome =>
  runNode('bin/crmkit.js', [...args, '--quiet'], [], ok);
// The naive baseline may use all the memory it wants: its peak is what is measured.
const naive = (args: string[]): Outcome => runNode(naiveScript, args, ['--max-old-space-size=16384']);

try {
  for (const labels of sizes) {
    const zip = path.join(dir, `CrmTranslations_Bench_${labels}.zip`);
    const past = path.join(dir, `CrmTranslations_Past_${labels}.zip`);
    const t0 = performance.now();
    await writeSampleFile(zip, { labels });
    await writeSampleFile(past, { labels, seed: 7, coverage: [0.95, 0.9, 0.9] });
    const book = path.join(dir, `edited-${labels}.xlsx`);
    crmkit(['labels', 'export', zip, '-o', book]);
    const edits = await editWorkbook(book);
    console.log(
      `${labels.toLocaleString('en-US')} labels: zip ${(statSync(zip).size / 1e6).toFixed(1)} MB, workbook ` +
        `${(statSync(book).size / 1e6).toFixed(1)} MB with ${edits} edited cells (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const measured = new Map<string, { crmkit: Outcome[]; naive: Outcome[] }>();
    const written = new Map<string, number>();
    for (let run = 0; run < Math.max(runs, naiveRuns); run++) {
      const runDir = path.join(dir, `run-${labels}-${run}`);
      mkdirSync(runDir);
      const files: Files = { zip, past, book, dir: runDir, run };
      for (const s of STEPS) {
        const m = measured.get(s.step) ?? { crmkit: [], naive: [] };
        measured.set(s.step, m);
        if (run < runs) m.crmkit.push(crmkit(s.crmkit(files), s.ok));
        if (
          s.naive !== undefined &&
          labels <= naiveUpTo &&
          run < naiveRuns &&
          m.naive.every((r) => !r.failed)
        )
          m.naive.push(naive(s.naive(files)));
        if (run === 0 && s.output !== undefined) written.set(s.step, await writtenBytes(s.output(files)));
      }
      rmSync(runDir, { recursive: true, force: true });
      console.log(`  run ${run + 1} done`);
    }
    for (const s of STEPS) {
      const m = measured.get(s.step)!;
      const row: Row = {
        labels,
        step: s.step,
        ...(written.has(s.step) ? { written: written.get(s.step) } : {}),
        crmkit: medianOf(m.crmkit),
        naive: s.naive === undefined ? '-' : m.naive.length === 0 ? 'skipped' : medianOf(m.naive),
      };
      rows.push(row);
      console.log(
        `  ${s.step}: ${fig(row.crmkit)}; naive ${typeof row.naive === 'string' ? row.naive : fig(row.naive)}`,
      );
    }
    rmSync(zip);
    rmSync(past);
    rmSync(book);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function fig(o: Outcome): string {
  if (o.failed !== undefined) return `failed (${o.failed})`;
  return `${o.seconds.toFixed(2)} s wall, ${o.cpu.toFixed(2)} s CPU, ${o.mb.toFixed(0)} MB`;
}

/** Budgets of issue 14 that apply to a row: [what, holds]. */
function budgets(r: Row): [string, boolean][] {
  const found: [string, boolean][] = [];
  const c = r.crmkit;
  const n = typeof r.naive === 'string' ? undefined : r.naive;
  const speedup = n === undefined || n.failed !== undefined ? undefined : n.seconds / c.seconds;
  const peak = r.labels <= 200000 ? 250 : 300;
  found.push([`≤ ${peak} MB`, c.mb <= peak]);
  if (r.labels === 200000 && r.step === 'export') {
    found.push(['≤ 2.0 s', c.seconds <= 2.0]);
    if (speedup !== undefined) found.push(['≥ 8× naive', speedup >= 8]);
  }
  if (r.labels === 200000 && r.step === 'import') {
    found.push(['≤ 2.5 s', c.seconds <= 2.5]);
    if (speedup !== undefined) found.push(['≥ 12× naive', speedup >= 12]);
  }
  const small = rows.find((x) => x.labels === 200000 && x.step === r.step);
  if (r.labels === 1000000 && small !== undefined) {
    const times = c.seconds / small.crmkit.seconds;
    found.push([`≤ 5.5× the 200,000 time (${times.toFixed(1)}×)`, times <= 5.5]);
  }
  const plain = rows.find((x) => x.labels === r.labels && x.step === 'export');
  // Issue 14: --memory, --split and --missing-only within 1.5× of a plain export.
  if (r.step.startsWith('export --') && plain !== undefined) {
    const times = c.seconds / plain.crmkit.seconds;
    const more =
      r.written === undefined || plain.written === undefined
        ? ''
        : `; writes ${(r.written / plain.written).toFixed(2)}× its bytes`;
    found.push([`≤ 1.5× export (${times.toFixed(2)}×${more})`, times <= 1.5]);
  }
  return found;
}

const verdict = (b: [string, boolean][]): string =>
  b.length === 0
    ? '-'
    : b.every(([, ok]) => ok)
      ? 'pass'
      : `FAIL: ${b
          .filter(([, ok]) => !ok)
          .map(([w]) => w)
          .join(', ')}`;

console.log(`\nLabels commands: median of ${runs} run(s) (naive: ${naiveRuns}); speed-up = naive ÷ crmkit.`);
console.log(
  '\n| labels | step | crmkit wall | crmkit CPU | crmkit peak | naive wall | naive CPU | naive peak | speed-up wall (CPU) | memory naive ÷ crmkit | budgets | result |' +
    '\n| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
);
for (const r of rows) {
  const c = r.crmkit;
  const n = r.naive;
  const naiveCells =
    typeof n === 'string'
      ? [n, n, n, '-', '-']
      : n.failed !== undefined
        ? [`failed: ${n.failed}`, '', '', '', '']
        : [
            `${n.seconds.toFixed(2)} s`,
            `${n.cpu.toFixed(2)} s`,
            `${n.mb.toFixed(0)} MB`,
            `${(n.seconds / c.seconds).toFixed(1)}× (${(n.cpu / c.cpu).toFixed(1)}×)`,
            `${(n.mb / c.mb).toFixed(1)}×`,
          ];
  const b = budgets(r);
  console.log(
    `| ${r.labels.toLocaleString('en-US')} | ${r.step} | ${c.failed ? `failed: ${c.failed}` : `${c.seconds.toFixed(2)} s`} | ${c.cpu.toFixed(2)} s | ${c.mb.toFixed(0)} MB | ${naiveCells.join(' | ')} | ${b.map(([w]) => w).join('; ')} | ${verdict(b)} |`,
  );
}

// Start-up: the help and the version load no spreadsheet or zip code.
console.log(
  '\n| start-up | wall (median of 7) | CPU | peak RSS | budget | result |\n| --- | ---: | ---: | ---: | --- | --- |',
);
for (const args of [['--help'], ['--version'], ['labels', '--help']]) {
  const o = medianOf(Array.from({ length: 7 }, () => runNode('bin/crmkit.js', args)));
  const budget = args[0] === 'labels' ? '-' : '≤ 150 ms';
  const ok = args[0] === 'labels' ? '-' : o.seconds <= 0.15 ? 'pass' : 'FAIL';
  console.log(
    `| crmkit ${args.join(' ')} | ${(o.seconds * 1000).toFixed(0)} ms | ${(o.cpu * 1000).toFixed(0)} ms | ${o.mb.toFixed(0)} MB | ${budget} | ${ok} |`,
  );
}

console.log(
  '\n| dashboard page | page script + its static chunks | strings files (one per language) | first download (gzip) | budget | result | with the result drawn | on demand |\n| --- | ---: | --- | ---: | --- | --- | ---: | ---: |',
);
for (const p of pageSizes()) {
  const strings =
    p.stringsKb.length === 0
      ? 'bundled in the script'
      : p.stringsKb.map((kb) => `${kb.toFixed(1)} KB`).join(', ');
  console.log(
    `| ${p.page} | ${p.scriptKb.toFixed(1)} KB | ${strings} | ${p.firstKb.toFixed(1)} KB (${p.firstGzipKb.toFixed(1)} KB) | ≤ 40 KB | ${p.firstKb <= 40 ? 'pass' : 'FAIL'} | ${p.drawnKb.toFixed(1)} KB | ${p.onDemandKb.toFixed(1)} KB |`,
  );
}
if (flag('--no-browser', 'BENCH_SKIP_BROWSER'))
  notes.push('the funnel page in Chromium skipped (--no-browser / BENCH_SKIP_BROWSER=1)');
else {
  const ms = funnelPageMs();
  console.log(
    typeof ms === 'number'
      ? `\nFunnel, 50,000 records in one page (Chromium, median of 3 fresh pages): ${ms.toFixed(1)} ms; budget ≤ 60 ms: ${ms <= 60 ? 'pass' : 'FAIL'}`
      : `\nFunnel, 50,000 records in one page: not measured (${ms})`,
  );
}
for (const note of notes) console.log(`Note: ${note}`);
