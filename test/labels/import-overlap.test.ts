import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLabels } from '../../src/labels';
import { sampleXml } from '../../src/labels/crm-xml/sample';
import { importLabels, type ImportOptions } from '../../src/labels/import';
import { PassPacer, type PacingOptions } from '../../src/labels/import-pacing';
import type { SheetWorkerFile } from '../../src/labels/workbook/read-sheet-thread';
import { editWithSheetJs, removeTempDirs, tempDir, tsWorkerOf, XLSX } from './support';

const tsWorker: SheetWorkerFile = tsWorkerOf('workbook/read-sheet-worker.ts');

let dir = '';
const file = (name: string) => ({ path: path.join(dir, name), name });

/** Russian edits in every seventh row of both label sheets, keeping the base text's placeholders. */
function edit(wb: XLSX.WorkBook): void {
  for (const name of ['Localized Labels', 'Display Strings']) {
    const ws = wb.Sheets[name]!;
    const range = XLSX.utils.decode_range(ws['!ref']!);
    const text = (r: number, c: number): string =>
      String((ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined)?.v ?? '');
    const column = (lcid: number): number =>
      Array.from({ length: range.e.c + 1 }, (_, c) => c).find((c) => text(0, c).endsWith(`(${lcid})`)) ?? -1;
    const [base, ru] = [column(1033), column(1049)];
    expect(Math.min(base, ru)).toBeGreaterThan(0);
    for (let r = 1; r <= range.e.r; r += 7) {
      const placeholders = text(r, base).match(/\{\d+\}/g) ?? [];
      ws[XLSX.utils.encode_cell({ r, c: ru })] = { t: 's', v: `правка ${r} & <b> ${placeholders.join(' ')}` };
    }
  }
}

/** The data rows of the Localized Labels sheet in reverse order, as a sort in Excel leaves them. */
function reverse(wb: XLSX.WorkBook): void {
  const ws = wb.Sheets['Localized Labels']!;
  const range = XLSX.utils.decode_range(ws['!ref']!);
  const sorted: XLSX.WorkSheet = { '!ref': ws['!ref'] };
  for (let r = 0; r <= range.e.r; r++) {
    for (let c = 0; c <= range.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (cell !== undefined)
        sorted[XLSX.utils.encode_cell({ r: r === 0 ? 0 : range.e.r + 1 - r, c })] = cell;
    }
  }
  wb.Sheets['Localized Labels'] = sorted;
}

beforeAll(async () => {
  dir = tempDir('crmkit-import-overlap-');
  writeFileSync(path.join(dir, 'in.xml'), [...sampleXml({ labels: 2500, seed: 11 })].join(''));
  await exportLabels({ input: file('in.xml'), output: file('ours.xlsx') });
  editWithSheetJs(path.join(dir, 'ours.xlsx'), edit, path.join(dir, 'edited.xlsx'));
  editWithSheetJs(path.join(dir, 'edited.xlsx'), reverse, path.join(dir, 'sorted.xlsx'));
}, 60_000);

afterAll(removeTempDirs);

let runs = 0;
async function run(
  workbook: string,
  overlap: boolean | Partial<PacingOptions>,
  options: Partial<ImportOptions> = {},
): Promise<{ bytes: Buffer; summary: Awaited<ReturnType<typeof importLabels>> }> {
  const output = file(`out-${++runs}.xml`);
  const summary = await importLabels({
    workbooks: [file(workbook)],
    into: file('in.xml'),
    output,
    sheetWorker: { worker: true, workerFile: tsWorker },
    overlap,
    ...options,
  });
  return { bytes: readFileSync(output.path), summary };
}

describe('following the workbook with the pass over the translations file', () => {
  const key = (objectId: string) => ({
    sheet: 'Localized Labels' as const,
    entity: 'account',
    objectId,
    column: 'name',
  });

  it('finds the pass late only when an edit came after the pass met its label', () => {
    const inTime = new PassPacer();
    inTime.passed(key('a'));
    inTime.edited(key('b'));
    inTime.passed(key('b'));
    expect(inTime.workbookRead()).toBe(false);

    const late = new PassPacer();
    late.passed(key('a'));
    late.passed(key('b'));
    late.edited(key('a'));
    expect(late.workbookRead()).toBe(true);
  });

  it('hands the file over in pieces only as far ahead of the workbook as it may go', async () => {
    const pacer = new PassPacer({ lead: 2, pieceBytes: 3 });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const piece of pacer.pieces([Buffer.from('abcdefgh')])) {
        seen.push(Buffer.from(piece).toString());
        pacer.passed(key(String(seen.length)));
      }
    })();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    pacer.rowRead();
    pacer.rowRead();
    pacer.rowRead();
    await new Promise((r) => setTimeout(r, 20));
    // Two labels met (lead 2 behind three rows): the third piece waits.
    expect(seen).toEqual(['abc', 'def']);
    expect(pacer.workbookRead()).toBe(false);
    await reading;
    expect(seen).toEqual(['abc', 'def', 'gh']);
  });
});

describe('patching the translations file while the workbook is read', () => {
  it.each(['edited.xlsx', 'sorted.xlsx'])(
    'writes the same bytes and reports the same from %s, however closely the patch follows the workbook',
    async (workbook) => {
      const alone = await run(workbook, false);
      expect(alone.summary.changed.get(1049)).toBeGreaterThan(300);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 400 }),
          fc.integer({ min: 1, max: 40_000 }),
          async (lead, pieceBytes) => {
            const { bytes, summary } = await run(workbook, { lead, pieceBytes });
            expect(bytes.equals(alone.bytes)).toBe(true);
            expect(summary).toEqual(alone.summary);
          },
        ),
        { numRuns: 6 },
      );
    },
    120_000,
  );

  it('reports a broken workbook rather than a broken translations file, as when read one after the other', async () => {
    writeFileSync(
      path.join(dir, 'broken.xml'),
      '<?xml version="1.0"?><Workbook><Worksheet ss:Name="x"><Row>',
    );
    editWithSheetJs(
      path.join(dir, 'edited.xlsx'),
      (wb) => {
        delete wb.Sheets['Localized Labels']!.A1;
      },
      path.join(dir, 'no-header.xlsx'),
    );
    const failure = (overlap: boolean, workbook: string, into: string) =>
      run(workbook, overlap ? { lead: 0, pieceBytes: 64 } : false, { into: file(into) }).then(
        () => 'imported',
        (e: unknown) => (e instanceof Error ? `${(e as { code?: string }).code} ${e.message}` : String(e)),
      );
    for (const [workbook, into] of [
      ['no-header.xlsx', 'broken.xml'],
      ['edited.xlsx', 'broken.xml'],
      ['no-header.xlsx', 'in.xml'],
    ] as const) {
      const alone = await failure(false, workbook, into);
      expect(alone).not.toBe('imported');
      expect(await failure(true, workbook, into)).toBe(alone);
    }
  }, 60_000);
});
