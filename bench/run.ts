/**
 * Benchmark of the label round trip (not a test: prints figures and budget pass/fail).
 * Generates 200,000 and 1,000,000 labels × 4 languages, then runs the real CLI (dist/crmkit.js)
 * in a child process per step: export, and import of a workbook with edits. Time is wall clock of
 * the child (Node start-up included); CPU time is the child's user + system time (all threads: on
 * a busy machine it says what the step costs when wall time is inflated by other work); memory is
 * the child's peak RSS.
 *
 *   npm run bench                 (both sizes)
 *   npm run bench -- 200000       (one size)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { writeSampleFile } from '../src/labels/sample-file';

const root = path.resolve(import.meta.dirname, '..');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const budgets: Record<number, { seconds: number; mb: number }> = {
  200000: { seconds: 4, mb: 300 },
  1000000: { seconds: Infinity, mb: 400 },
};

interface Step {
  labels: number;
  step: string;
  seconds: number;
  cpu: number;
  mb: number;
  detail: string;
}

function runCli(args: string[]): { seconds: number; cpu: number; mb: number; out: string } {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', './bench/rss-report.mjs', 'bin/crmkit.js', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  const kb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const cpu = Number(/BENCH_CPU_US=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e6;
  if (r.status !== 0) throw new Error(`crmkit ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { seconds, cpu, mb: kb / 1024, out: r.stdout.trim() };
}

/** Edits the workbook as a translator would: changes every Russian "Скидка" (Discount) cell. */
async function editWorkbook(file: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  let edits = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const edited = xml.replace(/>Скидка</g, () => {
      edits++;
      return '>Скидка (правка)<';
    });
    zip.file(name, edited);
  }
  writeFileSync(
    file,
    await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }),
  );
  return edits;
}

const rows: Step[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-bench-'));
spawnSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, stdio: 'inherit' });
try {
  for (const labels of sizes.length > 0 ? sizes : [200000, 1000000]) {
    const zip = path.join(dir, `CrmTranslations_Bench_${labels}.zip`);
    const xml = path.join(dir, `CrmTranslations_${labels}.xml`);
    const t0 = performance.now();
    await writeSampleFile(zip, { labels });
    await writeSampleFile(xml, { labels });
    const xmlMb = statSync(xml).size / 1e6;
    console.log(
      `generated ${labels.toLocaleString('en-US')} labels: XML ${xmlMb.toFixed(1)} MB, zip ${(statSync(zip).size / 1e6).toFixed(1)} MB (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    rmSync(xml);
    const book = path.join(dir, `labels-${labels}.xlsx`);
    const exp = runCli(['labels', 'export', zip, '-o', book]);
    rows.push({
      labels,
      step: 'export',
      seconds: exp.seconds,
      cpu: exp.cpu,
      mb: exp.mb,
      detail: `xlsx ${(statSync(book).size / 1e6).toFixed(1)} MB`,
    });
    const edits = await editWorkbook(book);
    const imp = runCli(['labels', 'import', book, '--into', zip, '-o', path.join(dir, `out-${labels}.zip`)]);
    rows.push({
      labels,
      step: 'import',
      seconds: imp.seconds,
      cpu: imp.cpu,
      mb: imp.mb,
      detail: `${edits} edited cells; ${imp.out.replace(/^.*: /, '')}`,
    });
    rmSync(book);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  '\n| labels | step | wall time | CPU time | peak RSS | budget | result | notes |\n| ---: | --- | ---: | ---: | ---: | --- | --- | --- |',
);
for (const r of rows) {
  const b = budgets[r.labels];
  const limit = b === undefined ? '-' : `${b.seconds === Infinity ? '' : `≤ ${b.seconds} s, `}≤ ${b.mb} MB`;
  const ok = b === undefined || (r.seconds <= b.seconds && r.mb <= b.mb);
  console.log(
    `| ${r.labels.toLocaleString('en-US')} | ${r.step} | ${r.seconds.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${r.mb.toFixed(0)} MB | ${limit} | ${b === undefined ? '-' : ok ? 'pass' : 'FAIL'} | ${r.detail} |`,
  );
}
