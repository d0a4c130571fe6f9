/**
 * Survey insights in records mode, from the aggregate rows of records-data.ts alone: counts per
 * NPS (and, by month, per CSAT) value, CSAT sums and how many rated CSAT, added up over every
 * split part into the survey model's figures — overall, per month, per staff member (ranked only
 * from `minResponses` responses on), per channel and per role.
 */
import type { QuestionCounts, SurveyAggregates } from '../../widgets/survey/aggregates';
import { csatQuestion, npsQuestion, type SurveyDefinition } from '../../widgets/survey/definition';
import type { DataverseRow } from '../dataverse/xrm-types';
import { bestFirst, busiestFirst, monthsBetween, type GroupInsight } from './insights';
import type { ResponseRows } from './records-data';
import { responseAliases as a } from './records-fetch';

export interface RecordsInsights {
  overall: SurveyAggregates;
  /** `YYYY-MM` from the first to the last month with responses, empty months included. */
  months: GroupInsight[];
  /** Ranked staff (rank 1, 2, … best first), then those with too few responses (rank null), busiest first. */
  staff: GroupInsight[];
  channels: GroupInsight[];
  roles: GroupInsight[];
}

interface Tally {
  /** Undefined when the key is shown as it is (a month). */
  label: string | null | undefined;
  count: number;
  /** Responses per NPS value 0–10 and per CSAT value 1–5. */
  nps: number[];
  csat: number[];
  csatSum: number;
  csatRated: number;
}

type KeyOf = (row: DataverseRow) => [key: string, label?: string | null] | undefined;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const total = (list: readonly number[]): number => list.reduce((s, n) => s + n, 0);
const newTally = (label?: string | null): Tally => ({
  label,
  count: 0,
  nps: Array<number>(11).fill(0),
  csat: Array<number>(5).fill(0),
  csatSum: 0,
  csatRated: 0,
});

function add(t: Tally, row: DataverseRow): void {
  const n = num(row[a.count]) ?? 0;
  t.count += n;
  const nps = num(row[a.nps]);
  if (nps !== null && Number.isInteger(nps) && nps >= 0 && nps <= 10) t.nps[nps] = (t.nps[nps] ?? 0) + n;
  const csat = num(row[a.csat]);
  if (csat !== null && Number.isInteger(csat) && csat >= 1 && csat <= 5)
    t.csat[csat - 1] = (t.csat[csat - 1] ?? 0) + n;
  t.csatSum += num(row[a.csatSum]) ?? 0;
  t.csatRated += num(row[a.csatCount]) ?? 0;
}

function aggregatesOf(t: Tally, definition: SurveyDefinition): SurveyAggregates {
  const at = (value: number): number => t.nps[value] ?? 0;
  const answered = total(t.nps);
  const promoters = at(9) + at(10);
  const passives = at(7) + at(8);
  const detractors = answered - promoters - passives;
  const perQuestion = new Map<string, QuestionCounts>();
  for (const [q, counts, first] of [
    [csatQuestion(definition), t.csat, 1],
    [npsQuestion(definition), t.nps, 0],
  ] as const) {
    if (q === undefined) continue;
    const rated = total(counts);
    perQuestion.set(q.id, {
      answered: rated,
      unrated: t.count - rated,
      counts: new Map(counts.map((n, i) => [String(i + first), n])),
    });
  }
  return {
    responseCount: t.count,
    csat: { average: t.csatRated === 0 ? null : t.csatSum / t.csatRated, answered: t.csatRated },
    nps: {
      promoters,
      passives,
      detractors,
      answered,
      // + 0 turns a -0 from Math.round into 0.
      score: answered === 0 ? null : Math.round((100 * (promoters - detractors)) / answered) + 0,
    },
    perQuestion,
    perChannel: new Map(),
    perRespondent: new Map(),
    last: undefined,
  };
}

function groups(rows: readonly DataverseRow[], keyOf: KeyOf, definition: SurveyDefinition): GroupInsight[] {
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    const found = keyOf(row);
    if (found === undefined) continue;
    let t = tallies.get(found[0]);
    if (t === undefined) tallies.set(found[0], (t = newTally(found[1])));
    add(t, row);
  }
  return [...tallies].map(([key, t]) => ({
    key,
    aggregates: aggregatesOf(t, definition),
    ...(t.label === undefined ? {} : { label: t.label }),
  }));
}

/** A grouped lookup or choice: its value as the key, its formatted value as the label. */
const byColumn =
  (alias: string): KeyOf =>
  (row) => {
    const v = row[alias];
    if (typeof v !== 'string' && typeof v !== 'number') return ['', null];
    const label = row[`${alias}@OData.Community.Display.V1.FormattedValue`];
    return [String(v), typeof label === 'string' ? label : String(v)];
  };

const byMonth: KeyOf = (row) => {
  const [y, m] = [num(row[a.year]), num(row[a.month])];
  return y === null || m === null ? undefined : [`${y}-${String(m).padStart(2, '0')}`];
};

export function computeRecordsInsights(
  rows: Omit<ResponseRows, 'parts'>,
  definition: SurveyDefinition,
  minResponses: number,
): RecordsInsights {
  const byKey = new Map(groups(rows.months, byMonth, definition).map((g) => [g.key, g]));
  const keys = [...byKey.keys()].sort();
  const months =
    keys.length === 0
      ? []
      : monthsBetween(keys[0]!, keys[keys.length - 1]!).map(
          (key) => byKey.get(key) ?? { key, aggregates: aggregatesOf(newTally(), definition) },
        );
  const staff = groups(rows.staff, byColumn(a.staff), definition);
  const enough = (g: GroupInsight): boolean => g.aggregates.responseCount >= minResponses;
  return {
    overall:
      groups(rows.months, () => [''], definition)[0]?.aggregates ?? aggregatesOf(newTally(), definition),
    months,
    staff: [
      ...staff
        .filter(enough)
        .sort(bestFirst)
        .map((g, i) => ({ ...g, rank: i + 1 })),
      ...staff
        .filter((g) => !enough(g))
        .sort(busiestFirst)
        .map((g) => ({ ...g, rank: null })),
    ],
    channels: groups(rows.groups, byColumn(a.channel), definition).sort(busiestFirst),
    roles: groups(rows.groups, byColumn(a.role), definition).sort(busiestFirst),
  };
}
