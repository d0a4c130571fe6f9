/**
 * A small funnel for the export tests (CSV, SVG, the LibreOffice round trip): stage totals with
 * amounts, two segments (one named like a formula, one holding the list separators and a quote),
 * a stage that grows in snapshot mode, and a listed stage with no records.
 */
import { computeFunnel } from '../../../src/widgets/funnel/model';
import type { Funnel, StageAggregate } from '../../../src/widgets/funnel/types';
import { createFormats, createTranslate, type Translate } from '../../../src/widgets/shared/i18n';
import en from '../../../translations/ui/1033.json';
import ru from '../../../translations/ui/1049.json';
import bg from '../../../translations/ui/1026.json';
import uk from '../../../translations/ui/1058.json';

const catalogues = { 1033: en, 1049: ru, 1026: bg, 1058: uk } as const;
export type ExportLcid = keyof typeof catalogues;

export function funnelT(lcid: ExportLcid): Translate {
  return createTranslate((key) => (catalogues[lcid].funnel as Record<string, string>)[key]);
}

export const exportFormats = (lcid: ExportLcid): ReturnType<typeof createFormats> => createFormats(lcid);

const stages = [
  { key: '1', label: 'Квалификация', rank: 1 },
  { key: '2', label: 'Develop, "fast"', rank: 2 },
  { key: '3', label: 'Предложение', rank: 3 },
  { key: '4', label: 'Close', rank: 4 },
];
const segments = [
  { key: 'a', label: '=HYPERLINK("x")' },
  { key: 'b', label: 'Малый; бизнес, ООО' },
];

/** [stage, segment, count, amount] */
const rows: [number, number, number, number | null][] = [
  [0, 0, 120, 1_250_000.5],
  [0, 1, 80, 402_300.25],
  [1, 0, 40, 800_000],
  [1, 1, 35, 120_000.75],
  [2, 0, 50, 990_000],
  [2, 1, 3, null],
];

export function exportFunnel(): Funnel {
  const aggregates: StageAggregate[] = rows.map(([s, g, count, amount]) => ({
    stage: stages[s]!,
    segment: segments[g]!,
    count,
    amount,
  }));
  return computeFunnel(
    { kind: 'aggregates', rows: aggregates },
    { stageOrder: '1,2,3,4', knownStages: stages, mode: 'snapshot', metric: 'count' },
  );
}
