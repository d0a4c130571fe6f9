/**
 * The workbook on paper: LibreOffice Calc prints a 200-row, 4-language workbook
 * (`soffice --headless --convert-to pdf`) landscape, one page wide, with the header row on every
 * page; poppler's pdfinfo and pdftotext read the PDF. Skips, saying why, where a tool is missing.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { convertWithLibreOffice, libreOfficeSkipReason } from '../../support/libreoffice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, label, options, writeWorkbook } from './helpers';

const run = promisify(execFile);
const POPPLER = ['/usr/bin/pdfinfo', '/usr/bin/pdftotext'].every((p) => existsSync(p));
const skipReason =
  libreOfficeSkipReason('printing') ??
  (!POPPLER
    ? 'skipped: no pdfinfo/pdftotext (install Debian poppler-utils; .ci/run does) — printing not checked'
    : undefined);
if (skipReason !== undefined) console.warn(skipReason);

const targets = [1049, 1026, 1058, 1037];
const rows = Array.from({ length: 200 }, (_, i) =>
  label(
    'Localized Labels',
    'pl_salesorder',
    `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    'DisplayName',
    {
      [BASE]: `Sales order line ${i}`,
      1049: `Строка заказа ${i}`,
      1026: `Ред на поръчка ${i}`,
      1058: `Рядок замовлення ${i}`,
      1037: `שורת הזמנה ${i}`,
    },
  ),
);

describe.skipIf(skipReason !== undefined)('the workbook printed by LibreOffice Calc', () => {
  let dir: string;
  let pages: { width: number; height: number; text: string }[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'crmkit-print-'));
    const input = path.join(dir, 'labels.xlsx');
    writeFileSync(input, await writeWorkbook(rows, options(targets)));
    await convertWithLibreOffice(dir, 'pdf', dir, [input]);
    const pdf = path.join(dir, 'labels.pdf');
    const info = (await run('pdfinfo', ['-f', '1', '-l', '1000', pdf])).stdout;
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)];
    pages = [];
    for (const [n, size] of sizes.entries()) {
      const page = String(n + 1);
      const text = (await run('pdftotext', ['-f', page, '-l', page, '-layout', pdf, '-'])).stdout;
      pages.push({ width: Number(size[1]), height: Number(size[2]), text });
    }
  }, 90_000);

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('prints several pages, every one landscape', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page.width).toBeGreaterThan(page.height);
  });

  it('prints one page wide: every page holds the first and the last language column, and the GUIDs whole', () => {
    for (const [i, page] of pages.entries()) {
      expect(page.text, `page ${i + 1}`).toContain('Object ID');
      // The Hebrew column is the last one (PDF text of a right-to-left run may come out reordered).
      expect(page.text, `page ${i + 1}`).toContain('1037');
      expect(page.text, `page ${i + 1}`).toContain('שורת הזמנה');
      expect(page.text, `page ${i + 1}`).toMatch(/00000000-0000-0000-0000-\d{12}/);
    }
    expect(pages.at(-1)!.text).toContain('Sales order line 199');
  });

  it('repeats the header row on every page', () => {
    for (const [i, page] of pages.entries()) {
      const firstLine = page.text.split('\n').find((line) => line.trim() !== '') ?? '';
      expect(firstLine, `page ${i + 1}`).toContain('Entity name');
    }
  });
});
