/**
 * The funnel's CSV opened by an independent spreadsheet: LibreOffice reads the file as a user of
 * that language's machine would (the list separator, UTF-8, numbers in that locale) and saves it
 * as a workbook; the workbook holds the same figures, as numbers, and the Cyrillic names intact.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { funnelCsv, listSeparatorFor } from '../../../src/widgets/funnel/export-csv';
import { convertWithLibreOffice, libreOfficeSkipReason } from '../../support/libreoffice';
import { exportFunnel, funnelT, type ExportLcid } from './export-sample';

const skip = libreOfficeSkipReason('the funnel CSV in LibreOffice');
if (skip !== undefined) console.warn(skip);
const work = mkdtempSync(path.join(tmpdir(), 'crmkit-funnel-csv-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The figures LibreOffice reads: each row's cells as numbers or text. */
async function openInLibreOffice(lcid: ExportLcid, decimal: string): Promise<unknown[][]> {
  const dir = path.join(work, String(lcid));
  mkdirSync(dir, { recursive: true });
  const csv = funnelCsv(exportFunnel(), { t: funnelT(lcid), decimalSeparator: decimal, withAmount: true });
  writeFileSync(path.join(dir, 'funnel.csv'), csv);
  // Field separator, text delimiter ("), UTF-8 (76), first line 1, default columns, number locale.
  const separator = listSeparatorFor(decimal).charCodeAt(0);
  await convertWithLibreOffice(
    work,
    'xlsx:Calc MS Excel 2007 XML',
    dir,
    [path.join(dir, 'funnel.csv')],
    90_000,
    `CSV:${separator},34,76,1,,${lcid}`,
  );
  const book = XLSX.read(readFileSync(path.join(dir, 'funnel.xlsx')));
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
}

/** What the funnel model says, row by row, as a spreadsheet should hold it. */
function expected(allLabel: string): unknown[][] {
  const funnel = exportFunnel();
  const pct = (r: number | null): number | null => (r === null ? null : Math.round(r * 1000) / 10);
  return [
    ...[
      { label: allLabel, series: funnel },
      ...funnel.segments.map((s) => ({ label: s.label, series: s })),
    ].flatMap(({ label, series }) =>
      series.stages.map((s) => [
        /^[=+\-@]/.test(label) ? `'${label}` : label,
        s.label,
        s.count,
        Math.round(s.amount * 100) / 100,
        pct(s.ofFirst),
        pct(s.ofPrevious),
        s.dropOff,
        s.gain,
      ]),
    ),
  ];
}

describe.skipIf(skip !== undefined)('the funnel CSV in LibreOffice', () => {
  it.each([
    [1049, ',', 'Все', 'Сегмент'],
    [1033, '.', 'All', 'Segment'],
  ] as const)(
    'in %i (decimal %s) opens in columns with the same figures as numbers and the names intact',
    async (lcid, decimal, all, segmentHeader) => {
      const rows = await openInLibreOffice(lcid, decimal);
      expect(rows[0]?.[0]).toBe(segmentHeader);
      expect(rows[0]).toHaveLength(8);
      expect(rows.slice(1)).toEqual(expected(all));
    },
    120_000,
  );
});
