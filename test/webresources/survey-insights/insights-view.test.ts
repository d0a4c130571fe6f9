// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../src/webresources/page/catalogue';
import { computeInsights } from '../../../src/webresources/survey-insights/insights';
import { renderInsights } from '../../../src/webresources/survey-insights/insights-view';
import { parseDefinition } from '../../../src/widgets/survey/definition';
import { createFormats } from '../../../src/widgets/shared/i18n';

const definition = parseDefinition(
  JSON.stringify({
    baseLanguage: 1033,
    questions: [
      { id: 'sat', type: 'stars', text: { '1033': 'Satisfaction', '1049': 'Удовлетворённость' } },
      { id: 'again', type: 'yesno', text: { '1033': 'Would buy again', '1049': 'Купит снова' } },
      {
        id: 'why',
        type: 'choice',
        text: { '1033': 'Main reason' },
        options: [
          { id: 'price', text: { '1033': 'Price', '1049': 'Цена' } },
          { id: 'service', text: { '1033': 'Service' } },
        ],
      },
      { id: 'note', type: 'text', text: { '1033': 'Anything else' } },
    ],
  }),
);

const responses = [
  { sat: 5, again: true, why: 'price', note: 'ok' },
  { sat: 4, again: true, why: 'service' },
  { sat: 2, again: false, why: 'price' },
].map((answers, i) => ({
  id: `r${i}`,
  respondent: i === 2 ? 'Борис' : 'Анна',
  role: 'sales',
  channel: i === 1 ? 'email' : 'visit',
  at: `2025-0${i + 1}-15T10:00:00Z`,
  authorId: 'u',
  answers,
  comment: '',
}));

function draw(lcid: number): HTMLElement {
  const host = document.createElement('div');
  const insights = computeInsights([JSON.stringify({ version: 1, responses })], definition, {});
  renderInsights(
    host,
    {
      t: translatorFor(lcid, 'dashboard'),
      survey: {
        doc: document,
        t: translatorFor(lcid, 'survey'),
        formats: createFormats(lcid, 'UTC'),
        lcid,
        definition,
      },
    },
    insights,
  );
  return host;
}

const bars = (host: HTMLElement, title: string): string[][] => {
  const block = Array.from(host.querySelectorAll('.crmkit-insights__question')).find(
    (q) => q.querySelector('h3')?.textContent === title,
  );
  return Array.from(block?.querySelectorAll('li') ?? []).map((li) => [
    li.querySelector('.crmkit-insights__answer')?.textContent ?? '',
    li.querySelector('.crmkit-insights__count')?.textContent ?? '',
  ]);
};

describe('the distribution of answers of a custom survey', () => {
  it('shows every answer of yes/no and choice questions with its count, in the user language', () => {
    const host = draw(1049);
    expect(bars(host, 'Купит снова')).toEqual([
      ['Да', '2'],
      ['Нет', '1'],
    ]);
    expect(bars(host, 'Main reason')).toEqual([
      ['Цена', '2'],
      ['Service', '1'],
    ]);
  });

  it('labels the CSAT question as such and leaves free-text questions out', () => {
    const host = draw(1033);
    expect(bars(host, 'CSAT, stars').map(([, n]) => n)).toEqual(['1', '1', '0', '1', '0']);
    expect(Array.from(host.querySelectorAll('h3')).map((h) => h.textContent)).not.toContain('Anything else');
  });

  it('gives each month, respondent and channel a row', () => {
    const host = draw(1033);
    const keys = (table: string): (string | null)[] =>
      Array.from(host.querySelectorAll(`[data-table="${table}"] tbody tr`)).map((tr) =>
        tr.getAttribute('data-key'),
      );
    expect(keys('months')).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(keys('respondents')).toEqual(['Анна', 'Борис']);
    expect(keys('channels')).toEqual(['visit', 'email']);
    expect(host.querySelector('[data-table="channels"] tbody th')?.textContent).toBe('Visit');
  });
});
