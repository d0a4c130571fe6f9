/**
 * Survey insights over many records: the responses documents the survey control stores, read with
 * the survey model, kept when their time falls in the period, then aggregated with the model's
 * own `aggregate` — overall, per month, per respondent and per channel.
 */
import { aggregate, type SurveyAggregates } from '../../widgets/survey/aggregates';
import type { SurveyDefinition } from '../../widgets/survey/definition';
import { readDocument, type SurveyResponse } from '../../widgets/survey/document';
import type { DateRange } from '../dataverse/fetchxml';
import { inRange } from '../params/period';
import { userMonth, utcOffset, type OffsetAt } from '../../widgets/shared/user-time';

export interface GroupInsight {
  key: string;
  aggregates: SurveyAggregates;
  /** The shown name when it is not the key (a lookup's or choice's formatted value); null: not set. */
  label?: string | null;
  /** The place in a ranking; null: too few responses to be ranked. */
  rank?: number | null;
}

export interface SurveyInsights {
  overall: SurveyAggregates;
  /** `YYYY-MM` (user's calendar) from the first to the last month with responses, empty months included. */
  months: GroupInsight[];
  /** Best CSAT first, then best NPS, then most responses. */
  respondents: GroupInsight[];
  /** Most responses first. */
  channels: GroupInsight[];
  /** Records with at least one response in the period. */
  records: number;
  /** Records whose stored document does not parse. */
  unreadable: number;
}

export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function groups(
  responses: readonly SurveyResponse[],
  keyOf: (r: SurveyResponse) => string | undefined,
  definition: SurveyDefinition,
): GroupInsight[] {
  const byKey = new Map<string, SurveyResponse[]>();
  for (const r of responses) {
    const key = keyOf(r);
    if (key === undefined) continue;
    let list = byKey.get(key);
    if (list === undefined) byKey.set(key, (list = []));
    list.push(r);
  }
  return [...byKey].map(([key, list]) => ({ key, aggregates: aggregate(list, definition) }));
}

const desc = (a: number | null, b: number | null): number => (b ?? -Infinity) - (a ?? -Infinity);

/** Best CSAT first, then best NPS, then most responses, then by key. */
export const bestFirst = (a: GroupInsight, b: GroupInsight): number =>
  desc(a.aggregates.csat.average, b.aggregates.csat.average) ||
  desc(a.aggregates.nps.score, b.aggregates.nps.score) ||
  b.aggregates.responseCount - a.aggregates.responseCount ||
  a.key.localeCompare(b.key);

/** Most responses first, then by key. */
export const busiestFirst = (a: GroupInsight, b: GroupInsight): number =>
  b.aggregates.responseCount - a.aggregates.responseCount || a.key.localeCompare(b.key);

export function computeInsights(
  documents: Iterable<string | null | undefined>,
  definition: SurveyDefinition,
  range: DateRange,
  offsetAt: OffsetAt = utcOffset,
): SurveyInsights {
  const monthOf = (response: SurveyResponse): string | undefined => {
    const ms = Date.parse(response.at);
    return Number.isNaN(ms) ? undefined : userMonth(new Date(ms), offsetAt);
  };
  const responses: SurveyResponse[] = [];
  let records = 0;
  let unreadable = 0;
  for (const text of documents) {
    if (text === null || text === undefined || text.trim() === '') continue;
    const read = readDocument(text);
    if (!read.ok) {
      unreadable++;
      continue;
    }
    const kept = read.document.responses.filter((r) => {
      const ms = Date.parse(r.at);
      return !Number.isNaN(ms) && inRange(new Date(ms), range);
    });
    if (kept.length > 0) records++;
    responses.push(...kept);
  }
  const byMonth = new Map(groups(responses, monthOf, definition).map((g) => [g.key, g]));
  const monthKeys = [...byMonth.keys()].sort();
  const months =
    monthKeys.length === 0
      ? []
      : monthsBetween(monthKeys[0]!, monthKeys[monthKeys.length - 1]!).map(
          (key) => byMonth.get(key) ?? { key, aggregates: aggregate([], definition) },
        );
  const respondents = groups(responses, (r) => r.respondent, definition).sort(bestFirst);
  const channels = groups(responses, (r) => r.channel, definition).sort(busiestFirst);
  return { overall: aggregate(responses, definition), months, respondents, channels, records, unreadable };
}
