// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../src/webresources/page/catalogue';
import { renderInsights } from '../../../src/webresources/survey-insights/insights-view';
import { computeRecordsInsights } from '../../../src/webresources/survey-insights/records-insights';
import { recordsSections } from '../../../src/webresources/survey-insights/records-page';
import { DEFAULT_DEFINITION } from '../../../src/widgets/survey/definition';
import { createFormats } from '../../../src/widgets/shared/i18n';

const F = '@OData.Community.Display.V1.FormattedValue';
const row = (groups: Record<string, unknown>, count: number, csat: number): Record<string, unknown> => ({
  ...groups,
  agg_count: count,
  agg_csatsum: csat * count,
  agg_csatcount: count,
});

function draw(
  lcid: number,
  months = [
    row({ grp_year: 2025, grp_month: 1, grp_nps: 10, grp_csat: 5 }, 6, 5),
    row({ grp_year: 2025, grp_month: 3, grp_nps: 3, grp_csat: 2 }, 2, 2),
  ],
): HTMLElement {
  const insights = computeRecordsInsights(
    {
      months,
      staff: [
        row({ grp_staff: 'u1', [`grp_staff${F}`]: '<b>Анна</b>', grp_nps: 10 }, 6, 5),
        row({ grp_staff: 'u2', [`grp_staff${F}`]: 'John', grp_nps: 3 }, 2, 2),
      ],
      groups: [row({ grp_channel: null, grp_role: 1, [`grp_role${F}`]: 'Sales', grp_nps: 10 }, 8, 4.25)],
    },
    DEFAULT_DEFINITION,
    5,
  );
  const host = document.createElement('div');
  const t = translatorFor(lcid, 'dashboard');
  const formats = createFormats(lcid, 'UTC');
  renderInsights(
    host,
    {
      t,
      survey: {
        doc: document,
        t: translatorFor(lcid, 'survey'),
        formats,
        lcid,
        definition: DEFAULT_DEFINITION,
      },
    },
    insights,
    recordsSections(t, formats, insights, 5),
  );
  return host;
}

const cells = (host: HTMLElement, kind: string): string[][] =>
  Array.from(host.querySelectorAll(`[data-table="${kind}"] tbody tr`), (tr) =>
    Array.from(tr.children, (c) => c.textContent ?? ''),
  );

describe('survey insights in records mode, drawn', () => {
  it('ranks the staff with the number of responses beside each score, one below the minimum without a rank', () => {
    const host = draw(1033);
    expect(cells(host, 'staff')).toEqual([
      ['1', '<b>Анна</b>', '6', '5', '+100'],
      ['—', 'John', '2', '2', '-100'],
    ]);
    expect(host.querySelector('b')).toBeNull();
    const rank = host.querySelector('[data-table="staff"] th')!;
    expect([rank.textContent, rank.getAttribute('aria-label')]).toEqual(['#', 'Rank']);
    expect(host.textContent).toContain(
      'Staff members with fewer than 5 responses are listed without a rank.',
    );
  });

  it('names months by the calendar, and an unset channel as not set, in Russian', () => {
    const host = draw(1049);
    const month = new Intl.DateTimeFormat('ru-RU', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    expect(cells(host, 'months').map((c) => c[0])).toEqual(
      [0, 1, 2].map((m) => month.format(Date.UTC(2025, m, 15))),
    );
    expect(cells(host, 'channels')[0]!.slice(0, 2)).toEqual(['(не указано)', '8']);
    expect(cells(host, 'roles')[0]![0]).toBe('Sales');
    expect(host.querySelector('[data-table="months"] th')?.textContent).toBe('Месяц');
  });

  it('shows no "last response" card, which aggregates cannot know', () => {
    const host = draw(1033);
    expect(host.querySelectorAll('.crmkit-survey__card')).toHaveLength(3);
    expect(host.querySelector('.crmkit-survey__card--last')).toBeNull();
  });

  it('says there are no responses when the period has none', () => {
    const host = draw(1033, []);
    expect(host.querySelector('.crmkit-insights__empty')?.textContent).toBe(
      'There are no survey responses in this period.',
    );
    expect(host.querySelector('table')).toBeNull();
  });
});
