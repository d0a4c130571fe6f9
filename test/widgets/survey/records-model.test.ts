import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITION, parseDefinition } from '../../../src/widgets/survey/definition';
import { draftFor } from '../../../src/widgets/survey/draft';
import * as m from '../../../src/widgets/survey/records-model';
import { faultOf } from '../../../src/widgets/survey/records-sync';

const s = m.recordsSchema('Crmkit_SurveyResponse')!;

describe('records mode model', () => {
  it('names the columns after the table prefix, lower case', () => {
    expect(s).toEqual({
      table: 'crmkit_surveyresponse',
      nps: 'crmkit_nps',
      csat: 'crmkit_csat',
      channel: 'crmkit_channel',
      role: 'crmkit_role',
      respondent: 'crmkit_respondent',
      answers: 'crmkit_answers',
      definitionVersion: 'crmkit_definitionversion',
    });
  });

  it.each(['', 'surveyresponse', 'crmkit surveyresponse', '_x', 'crmkit_survey;drop', '1x_y'])(
    'refuses %j as a table name',
    (name) => expect(m.recordsSchema(name)).toBeUndefined(),
  );

  it.each([
    ['account', 'accounts'],
    ['opportunity', 'opportunities'],
    ['incident', 'incidents'],
    ['contact', 'contacts'],
    ['crmkit_address', 'crmkit_addresses'],
    ['crmkit_survey', 'crmkit_surveys'],
  ])('gives %s the default entity set %s', (entity, set) => expect(m.defaultEntitySet(entity)).toBe(set));

  it('binds regarding through the single-valued navigation property of the activity', () => {
    expect(m.regardingBinding(s, 'opportunity', 'opportunities', 'abc')).toEqual({
      'regardingobjectid_opportunity_crmkit_surveyresponse@odata.bind': '/opportunities(abc)',
    });
  });

  it('reads a row as a response: scores from their columns, other answers from the JSON, author from createdby', () => {
    const read = m.responseOfRow(
      s,
      parseDefinition(
        '{"questions":[{"id":"n","type":"nps","text":"N"},{"id":"q","type":"yesno","text":"Q"}]}',
      ),
      {
        activityid: 'a1',
        crmkit_nps: 9,
        crmkit_csat: 4,
        crmkit_channel: 275680001,
        crmkit_role: null,
        crmkit_respondent: 'Anna',
        crmkit_answers: '{"q":true,"n":2}',
        description: 'ok',
        createdon: '2026-11-02T09:00:00Z',
        modifiedon: '2026-11-03T09:00:00Z',
        _createdby_value: '0000000A-0000-0000-0000-0000000000A1',
      },
    );
    expect(read).toEqual({
      response: {
        id: 'a1',
        respondent: 'Anna',
        role: '',
        channel: '275680001',
        at: '2026-11-02T09:00:00Z',
        updatedAt: '2026-11-03T09:00:00Z',
        authorId: '0000000a-0000-0000-0000-0000000000a1',
        answers: { q: true, n: 9 },
        comment: 'ok',
        extra: {},
      },
    });
  });

  it.each(['{"q":', '[1,2]', '"text"', 'null'])(
    'keeps answers %j that are no JSON object as raw text',
    (raw) => {
      const read = m.responseOfRow(s, DEFAULT_DEFINITION, {
        activityid: 'a',
        crmkit_answers: raw,
        crmkit_nps: 7,
      });
      expect(read.rawAnswers).toBe(raw);
      expect(read.response.answers).toEqual({ nps: 7 });
    },
  );

  it('writes a draft: scores in their columns, other answers as JSON, no createdby or owner', () => {
    const def = parseDefinition(
      '{"questions":[{"id":"nps","type":"nps","text":"N"},{"id":"stars","type":"stars","text":"S"},{"id":"q","type":"text","text":"Q"}]}',
    );
    const draft = draftFor(undefined, 'Anna Ivanova');
    draft.answers.set('nps', 9).set('stars', 4).set('q', 'Fine');
    draft.channel = '275680000';
    const subject = m.subjectOf(def, draft, (k) => k.toUpperCase(), 'Phone');
    expect(subject).toBe('NPS 9 · CSAT 4 · Phone · Anna Ivanova');
    expect(m.rowOfDraft(s, def, draft, subject, 'builtin')).toEqual({
      subject,
      crmkit_nps: 9,
      crmkit_csat: 4,
      crmkit_channel: 275680000,
      crmkit_role: null,
      crmkit_respondent: 'Anna Ivanova',
      crmkit_answers: '{"q":"Fine"}',
      description: '',
      crmkit_definitionversion: 'builtin',
    });
  });

  it('names a definition by a stable hash, the standard one "builtin"', () => {
    expect(m.definitionVersion(null)).toBe('builtin');
    expect(m.definitionVersion(' ')).toBe('builtin');
    expect(m.definitionVersion('{"questions":[]}')).toBe(m.definitionVersion('{"questions":[]}'));
    expect(m.definitionVersion('{"questions":[]}')).not.toBe(m.definitionVersion('{"questions":[1]}'));
  });

  it('computes the summary outputs over the scores of all rows', () => {
    const rows = [9, 10, 3, null].map((nps, i) => ({
      activityid: `a${i}`,
      crmkit_nps: nps,
      crmkit_csat: i + 1,
    }));
    expect(m.recordsOutputs(s, DEFAULT_DEFINITION, rows)).toEqual({ nps: 33, csat: 2.5, responseCount: 4 });
  });

  it('reads the next page from the query part of a nextLink', () => {
    expect(m.nextPageQuery('https://x/api/data/v9.2/a?$select=b&$skiptoken=c')).toBe(
      '?$select=b&$skiptoken=c',
    );
  });

  it.each([
    [
      {
        errorCode: 0x80040220,
        message: 'Principal user (Id=1) is missing prvAppendToAccount privilege (Id=2)',
      },
      'create',
      { kind: 'privilege', action: 'create', privilege: 'prvAppendToAccount' },
    ],
    [
      { errorCode: 0x80048306, message: 'SecLib::AccessCheckEx failed … AccessRights: WriteAccess' },
      'write',
      { kind: 'privilege', action: 'write', privilege: 'prvWriteActivity' },
    ],
    [{ errorCode: -2147220969, message: 'Does Not Exist' }, 'delete', { kind: 'gone' }],
    [{ error: { code: '0x80040217' } }, 'write', { kind: 'gone' }],
    [new TypeError('Failed to fetch'), 'read', { kind: 'unavailable' }],
    [{ errorCode: 0x80072322, message: 'throttled' }, 'read', { kind: 'unavailable' }],
  ] as const)('tells %j on %s as %j', (error, action, fault) =>
    expect(faultOf(error, action)).toEqual(fault),
  );
});
