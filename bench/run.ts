/**
 * Benchmark of the label round trip (not a test: prints figures and budget pass/fail).
 * Generates 200,000 and 1,000,000 labels × 4 languages, then runs the real CLI (dist/crmkit.js)
 * in a child process per step: export, and import of a workbook with edits (and, at 200,000 and
 * below, the export variants `--split` and `--memory`, held to the memory budget). Time is wall clock of
 * the child (Node start-up included); CPU time is the child's user + system time (all threads: on
 * a busy machine it says what the step costs when wall time is inflated by other work); memory is
 * the child's peak RSS.
 *
 *   npm run bench                 (both sizes)
 *   npm run bench -- 200000       (one size)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeSampleFile } from '../src/labels/sample-file';
import { ZipReader } from '../src/zip/read';
import { ZipWriter } from '../src/zip/write';

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

const pick = (r: { seconds: number; cpu: number; mb: number }) => ({
  seconds: r.seconds,
  cpu: r.cpu,
  mb: r.mb,
});

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

/**
 * Edits the workbook as a translator would: changes every Russian "Скидка" (Discount) cell.
 * Streams each part through (a 1M-row sheet is too big for an in-memory zip library).
 */
async function editWorkbook(file: string): Promise<number> {
  const edited = `${file}.edited`;
  const zip = await ZipReader.open(file, file);
  const fh = await open(edited, 'w');
  let edits = 0;
  try {
    const writer = new ZipWriter(fh);
    for (const entry of zip.entries) {
      const isSheet = /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name);
      await writer.addEntry(
        entry.name,
        async (input) => {
          const decoder = new TextDecoder();
          let carry = '';
          const put = (text: string) =>
            input.write(text) ? Promise.resolve() : new Promise<void>((r) => input.once('drain', () => r()));
          for await (const chunk of zip.stream(entry, 2 ** 40)) {
            if (!isSheet) {
              if (!input.write(chunk)) await new Promise((r) => input.once('drain', r));
              continue;
            }
            const text = carry + decoder.decode(chunk, { stream: true });
            const cut = text.lastIndexOf('<');
            carry = text.slice(cut);
            await put(
              text.slice(0, cut).replace(/>Скидка</g, () => {
                edits++;
                return '>Скидка (правка)<';
              }),
            );
          }
          if (isSheet) await put(carry + decoder.decode());
        },
        1,
      );
    }
    await writer.finish();
  } finally {
    await fh.close();
    await zip.close();
  }
  renameSync(edited, file);
  return edits;
}

const rows: Step[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-bench-'));
spawnSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, stdio: 'inherit' });
try {
  for (const labels of sizes.length > 0 ? sizes : [200000, 1000000]) {
    const zip = path.join(dir, `CrmTranslations_Bench_${labels}.zip`);
    const t0 = performance.now();
    await writeSampleFile(zip, { labels });
    const reader = await ZipReader.open(zip, zip);
    const xmlMb = (reader.find('CrmTranslations.xml')?.size ?? 0) / 1e6;
    await reader.close();
    console.log(
      `generated ${labels.toLocaleString('en-US')} labels: XML ${xmlMb.toFixed(1)} MB, zip ${(statSync(zip).size / 1e6).toFixed(1)} MB (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
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
    if (labels <= 200000) {
      // The export variants that hold more at once: three workbooks from one read, and suggestions
      // with notes (the file itself is the memory). Memory budget as for export.
      const folder = path.join(dir, `split-${labels}`);
      mkdirSync(folder);
      const split = runCli(['labels', 'export', zip, '-o', folder, '--split', '--quiet']);
      rows.push({
        labels,
        step: 'export --split',
        ...pick(split),
        detail: `${readdirSync(folder).length} workbooks`,
      });
      rmSync(folder, { recursive: true });
      const suggested = path.join(dir, `memory-${labels}.xlsx`);
      const memory = runCli(['labels', 'export', zip, '-o', suggested, '--memory', zip, '--quiet']);
      rows.push({
        labels,
        step: 'export --memory',
        ...pick(memory),
        detail: `xlsx ${(statSync(suggested).size / 1e6).toFixed(1)} MB`,
      });
      rmSync(suggested);
    }
    const edits = await editWorkbook(book);
    const imp = runCli(['labels', 'import', book, '--into', zip, '-o', path.join(dir, `out-${labels}.zip`)]);
    rows.push({
      labels,
      step: 'import',
      seconds: imp.seconds,
      cpu: imp.cpu,
      mb: imp.mb,
      detail: `${edits} edited cells; ${imp.out.replace(/^Imported .*?: /, '')}`,
    });
    rmSync(book);
    rmSync(path.join(dir, `out-${labels}.zip`));
    for (const r of rows.filter((x) => x.labels === labels)) {
      console.log(
        `  ${r.step}: ${r.seconds.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${r.mb.toFixed(0)} MB peak`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  '\n| labels | step | wall time | CPU time | peak RSS | budget | result | notes |\n| ---: | --- | ---: | ---: | ---: | --- | --- | --- |',
);
for (const r of rows) {
  const b = budgets[r.labels];
  // The issue's time budget is for plain export and import; the variants are held to its memory budget.
  const seconds = b === undefined || r.step.includes('--') ? Infinity : b.seconds;
  const limit = b === undefined ? '-' : `${seconds === Infinity ? '' : `≤ ${seconds} s, `}≤ ${b.mb} MB`;
  const ok = b === undefined || (r.seconds <= seconds && r.mb <= b.mb);
  console.log(
    `| ${r.labels.toLocaleString('en-US')} | ${r.step} | ${r.seconds.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${r.mb.toFixed(0)} MB | ${limit} | ${b === undefined ? '-' : ok ? 'pass' : 'FAIL'} | ${r.detail} |`,
  );
}
