/**
 * How check problems and coverage are shown: a readable table for people, JSON for scripts.
 * Pure: takes results, returns text.
 */
import type { Problem } from '../../errors';
import { languageName } from '../memory/languages';
import { countBySeverity, type QaProblem } from './problem';
import type { CoverageStats } from './stats';

/**
 * Exactly `{"problems":[{"severity","code","file","sheet","cell","key","lcid","message"}]}`;
 * `file` and `cell` are null where there is none (a cell of a zip or xml input).
 */
export function problemsJson(problems: readonly QaProblem[]): string {
  const rows = problems.map((p) => ({
    severity: p.severity,
    code: p.code,
    file: p.file ?? null,
    sheet: p.sheet,
    cell: p.cell ?? null,
    key: p.key,
    lcid: p.lcid,
    message: p.message,
  }));
  return `${JSON.stringify({ problems: rows }, null, 2)}\n`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function problemsSummary(problems: readonly QaProblem[], rows: number): string {
  const c = countBySeverity(problems);
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info.toLocaleString('en-US')} info in ${plural(rows, 'label')}`;
}

function clip(text: string, width: number): string {
  const oneLine = text.replace(/\r?\n/g, '⏎');
  return oneLine.length > width ? `${oneLine.slice(0, width - 1)}…` : oneLine;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One row per problem (the cell column only when a problem has a cell), then the summary line. */
export function problemsTable(problems: readonly QaProblem[], rows: number): string {
  if (problems.length === 0) return `No problems found in ${plural(rows, 'label')}.\n`;
  const cells = problems.some((p) => p.cell !== undefined);
  const body = problems.map((p) => [
    p.severity,
    p.code,
    p.sheet,
    ...(cells ? [p.cell ?? ''] : []),
    clip(p.key, 60),
    String(p.lcid),
    clip(p.message, 160),
  ]);
  const header = ['severity', 'code', 'sheet', ...(cells ? ['cell'] : []), 'key', 'lcid', 'message'];
  return `${table(header, body)}\n\n${problemsSummary(problems, rows)}\n`;
}

/** Where a problem stands, as messages show it: `ru.xlsx › Localized Labels!E14`. */
export function problemPlace(p: QaProblem): string {
  const file = p.file === undefined ? '' : `${p.file} › `;
  return `${file}${p.sheet}${p.cell === undefined ? '' : `!${p.cell}`}`;
}

/** As a line of a message: `ru.xlsx › Localized Labels!E14: account / a1 / DisplayName, 1049: … [code]`. */
export function placedProblem(p: QaProblem): Problem {
  return { where: problemPlace(p), message: `${p.key}, ${p.lcid}: ${p.message} [${p.code}]` };
}

/** `{"languages":[{"lcid","total","translated","percent","base"}],"kinds":[…]}`. */
export function statsJson(stats: CoverageStats): string {
  return `${JSON.stringify(
    {
      baseLcid: stats.baseLcid,
      languages: stats.languages.map((l) => ({
        lcid: l.lcid,
        total: l.total,
        translated: l.translated,
        percent: l.percent,
        base: l.base,
      })),
      kinds: stats.kinds,
    },
    null,
    2,
  )}\n`;
}

/** A bar of `width` cells: █ for translated, ░ for the rest. */
export function bar(percent: number, width = 20): string {
  const filled = Math.round((Math.max(0, Math.min(100, percent)) / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

function pct(percent: number): string {
  return `${percent.toFixed(1)}%`;
}

export function statsTable(stats: CoverageStats): string {
  const languages = table(
    ['lcid', 'language', 'translated', 'total', 'percent', ''],
    stats.languages.map((l) => [
      String(l.lcid),
      `${languageName(l.lcid)}${l.base ? ' (base)' : ''}`,
      l.translated.toLocaleString('en-US'),
      l.total.toLocaleString('en-US'),
      pct(l.percent),
      bar(l.percent),
    ]),
  );
  const targets = stats.languages.filter((l) => !l.base);
  const kinds = table(
    ['kind', 'labels', ...targets.map((l) => String(l.lcid))],
    stats.kinds.map((k) => [
      k.kind,
      k.total.toLocaleString('en-US'),
      ...targets.map((l) => {
        const count = k.translated.find((t) => t.lcid === l.lcid)?.count ?? 0;
        return pct(k.total === 0 ? 100 : Math.floor((count / k.total) * 1000) / 10);
      }),
    ]),
  );
  return `${languages}\n\nBy component kind (percent translated):\n${kinds}\n`;
}
