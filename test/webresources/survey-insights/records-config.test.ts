import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/webresources/params/data-params';
import { parseClientConfig } from '../../../src/webresources/params/client-config';
import { readRecordsConfig, readSurveyConfig } from '../../../src/webresources/survey-insights/survey-config';

const search = (data: string): string => `?data=${encodeURIComponent(data)}`;
const noConfig = parseClientConfig('{}');

function problemsOf(fn: () => unknown): { param: string; key: string; values: Record<string, string> }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map(({ param, key, values }) => ({ param, key, values }));
    throw e;
  }
  return [];
}

describe('the survey page in records mode', () => {
  it('stays in column mode without a response table, or with responseTable=none', () => {
    expect(
      readRecordsConfig(search('table=account&responses=crmkit_surveyresponses'), noConfig),
    ).toBeUndefined();
    const data = search('table=account&responses=crmkit_surveyresponses&responseTable=none');
    expect(readRecordsConfig(data, noConfig)).toBeUndefined();
    expect(readSurveyConfig(data, noConfig).table).toBe('account');
  });

  it("takes the columns from the table's prefix, with the defaults for everything else", () => {
    expect(readRecordsConfig(search('responseTable=Contoso_SurveyResponse'), noConfig)).toEqual({
      table: 'contoso_surveyresponse',
      columns: {
        nps: 'contoso_nps',
        csat: 'contoso_csat',
        channel: 'contoso_channel',
        role: 'contoso_role',
        staff: 'createdby',
      },
      filter: { kind: 'all' },
      period: { kind: 'months', count: 12 },
      minResponses: 5,
    });
  });

  it('reads the staff lookup, the minimum, the filter and the period; config.json may name the table', () => {
    const client = parseClientConfig(
      '{"survey":{"table":"account","responses":"crmkit_surveyresponses","responseTable":"crmkit_surveyresponse"}}',
    );
    const c = readRecordsConfig(
      search('staff=ownerid&minResponses=12&filter=open&period=ytd&title=Q'),
      client,
    );
    expect(c).toMatchObject({
      table: 'crmkit_surveyresponse',
      columns: { staff: 'ownerid' },
      minResponses: 12,
      filter: { kind: 'open' },
      period: { kind: 'ytd' },
      title: 'Q',
    });
  });

  it.each([
    ['responseTable=surveyresponse', 'responseTable', 'param.notCustom'],
    ['responseTable=crmkit_survey"/><x', 'responseTable', 'param.notName'],
    ['responseTable=crmkit_surveyresponse&staff=manager', 'staff', 'param.notChoice'],
    ['responseTable=crmkit_surveyresponse&minResponses=0', 'minResponses', 'param.notCount'],
    ['responseTable=crmkit_surveyresponse&minResponses=2.5', 'minResponses', 'param.notCount'],
    ['responseTable=crmkit_surveyresponse&minResponses=five', 'minResponses', 'param.notCount'],
    ['responseTable=crmkit_surveyresponse&responses=crmkit_surveyresponses', 'responses', 'param.unknown'],
  ])('refuses %s, naming %s', (data, param, key) => {
    expect(problemsOf(() => readRecordsConfig(search(data), noConfig)).map((p) => [p.param, p.key])).toEqual([
      [param, key],
    ]);
  });

  it('says which whole numbers the minimum accepts', () => {
    expect(
      problemsOf(() => readRecordsConfig(search('responseTable=a_b&minResponses=-3'), noConfig)),
    ).toEqual([
      { param: 'minResponses', key: 'param.notCount', values: { value: '-3', min: '1', max: '100000' } },
    ]);
  });
});
