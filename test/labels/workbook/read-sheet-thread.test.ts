import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLabels } from '../../../src/labels';
import { sampleXml } from '../../../src/labels/crm-xml/sample';
import { importLabels } from '../../../src/labels/import';
import { openWorkbookPackage, utf8Chunks } from '../../../src/labels/workbook/package-entries';
import { readPackageParts, readSharedStrings } from '../../../src/labels/workbook/package-parts';
import { RowPacker, unpackRows } from '../../../src/labels/workbook/read-sheet-protocol';
import type { SheetWorkerFile } from '../../../src/labels/workbook/read-sheet-thread';
import { readSheetRows, sheetRowScanner, type RawRow } from '../../../src/labels/workbook/sheet-rows';
import { removeTempDirs, tempDir, tsWorkerOf, XLSX } from '../support';

const tsWorker: SheetWorkerFile = tsWorkerOf('workbook/read-sheet-worker.ts');

let dir = '';
const file = (name: string) => ({ path: path.join(dir, name), name });

beforeAll(async () => {
  dir = tempDir('crmkit-sheet-thread-');
  writeFileSync(path.join(dir, 'in.xml'), [...sampleXml({ labels: 1500, seed: 5 })].join(''));
  await exportLabels({ input: file('in.xml'), output: file('ours.xlsx') });
  // Re-saved by another program with a shared strings table, and a few Russian edits.
  const wb = XLSX.read(readFileSync(path.join(dir, 'ours.xlsx')), { type: 'buffer', cellStyles: true });
  const ws = wb.Sheets['Localized Labels']!;
  for (let r = 2; r < 200; r += 5) ws[`F${r}`] = { t: 's', v: `правка ${r} & <b>` };
  writeFileSync(
    path.join(dir, 'edited.xlsx'),
    XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer,
  );
}, 60_000);

afterAll(removeTempDirs);

async function sheetRows(
  name: string,
): Promise<{ xml: Buffer; shared: string[]; rows: RawRow[]; threaded: RawRow[] }> {
  const pkg = await openWorkbookPackage(
    { path: path.join(dir, name) },
    name,
    { maxEntryBytes: 2 ** 30 },
    2 ** 30,
  );
  try {
    const parts = await readPackageParts(pkg, name);
    const part = parts.sheets.find((s) => s.name === 'Localized Labels')!.part;
    const shared =
      parts.sharedStringsPart === undefined
        ? []
        : await readSharedStrings(pkg, parts.sharedStringsPart, name);
    const rows: RawRow[] = [];
    await readSheetRows(pkg, part, name, shared, (r) => rows.push(r));
    const threaded: RawRow[] = [];
    await readSheetRows(pkg, part, name, shared, (r) => threaded.push(r), {
      worker: true,
      workerFile: tsWorker,
    });
    let xml = '';
    for await (const chunk of pkg.chunks(part)) xml += chunk;
    return { xml: Buffer.from(xml, 'utf8'), shared, rows, threaded };
  } finally {
    await pkg.close();
  }
}

