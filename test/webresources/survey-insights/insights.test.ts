import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../../src/webresources/survey-insights/insights';
import { DEFAULT_DEFINITION } from '../../../src/widgets/survey/definition';

function doc(
  ...responses: { at: string; who: string; channel?: string; csat?: number; nps?: number }[]
): string {
  return JSON.stringify({
    version: 1,
    responses: responses.map((r, i) => ({
      id: `${r.who}-${i}-${r.at}`,
      respondent: r.who,
      role: 'sales',
      channel: r.channel ?? 'phone',
      at: r.at,
      authorId: 'u1',
      answers: {
        ...(r.csat === undefined ? {} : { csat: r.csat }),
        ...(r.nps === undefined ? {} : { nps: r.nps }),
      },
      comment: '',
    })),
  });
}

const period = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') };

describe('survey insights over many records', () => {
  const documents = [
    doc(
      { at: '2025-01-10T10:00:00Z', who: 'Анна', csat: 5, nps: 10 },
      { at: '2024-12-31T23:59:59Z', who: 'Анна', csat: 1, nps: 0 },
    ),
    doc(
      { at: '2025-03-02T10:00:00Z', who: 'John', channel: 'visit', csat: 2, nps: 3 },
      { at: '2025-03-20T10:00:00Z', who: 'Анна', nps: 8 },
    ),
    doc({ at: '2025-07-01T00:00:00Z', who: 'John', csat: 1 }),
    '{"version":1,"responses":[{"broken',
    null,
    '',
  ];
  const insights = computeInsights(documents, DEFAULT_DEFINITION, period);

  it('keeps only the responses recorded in the period (its end excluded)', () => {
    expect(insights.overall.responseCount).toBe(3);
    expect(insights.overall.csat.average).toBe(3.5);
    // one promoter (10), one passive (8), one detractor (3): NPS 0
    expect(insights.overall.nps).toMatchObject({ promoters: 1, passives: 1, detractors: 1, score: 0 });
  });

  it('counts the records with responses in the period and the unreadable ones apart', () => {
    expect([insights.records, insights.unreadable]).toEqual([2, 1]);
  });

  it('lists every month from the first to the last, empty months included', () => {
    expect(insights.months.map((m) => [m.key, m.aggregates.responseCount])).toEqual([
      ['2025-01', 1],
      ['2025-02', 0],
      ['2025-03', 2],
    ]);
  });

  it('puts the respondent with the best CSAT first', () => {
    expect(
      insights.respondents.map((r) => [r.key, r.aggregates.csat.average, r.aggregates.responseCount]),
    ).toEqual([
      ['Анна', 5, 2],
      ['John', 2, 1],
    ]);
  });

  it('breaks the responses down by channel, busiest first', () => {
    expect(insights.channels.map((c) => [c.key, c.aggregates.responseCount])).toEqual([
      ['phone', 2],
      ['visit', 1],
    ]);
  });

  it('has nothing to show, without dividing by zero, when no response falls in the period', () => {
    const empty = computeInsights(documents, DEFAULT_DEFINITION, { from: new Date('2030-01-01T00:00:00Z') });
    expect([
      empty.overall.responseCount,
      empty.overall.csat.average,
      empty.overall.nps.score,
      empty.months,
    ]).toEqual([0, null, null, []]);
  });
});

describe('survey insights at the default record cap', () => {
  it('aggregates 20,000 records of documents (time printed, not asserted)', async () => {
    const { makeSurveyedAccounts } = await import('../../fixtures/webresources/dataset');
    const docs = makeSurveyedAccounts(20_000).map((a) => a.crmkit_surveyresponses);
    const started = performance.now();
    const insights = computeInsights(docs, DEFAULT_DEFINITION, {});
    const ms = performance.now() - started;
    const expected = docs.reduce((n, d) => {
      try {
        return n + (d === null ? 0 : (JSON.parse(d) as { responses: unknown[] }).responses.length);
      } catch {
        return n;
      }
    }, 0);
    expect(insights.overall.responseCount).toBe(expected);
    console.log(
      `survey insights: ${docs.length} records, ${expected} responses parsed and aggregated in ${ms.toFixed(0)} ms (Node)`,
    );
  });
});

describe("survey insights in the user's time zone", () => {
  const moscow = (): number => 180;
  const newYork = (): number => -300;

  it("buckets survey responses by the user's month, not the UTC month", () => {
    // 22:30 UTC on 31 January is already 1 February in Moscow; 03:00 UTC on 1 February is January in New York.
    const docs = [
      doc(
        { at: '2025-01-31T22:30:00Z', who: 'Анна', csat: 4 },
        { at: '2025-02-01T03:00:00Z', who: 'Анна', csat: 4 },
        { at: '2025-01-15T12:00:00Z', who: 'Анна', csat: 4 },
      ),
    ];
    const count = (offset: () => number): [string, number][] =>
      computeInsights(docs, DEFAULT_DEFINITION, {}, offset).months.map((m) => [
        m.key,
        m.aggregates.responseCount,
      ]);
    expect(count(() => 0)).toEqual([
      ['2025-01', 2],
      ['2025-02', 1],
    ]);
    expect(count(moscow)).toEqual([
      ['2025-01', 1],
      ['2025-02', 2],
    ]);
    expect(count(newYork)).toEqual([['2025-01', 3]]);
  });
});
