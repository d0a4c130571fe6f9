/**
 * The funnel's figures as a CSV file for Excel and LibreOffice (the "Download CSV" button): the
 * table view's columns, for all records and then for each segment. Pure: text in, text out.
 *
 * - UTF-8 with a byte order mark, so Excel opens Cyrillic text as such (without the mark it reads
 *   the file in the system's ANSI code page).
 * - The list separator is the one Excel uses for the user's number format: `;` when the decimal
 *   separator is a comma, else `,` (listSeparatorFor), so a double-click opens it in columns.
 * - Numbers are plain: no group separator, the user's decimal separator, percentages as
 *   percentage points (45.5 for 45.5 %), so a spreadsheet reads them as numbers.
 * - Text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) gets a leading
 *   apostrophe: stage and segment names come from the records.
 */
import type { Translate } from '../shared/i18n';
import type { Funnel, FunnelSeries } from './types';

export const UTF8_BOM = '\uFEFF';

export interface CsvOptions {
  /** The `funnel` namespace. */
  t: Translate;
  /** The user's decimal separator (Dynamics' personal options, or the language's). */
  decimalSeparator: string;
  /** Whether the funnel has an amount column. */
  withAmount: boolean;
}

/** The list separator Excel uses with a decimal separator: `;` after a comma, else `,`. */
export function listSeparatorFor(decimalSeparator: string): ';' | ',' {
  return decimalSeparator === ',' ? ';' : ',';
}

/** A number as a spreadsheet reads it: at most `digits` decimals, no grouping. */
function plain(value: number, digits: number, decimal: string): string {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  const text = Object.is(rounded, -0) ? '0' : String(rounded);
  return /e/i.test(text) ? rounded.toFixed(digits) : text.replace('.', decimal);
}

/** One text cell: quoted when it holds the separator, a quote or a line break; formulas defused. */
function textCell(text: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) || safe !== safe.trim()
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

export function funnelCsv(funnel: Funnel, o: CsvOptions): string {
  const { t } = o;
  const sep = listSeparatorFor(o.decimalSeparator);
  const withSegments = funnel.segments.length > 0;
  const withGain = [funnel, ...funnel.segments].some((s) => s.stages.some((st) => (st.gain ?? 0) > 0));
  const percent = (ratio: number | null): string =>
    ratio === null ? '' : plain(ratio * 100, 1, o.decimalSeparator);
  const value = (n: number | null): string =>
    n === null ? '' : plain(n, funnel.metric === 'amount' ? 2 : 0, o.decimalSeparator);
  const header = [
    withSegments ? t('csv.segment') : null,
    t('table.stage'),
    t('table.records'),
    o.withAmount ? t('table.amount') : null,
    t('csv.ofFirst'),
    t('csv.conversion'),
    t('table.dropOff'),
    withGain ? t('csv.gain') : null,
  ];
  const lines = [header.filter((h): h is string => h !== null).map((h) => textCell(h, sep))];
  const add = (series: FunnelSeries, segment: string): void => {
    for (const stage of series.stages) {
      const cells: (string | null)[] = [
        withSegments ? textCell(segment, sep) : null,
        textCell(stage.label, sep),
        String(stage.count),
        o.withAmount ? plain(stage.amount, 2, o.decimalSeparator) : null,
        percent(stage.ofFirst),
        percent(stage.ofPrevious),
        value(stage.dropOff),
        withGain ? value(stage.gain) : null,
      ];
      lines.push(cells.filter((c): c is string => c !== null));
    }
  };
  add(funnel, t('segments.all'));
  for (const segment of funnel.segments) add(segment, segment.label);
  return `${UTF8_BOM}${lines.map((cells) => cells.join(sep)).join('\r\n')}\r\n`;
}