describe('reading a worksheet with the part scanned in a worker thread', () => {
  it.each(['ours.xlsx', 'edited.xlsx'])(
    'passes on the rows of %s that reading in this thread does, in the same order',
    async (name) => {
      const { rows, threaded, shared } = await sheetRows(name);
      expect(rows.length).toBeGreaterThan(1500);
      expect(threaded).toEqual(rows);
      if (name === 'edited.xlsx') {
        expect(threaded[1]?.texts[6]).toBe('правка 2 & <b>');
        expect(shared.length).toBeGreaterThan(1000);
      }
    },
    60_000,
  );

  it('imports a workbook crmkit wrote, edited in place, byte-identically with its rows hashed in the worker thread', async () => {
    // Texts typed into crmkit's own cells: the rows keep the shape the worker reads and hashes itself.
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'ours.xlsx')));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      const edited = xml.replace(
        /(<c r="F(\d+)" s="\d+" t="inlineStr"><is><t>)[^<]*(<\/t>)/g,
        (all, open: string, row: string, close: string) =>
          Number(row) % 9 === 0 ? `${open}правка ${row}${close}` : all,
      );
      zip.file(name, edited);
    }
    writeFileSync(
      path.join(dir, 'ours-edited.xlsx'),
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    );
    // A translation changed in the file since the export: the rows the workbook left as they were
    // (told by their hashes) must not bring the old text back.
    const source = readFileSync(path.join(dir, 'in.xml'), 'utf8');
    const changed = source.replace(/(<Data ss:Type="String">)[А-Яа-я][^<]*(<\/Data>)/, '$1новое в файле$2');
    expect(changed).not.toBe(source);
    writeFileSync(path.join(dir, 'in-changed.xml'), changed);
    const run = async (output: string, threaded: boolean) =>
      importLabels({
        workbooks: [file('ours-edited.xlsx')],
        into: file('in-changed.xml'),
        output: file(output),
        force: true,
        sheetWorker: threaded ? { worker: true, workerFile: tsWorker } : { worker: false },
      });
    const sequential = await run('ours-sequential.xml', false);
    const concurrent = await run('ours-concurrent.xml', true);
    expect(sequential.changed.get(1049)).toBeGreaterThan(100);
    expect(concurrent.changed).toEqual(sequential.changed);
    expect(concurrent.problems).toEqual(sequential.problems);
    const out = readFileSync(path.join(dir, 'ours-concurrent.xml'));
    expect(out.equals(readFileSync(path.join(dir, 'ours-sequential.xml')))).toBe(true);
    expect(out.toString('utf8')).toContain('новое в файле');
  }, 60_000);

  it('imports byte-identically whether the label sheets are scanned in a worker thread or in this thread', async () => {
    const run = async (output: string, threaded: boolean) =>
      importLabels({
        workbooks: [file('edited.xlsx')],
        into: file('in.xml'),
        output: file(output),
        sheetWorker: threaded ? { worker: true, workerFile: tsWorker } : { worker: false },
      });
    const sequential = await run('sequential.xml', false);
    const concurrent = await run('concurrent.xml', true);
    expect(concurrent.changed).toEqual(sequential.changed);
    expect(sequential.changed.get(1049)).toBe(40);
    const out = readFileSync(path.join(dir, 'concurrent.xml'));
    expect(out.equals(readFileSync(path.join(dir, 'sequential.xml')))).toBe(true);
    expect(out.toString('utf8')).toContain('правка 2 &amp; &lt;b&gt;');
  }, 60_000);

  it.each(['ours.xlsx', 'edited.xlsx'])(
    'gives the rows of %s whatever the chunk boundaries of the part and the batches between the threads',
    async (name) => {
      const { xml, shared, rows } = await sheetRows(name);
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 40 }),
          fc.integer({ min: 1, max: 20_000 }),
          fc.integer({ min: 1, max: 3_000 }),
          async (cuts, chars, numbers) => {
            const packer = new RowPacker(chars, numbers);
            const got: RawRow[] = [];
            const take = () => {
              const { ints, text } = packer.take();
              got.push(...unpackRows(ints, text, shared));
            };
            const scanner = sheetRowScanner(name, undefined, (row) => packer.add(row), { fast: true });
            for await (const chunk of utf8Chunks(split(xml, cuts))) {
              scanner.write(chunk);
              if (packer.full) take();
            }
            scanner.close();
            if (!packer.empty) take();
            expect(got).toEqual(rows);
          },
        ),
        { numRuns: 25 },
      );
    },
    120_000,
  );
});

function split(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
  return at.slice(1).map((end, i) => bytes.subarray(at[i], end));
}

/** Rows as crmkit writes them, and others the shortcut must leave to the general scanner. */
const cellText = fc.oneof(
  fc.string({ maxLength: 8 }).map((t) => t.replace(/[<&]/g, '')),
  fc.constantFrom('a &amp; b', '&lt;x&gt;', '_x000D_', '_x005F_x0001_', ' ', '&#1046;', 'a>b'),
);
const anyRow = fc.oneof(
  fc
    .tuple(
      fc.nat({ max: 30 }),
      fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C', 'AB'), cellText), { maxLength: 4 }),
    )
    .map(
      ([r, cells]) =>
        `<row r="${r}">${cells.map(([col, t]) => (t === ' ' ? `<c r="${col}${r}" s="2"/>` : `<c r="${col}${r}" s="2" t="inlineStr"><is><t>${t}</t></is></c>`)).join('')}</row>`,
    ),
  fc.constantFrom(
    '<row r="7" spans="1:3"><c r="A7" t="inlineStr"><is><t>other</t></is></c></row>',
    '<row><c t="inlineStr"><is><t>no r</t></is></c></row>',
    '<!-- <row r="9"><c r="A9" s="1" t="inlineStr"><is><t>in a comment</t></is></c></row> -->',
    '\n  ',
    '<row r="4"/>',
    '<row r="5"><c r="A5" s="1"><v>12</v></c><c r="B5" s="1" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c></row>',
    '<row r="6"><c r="A6" s="1" t="inlineStr"><is><t>ruby</t><rPh><t>x</t></rPh></is></c></row>',
  ),
);

describe('the shortcut for the rows crmkit writes', () => {
  it('reads every row as the general scanner does, whatever the rows around it and the chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyRow, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (rowsXml, cutsAt) => {
          const xml = Buffer.from(
            `<worksheet><sheetData>${rowsXml.join('')}</sheetData></worksheet>`,
            'utf8',
          );
          const read = async (fast: boolean, cuts: number[]): Promise<RawRow[]> => {
            const rows: RawRow[] = [];
            const scanner = sheetRowScanner('t.xml', undefined, (row) => rows.push(row), { fast });
            for await (const chunk of utf8Chunks(split(xml, cuts))) scanner.write(chunk);
            scanner.close();
            return rows;
          };
          const cuts = cutsAt.map((c) => c % (xml.length + 1));
          expect(await read(true, cuts)).toEqual(await read(false, []));
        },
      ),
      { numRuns: 300 },
    );
  });
});
