/**
 * Micro-benchmark of the translator's workbook: writes N labels × 3 target languages with the
 * streaming writer, then reads them back with readWorkbook. Each step runs in its own process so
 * that its peak memory (max RSS) is its own. Prints wall and CPU time (CPU time is the steadier
 * figure on a shared machine) and peak memory; asserts nothing.
 *
 *   node --import tsx bench/workbook.ts [rows]        (default 200000)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { Label, LabelSheet } from '../src/labels/crm-xml/model';
import { readWorkbook } from '../src/labels/workbook/read';
import { createWorkbookWriter } from '../src/labels/workbook/write';

const BASE = 1033;
const TARGETS = [1049, 1026, 1058];
const kinds = ['LocalizedName', 'LocalizedCollectionName', 'DisplayName', 'Description', 'displayname'];

function guid(i: number): string {
  const h = (i * 2654435761) >>> 0;
  return `${h.toString(16).padStart(8, '0')}-f85d-f011-bec2-${i.toString(16).padStart(12, '0')}`;
}

/** A realistic label: an English text, some translations present, some empty. */
export function benchLabel(i: number, sheet: LabelSheet): Label {
  const text = `Sales order ${i} line amount`;
  const texts = new Map<number, string>([[BASE, text]]);
  if (i % 3 !== 0) texts.set(1049, `Заказ на продажу ${i}, сумма строки`);
  if (i % 2 === 0) texts.set(1026, `Поръчка за продажба ${i}`);
  texts.set(1058, i % 5 === 0 ? `Замовлення ${i}` : '');
  return {
    sheet,
    entity: sheet === 'Display Strings' ? 'pl_salesorder' : `pl_entity${i % 300}`,
    objectId: sheet === 'Display Strings' ? `Message.${i}.Text` : guid(i),
    column: sheet === 'Display Strings' ? '' : kinds[i % kinds.length]!,
    texts,
  };
}

async function writeStep(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const writer = createWorkbookWriter(out, {
    sourceName: 'CrmTranslations.xml',
    solutionName: 'Bench',
    baseLcid: BASE,
    targetLanguages: TARGETS,
  });
  const display = Math.floor(rows / 20);
  writer.startSheet('Display Strings');
  for (let i = 0; i < display; i++) writer.addRow({ label: benchLabel(i, 'Display Strings') });
  writer.startSheet('Localized Labels');
  for (let i = display; i < rows; i++) {
    writer.addRow({ label: benchLabel(i, 'Localized Labels') });
    if (i % 4096 === 0) await writer.drain();
  }
  await writer.finish('0'.repeat(64));
  await finished(out);
}

/**
 * Reference point measured on the same machine at the same time: the same rows through
 * exceljs's own streaming Row API, no styles, no shared strings (the "2.4 s" setup).
 */
async function exceljsPlainStep(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out });
  const sheet = book.addWorksheet('Localized Labels');
  for (let i = 0; i < rows; i++) {
    const label = benchLabel(i, 'Localized Labels');
    sheet
      .addRow([
        label.entity,
        label.objectId,
        label.column,
        'Column label',
        label.texts.get(BASE),
        ...TARGETS.map((lcid) => label.texts.get(lcid) ?? ''),
        'token',
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
  await finished(out);
}

async function readStep(file: string): Promise<number> {
  let count = 0;
  await readWorkbook(createReadStream(file), path.basename(file), () => {
    count++;
  });
  return count;
}

async function child(step: string, file: string, rows: number): Promise<void> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let detail = '';
  if (step === 'write') {
    await writeStep(file, rows);
    detail = `${(statSync(file).size / 1e6).toFixed(1)} MB xlsx`;
  } else if (step === 'exceljs') {
    await exceljsPlainStep(`${file}.plain.xlsx`, rows);
    detail = 'reference: exceljs Row API, unstyled, same rows';
  } else {
    detail = `${await readStep(file)} rows read`;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ step, seconds, cpuSeconds, peakMb, detail })}\n`);
}

function main(): void {
  const rows = Number(process.argv[2] ?? 200_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-bench-'));
  const file = path.join(dir, 'bench.xlsx');
  try {
    console.log(`workbook: ${rows} labels × ${TARGETS.length} target languages`);
    for (const step of ['write', 'read', 'exceljs']) {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', import.meta.filename, '--step', step, file, String(rows)],
        {
          encoding: 'utf8',
        },
      );
      if (result.status !== 0) throw new Error(`${step} failed: ${result.stderr}`);
      const figures = JSON.parse(result.stdout.trim().split('\n').pop()!) as {
        step: string;
        seconds: number;
        cpuSeconds: number;
        peakMb: number;
        detail: string;
      };
      console.log(
        `  ${figures.step.padEnd(6)} ${figures.seconds.toFixed(2)} s (CPU ${figures.cpuSeconds.toFixed(2)} s), peak ${figures.peakMb.toFixed(0)} MB (${figures.detail})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--step') {
  await child(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
} else {
  main();
}
