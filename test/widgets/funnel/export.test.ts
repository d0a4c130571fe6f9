// @vitest-environment jsdom
/**
 * The funnel's files as text: the CSV (golden per separator style, the separator rule, quoting
 * that any label survives) and the SVG (golden, escaping, the segment picture). Regenerate the
 * golden files deliberately with `UPDATE_GOLDEN=1 npx vitest run test/widgets/funnel/export.test.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnelCsv, listSeparatorFor, UTF8_BOM } from '../../../src/widgets/funnel/export-csv';
import { funnelSvg } from '../../../src/widgets/funnel/export-svg';
import { downloadFileName, localeDecimalSeparator } from '../../../src/widgets/funnel/download';
import { computeFunnel } from '../../../src/widgets/funnel/model';
import { csvRows } from '../../../src/labels/glossary/csv';
import { exportFormats, exportFunnel, funnelT } from './export-sample';

const goldenDir = path.resolve(import.meta.dirname, '../../fixtures/funnel/export');
const update = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const file = path.join(goldenDir, name);
  if (update || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** RFC 4180 reading, as a spreadsheet does (the glossary CSV reader: quoted cells, doubled quotes). */
const parseCsv = (text: string, sep: string): string[][] => csvRows(text, sep, 'funnel.csv');

describe('the funnel as CSV', () => {
  it.each([
    [',', ';'],
    ['.', ','],
    ['٫', ','],
  ])('takes the list separator Excel takes: decimal %s gives %s', (decimal, list) => {
    expect(listSeparatorFor(decimal)).toBe(list);
  });

  it.each([
    ['ru-RU', ','],
    ['bg-BG', ','],
    ['uk-UA', ','],
    ['en-US', '.'],
  ])('reads the decimal separator of %s as %s when Dynamics does not give one', (locale, decimal) => {
    expect(localeDecimalSeparator(locale)).toBe(decimal);
  });

  it('writes the table view figures for all records and each segment, in Russian with ; and decimal commas', () => {
    const csv = funnelCsv(exportFunnel(), { t: funnelT(1049), decimalSeparator: ',', withAmount: true });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    golden('funnel-ru.csv', csv);
  });

  it('writes the same figures in English with , and decimal points', () => {
    golden(
      'funnel-en.csv',
      funnelCsv(exportFunnel(), { t: funnelT(1033), decimalSeparator: '.', withAmount: true }),
    );
  });

  it('defuses a segment named like a formula and keeps separators and quotes inside one cell', () => {
    const rows = parseCsv(
      funnelCsv(exportFunnel(), { t: funnelT(1033), decimalSeparator: '.', withAmount: false }).slice(1),
      ',',
    );
    expect(rows[0]).toEqual([
      'Segment',
      'Stage',
      'Records',
      '% of first',
      'Conversion, % of previous',
      'Drop-off',
      'Gain over previous',
    ]);
    expect(rows.map((r) => r[0])).toContain(`'=HYPERLINK("x")`);
    expect(rows.map((r) => r[0])).toContain('Малый; бизнес, ООО');
    expect(rows.map((r) => r[1])).toContain('Develop, "fast"');
  });

  it('leaves the ratios of an empty funnel empty rather than writing NaN', () => {
    const empty = computeFunnel(
      { kind: 'aggregates', rows: [{ stage: { key: '1', label: 'A' }, count: 0, amount: null }] },
      {},
    );
    const csv = funnelCsv(empty, { t: funnelT(1033), decimalSeparator: '.', withAmount: true });
    expect(csv).not.toMatch(/NaN|Infinity/);
  });

  it('brings back any stage label from the file as it was written (apart from the formula guard)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom(',', '.'), (label, decimal) => {
        const funnel = computeFunnel(
          { kind: 'aggregates', rows: [{ stage: { key: 'k', label }, count: 3, amount: 1.5 }] },
          {},
        );
        const csv = funnelCsv(funnel, { t: funnelT(1033), decimalSeparator: decimal, withAmount: true });
        const rows = parseCsv(csv.slice(1), listSeparatorFor(decimal));
        const back = rows[1]?.[0] ?? '';
        expect(back).toBe(/^[=+\-@\t\r]/.test(label) ? `'${label}` : label);
        expect(rows[1]?.[2]).toBe(decimal === ',' ? '1,5' : '1.5');
      }),
    );
  });
});

describe('the funnel as SVG', () => {
  const svgOf = (segmentKey: string | null) =>
    funnelSvg(exportFunnel(), {
      t: funnelT(1049),
      formats: exportFormats(1049),
      currency: { code: 'RUB' },
      withAmount: true,
      title: 'Воронка продаж <Q4> & "план"',
      segmentKey,
    });

  it('draws every stage with its labels in the user language', () => {
    golden('funnel-ru.svg', svgOf(null).svg);
  });

  it('is well-formed XML with every text escaped', () => {
    const { svg } = svgOf('a');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.querySelector('title')?.textContent).toBe('Воронка продаж <Q4> & "план": =HYPERLINK("x")');
    expect(doc.querySelectorAll('g[data-stage]')).toHaveLength(4);
  });

  it('drops characters XML cannot hold instead of writing a broken file', () => {
    const funnel = computeFunnel(
      {
        kind: 'aggregates',
        rows: [{ stage: { key: 'k', label: 'A\u0001B\uFFFE' }, count: 1, amount: null }],
      },
      {},
    );
    const { svg } = funnelSvg(funnel, {
      t: funnelT(1033),
      formats: exportFormats(1033),
      currency: {},
      withAmount: false,
      title: 'T',
      segmentKey: null,
    });
    expect(svg).toContain('>AB<');
    expect(
      new DOMParser().parseFromString(svg, 'image/svg+xml').getElementsByTagName('parsererror'),
    ).toHaveLength(0);
  });
});

describe('the file name', () => {
  it.each([
    [1033, 'csv', 'sales-funnel-2026-03-07.csv'],
    [1049, 'png', 'воронка-продаж-2026-03-07.png'],
    [1026, 'svg', 'фуния-на-продажбите-2026-03-07.svg'],
    [1058, 'csv', 'воронка-продажів-2026-03-07.csv'],
  ] as const)('in %i for %s is %s', (lcid, kind, name) => {
    expect(downloadFileName(funnelT(lcid), kind, new Date(2026, 2, 7))).toBe(name);
  });
});
