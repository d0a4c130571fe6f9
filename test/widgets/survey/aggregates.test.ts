import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  aggregate,
  aggregateDocuments,
  npsCategory,
  surveyOutputs,
} from '../../../src/widgets/survey/aggregates';
import { DEFAULT_DEFINITION, parseDefinition } from '../../../src/widgets/survey/definition';
import { documentOf, response } from './fixtures';

describe('survey aggregates', () => {
  it('has no scores and zero counts when there are no responses', () => {
    const a = aggregate([], DEFAULT_DEFINITION);
    expect(a.responseCount).toBe(0);
    expect(a.csat.average).toBeNull();
    expect(a.nps).toEqual({ promoters: 0, passives: 0, detractors: 0, answered: 0, score: null });
    expect(a.last).toBeUndefined();
    expect(surveyOutputs(a)).toEqual({ csat: null, nps: null, responseCount: 0 });
  });

  it('gives NPS -100 when every rating is a detractor', () => {
    const a = aggregate(
      [0, 3, 6, 6].map((n, i) => response(`r${i}`, { nps: n })),
      DEFAULT_DEFINITION,
    );
    expect(a.nps).toMatchObject({ detractors: 4, promoters: 0, passives: 0, answered: 4, score: -100 });
  });

  it('computes NPS as percent promoters minus percent detractors, rounded', () => {
    // 3 promoters, 2 passives, 1 detractor of 6: 50% - 16.7% = 33.3
    const ratings = [10, 9, 9, 8, 7, 2];
    const a = aggregate(
      ratings.map((n, i) => response(`r${i}`, { nps: n })),
      DEFAULT_DEFINITION,
    );
    expect(a.nps.score).toBe(33);
    expect(surveyOutputs(a).nps).toBe(33);
  });

  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('classes an NPS rating of %i as a %s', (rating, category) => {
    expect(npsCategory(rating)).toBe(category);
  });

  it('leaves unrated answers out of the averages instead of counting them as a middle value', () => {
    const a = aggregate(
      [
        response('a', { csat: 5 }),
        response('b', {}),
        response('c', { csat: 4, nps: 10 }),
        response('d', { csat: null }),
      ],
      DEFAULT_DEFINITION,
    );
    expect(a.responseCount).toBe(4);
    expect(a.csat).toEqual({ average: 4.5, answered: 2 });
    expect(a.nps.answered).toBe(1);
    expect(a.nps.score).toBe(100);
    expect(a.perQuestion.get('csat')).toMatchObject({ answered: 2, unrated: 2 });
  });

  it('ignores values a question type cannot hold (7 stars, NPS 11, text for a number)', () => {
    const a = aggregate(
      [
        response('a', { csat: 7, nps: 11 }),
        response('b', { csat: '4', nps: 3.5 }),
        response('c', { csat: 2 }),
      ],
      DEFAULT_DEFINITION,
    );
    expect(a.csat).toEqual({ average: 2, answered: 1 });
    expect(a.nps.answered).toBe(0);
  });

  it('counts answers per question, per channel and per respondent', () => {
    const definition = parseDefinition(
      JSON.stringify({
        questions: [
          { id: 'onTime', type: 'yesno', text: 'Delivered on time?' },
          {
            id: 'topic',
            type: 'choice',
            text: 'Topic',
            options: [
              { id: 'price', text: 'Price' },
              { id: 'quality', text: 'Quality' },
            ],
          },
          { id: 'stars', type: 'stars', text: 'Overall' },
        ],
      }),
    );
    const a = aggregate(
      [
        response('1', { onTime: true, topic: 'price', stars: 4 }, { channel: 'visit', respondent: 'Ivan' }),
        response('2', { onTime: false, topic: 'price', stars: 2 }, { channel: 'phone', respondent: 'Ivan' }),
        response('3', { onTime: true, topic: 'delivery' }, { channel: 'phone', respondent: 'Olena' }),
      ],
      definition,
    );
    expect(Object.fromEntries(a.perQuestion.get('onTime')!.counts)).toEqual({ true: 2, false: 1 });
    expect(Object.fromEntries(a.perQuestion.get('topic')!.counts)).toEqual({ price: 2 });
    expect(a.perQuestion.get('topic')!.unrated).toBe(1);
    expect(Object.fromEntries(a.perChannel)).toEqual({ visit: 1, phone: 2 });
    expect(a.perRespondent.get('Ivan')).toEqual({ count: 2, csatAverage: 3 });
    expect(a.perRespondent.get('Olena')).toEqual({ count: 1, csatAverage: null });
    expect(a.csat.average).toBe(3);
  });

  it('aggregates the responses of many documents together, as the dashboard does', () => {
    const docs = [
      documentOf(response('a', { csat: 5, nps: 10 })),
      documentOf(),
      documentOf(response('b', { csat: 1, nps: 0 }), response('c', { csat: 3, nps: 8 })),
    ];
    const a = aggregateDocuments(docs, DEFAULT_DEFINITION);
    expect(a.responseCount).toBe(3);
    expect(a.csat.average).toBe(3);
    expect(a.nps.score).toBe(0);
  });

  it('finds the last response by its time, not its position', () => {
    const a = aggregate(
      [
        response('new', {}, { at: '2026-11-24T09:00:00Z' }),
        response('old', {}, { at: '2026-01-01T09:00:00Z' }),
      ],
      DEFAULT_DEFINITION,
    );
    expect(a.last?.id).toBe('new');
  });

  it('rounds the CSAT output to two decimals', () => {
    const a = aggregate(
      [5, 4, 4].map((n, i) => response(`r${i}`, { csat: n })),
      DEFAULT_DEFINITION,
    );
    expect(surveyOutputs(a).csat).toBe(4.33);
  });
});

describe('survey aggregates (properties)', () => {
  it('keeps NPS within -100…100, CSAT within 1…5 and counts consistent for any answers', () => {
    const answer = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constant(null), fc.boolean(), fc.string());
    fc.assert(
      fc.property(fc.array(fc.record({ csat: answer, nps: answer }), { maxLength: 60 }), (answers) => {
        const a = aggregate(
          answers.map((ans, i) => response(`r${i}`, ans)),
          DEFAULT_DEFINITION,
        );
        expect(a.responseCount).toBe(answers.length);
        if (a.nps.score !== null) expect(Math.abs(a.nps.score)).toBeLessThanOrEqual(100);
        expect(a.nps.promoters + a.nps.passives + a.nps.detractors).toBe(a.nps.answered);
        if (a.csat.average !== null) {
          expect(a.csat.average).toBeGreaterThanOrEqual(1);
          expect(a.csat.average).toBeLessThanOrEqual(5);
        }
        const csat = a.perQuestion.get('csat')!;
        expect(csat.answered + csat.unrated).toBe(answers.length);
      }),
    );
  });
});
