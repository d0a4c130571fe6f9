import { describe, expect, it } from 'vitest';
import {
  csatQuestion,
  DEFAULT_DEFINITION,
  localized,
  npsQuestion,
  parseDefinition,
} from '../../../src/widgets/survey/definition';
import { SurveyParseError } from '../../../src/widgets/survey/json';

function problemOf(text: string): unknown {
  try {
    parseDefinition(text);
  } catch (e) {
    if (e instanceof SurveyParseError) return e.problem;
    throw e;
  }
  return undefined;
}

describe('survey definition', () => {
  it.each([null, undefined, '', '   '])('uses CSAT stars and NPS when the definition is %j', (text) => {
    const d = parseDefinition(text);
    expect(d).toBe(DEFAULT_DEFINITION);
    expect(d.questions.map((q) => [q.id, q.type])).toEqual([
      ['csat', 'stars'],
      ['nps', 'nps'],
    ]);
  });

  it('reads every question type with texts per language', () => {
    const d = parseDefinition(
      JSON.stringify({
        baseLanguage: 1033,
        questions: [
          { id: 'q1', type: 'stars', text: { '1033': 'Overall', '1049': 'В целом' } },
          { id: 'q2', type: 'nps', text: 'Recommend?' },
          { id: 'q3', type: 'yesno', text: 'On time?' },
          {
            id: 'q4',
            type: 'choice',
            text: 'Topic',
            options: [{ id: 'a', text: { '1033': 'Price', '1026': 'Цена' } }],
          },
          { id: 'q5', type: 'text', text: 'Notes', maxLength: 120 },
        ],
      }),
    );
    expect(d.questions.map((q) => q.type)).toEqual(['stars', 'nps', 'yesno', 'choice', 'text']);
    expect(d.questions[4]?.maxLength).toBe(120);
    expect(d.questions[3]?.options[0]?.text['1026']).toBe('Цена');
  });

  it('falls back to the base language when the user language has no text', () => {
    const text = { '1033': 'Overall', '1049': 'В целом' };
    expect(localized(text, 1049, 1033)).toBe('В целом');
    expect(localized(text, 1026, 1033)).toBe('Overall');
    expect(localized({ '1058': 'Загалом' }, 1026, 1033)).toBe('Загалом');
  });

  it('takes the question marked as the CSAT or NPS metric over the first of its type', () => {
    const d = parseDefinition(
      JSON.stringify({
        questions: [
          { id: 'speed', type: 'stars', text: 'Speed' },
          { id: 'overall', type: 'stars', text: 'Overall', metric: 'csat' },
          { id: 'rec', type: 'nps', text: 'Recommend' },
        ],
      }),
    );
    expect(csatQuestion(d)?.id).toBe('overall');
    expect(npsQuestion(d)?.id).toBe('rec');
  });

  it.each([
    ['not JSON', '{questions:', { code: 'notJson', path: '' }],
    ['an array', '[]', { code: 'notObject', path: '' }],
    ['no questions', '{"questions":[]}', { code: 'field', path: 'questions' }],
    [
      'an unknown type',
      '{"questions":[{"id":"a","type":"slider","text":"x"}]}',
      { code: 'field', path: 'questions[0].type' },
    ],
    [
      'a repeated id',
      '{"questions":[{"id":"a","type":"nps","text":"x"},{"id":"a","type":"nps","text":"y"}]}',
      { code: 'duplicate', path: 'questions[1].id' },
    ],
    [
      'a choice without options',
      '{"questions":[{"id":"a","type":"choice","text":"x"}]}',
      { code: 'field', path: 'questions[0].options' },
    ],
    [
      'a text without language',
      '{"questions":[{"id":"a","type":"nps","text":{"en":"x"}}]}',
      { code: 'field', path: 'questions[0].text.en' },
    ],
    [
      'a CSAT metric on a yes/no',
      '{"questions":[{"id":"a","type":"yesno","text":"x","metric":"csat"}]}',
      { code: 'field', path: 'questions[0].metric' },
    ],
  ])('refuses a definition with %s, saying where', (_name, text, problem) => {
    expect(problemOf(text)).toEqual(problem);
  });
});
