import { describe, expect, it } from 'vitest';
import type { DataverseRow } from '../../../src/webresources/dataverse/xrm-types';
import { computeRecordsInsights } from '../../../src/webresources/survey-insights/records-insights';
import { DEFAULT_DEFINITION } from '../../../src/widgets/survey/definition';

const F = '@OData.Community.Display.V1.FormattedValue';
const none = { months: [], staff: [], groups: [] };

/** A row of the months aggregate: year, month, NPS and CSAT groups, with its count and CSAT sums. */
function month(ym: string, nps: number | null, csat: number | null, count: number): DataverseRow {
  const [y, m] = ym.split('-').map(Number);
  return {
    grp_year: y,
    grp_month: m,
    grp_nps: nps,
    grp_csat: csat,
    agg_count: count,
    agg_csatsum: csat === null ? null : csat * count,
    agg_csatcount: csat === null ? 0 : count,
  };
}

function staff(
  id: string,
  name: string,
  nps: number | null,
  count: number,
  csatSum: number,
  rated: number,
): DataverseRow {
  return {
    grp_staff: id,
    [`grp_staff${F}`]: name,
    grp_nps: nps,
    agg_count: count,
    agg_csatsum: rated === 0 ? null : csatSum,
    agg_csatcount: rated,
  };
}

describe('survey insights from response aggregates', () => {
  const rows = {
    months: [
      month('2025-01', 10, 5, 3),
      month('2025-01', 0, 1, 1),
      // The same group again: another split part's row, added up.
      month('2025-01', 10, 5, 2),
      month('2025-03', 8, null, 2),
      month('2025-03', null, 4, 4),
    ],
    staff: [
      staff('a', 'Анна Петрова', 10, 5, 25, 5),
      staff('a', 'Анна Петрова', 0, 1, 1, 1),
      staff('b', 'John Smith', 8, 6, 18, 6),
      staff('c', 'Li Wei', 9, 2, 10, 2),
      staff('d', 'Nobody Rated', null, 7, 0, 0),
    ],
    groups: [
      {
        grp_channel: 1,
        [`grp_channel${F}`]: 'Phone',
        grp_role: 2,
        [`grp_role${F}`]: 'Service',
        grp_nps: 9,
        agg_count: 4,
        agg_csatsum: 16,
        agg_csatcount: 4,
      },
      {
        grp_channel: 1,
        [`grp_channel${F}`]: 'Phone',
        grp_role: null,
        grp_nps: 3,
        agg_count: 1,
        agg_csatsum: null,
        agg_csatcount: 0,
      },
      {
        grp_channel: null,
        grp_role: 2,
        [`grp_role${F}`]: 'Service',
        grp_nps: null,
        agg_count: 2,
        agg_csatsum: 9,
        agg_csatcount: 2,
      },
    ],
  };
  const insights = computeRecordsInsights(rows, DEFAULT_DEFINITION, 5);

  it('adds up NPS and CSAT over every group and part', () => {
    const o = insights.overall;
    expect(o.responseCount).toBe(12);
    // 5 promoters, 2 passives, 1 detractor of 8 who answered NPS: (5 − 1) / 8 = +50.
    expect(o.nps).toEqual({ promoters: 5, passives: 2, detractors: 1, answered: 8, score: 50 });
    expect(o.csat).toEqual({ average: (25 + 1 + 16) / 10, answered: 10 });
    expect([...o.perQuestion.get('nps')!.counts].filter(([, n]) => n > 0)).toEqual([
      ['0', 1],
      ['8', 2],
      ['10', 5],
    ]);
    expect(o.perQuestion.get('csat')!.counts.get('5')).toBe(5);
    expect(o.perQuestion.get('csat')!.unrated).toBe(2);
  });

  it('lists every month from the first to the last, an empty one with no score rather than a division by zero', () => {
    expect(insights.months.map((m) => [m.key, m.aggregates.responseCount, m.aggregates.nps.score])).toEqual([
      ['2025-01', 6, 67],
      ['2025-02', 0, null],
      ['2025-03', 6, 0],
    ]);
    expect(insights.months[1]!.aggregates.csat.average).toBeNull();
  });

  it('ranks the staff with enough responses, best CSAT first, and lists one below the minimum unranked', () => {
    expect(
      insights.staff.map((s) => [s.rank, s.label, s.aggregates.responseCount, s.aggregates.csat.average]),
    ).toEqual([
      [1, 'Анна Петрова', 6, 26 / 6],
      [2, 'John Smith', 6, 3],
      [3, 'Nobody Rated', 7, null],
      [null, 'Li Wei', 2, 5],
    ]);
    expect(insights.staff[2]!.aggregates.nps.score).toBeNull();
  });

  it('honours another minimum', () => {
    const one = computeRecordsInsights(rows, DEFAULT_DEFINITION, 1);
    expect(one.staff.map((s) => [s.rank, s.label])).toEqual([
      [1, 'Li Wei'],
      [2, 'Анна Петрова'],
      [3, 'John Smith'],
      [4, 'Nobody Rated'],
    ]);
  });

  it('labels channels and roles with their formatted values and keeps the unset ones apart', () => {
    expect(insights.channels.map((c) => [c.key, c.label, c.aggregates.responseCount])).toEqual([
      ['1', 'Phone', 5],
      ['', null, 2],
    ]);
    expect(insights.roles.map((c) => [c.key, c.label, c.aggregates.responseCount])).toEqual([
      ['2', 'Service', 6],
      ['', null, 1],
    ]);
  });

  it('has nothing to show, without dividing by zero, when there are no responses', () => {
    const empty = computeRecordsInsights(none, DEFAULT_DEFINITION, 5);
    expect([
      empty.overall.responseCount,
      empty.overall.csat.average,
      empty.overall.nps.score,
      empty.months,
      empty.staff,
    ]).toEqual([0, null, null, [], []]);
  });
});
