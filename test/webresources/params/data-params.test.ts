import { describe, expect, it } from 'vitest';
import { ConfigError, ParamReader, readDataParameter } from '../../../src/webresources/params/data-params';
import { parseClientConfig } from '../../../src/webresources/params/client-config';
import { readFunnelConfig } from '../../../src/webresources/pipeline-funnel/funnel-config';
import { readSurveyConfig } from '../../../src/webresources/survey-insights/survey-config';

const search = (data: string): string => `?data=${encodeURIComponent(data)}&orglcid=1033`;
const noConfig = parseClientConfig('{}');

function problemsOf(fn: () => unknown): { param: string; key: string }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map(({ param, key }) => ({ param, key }));
    throw e;
  }
  return [];
}

describe('the data parameter', () => {
  it('reads the query-string form Dynamics passes', () => {
    const { values } = readDataParameter(search('table=opportunity&segment=customertypecode'));
    expect([...values]).toEqual([
      ['table', 'opportunity'],
      ['segment', 'customertypecode'],
    ]);
  });

  it('reads a JSON object, lists included', () => {
    const { values } = readDataParameter(
      search('{"table":"opportunity","stageOrder":["Qualify","Develop"]}'),
    );
    expect(values.get('stageOrder')).toBe('Qualify,Develop');
  });

  it('gives the defaults of the pipeline funnel when there is no data parameter', () => {
    expect(readFunnelConfig('', noConfig)).toEqual({
      table: 'opportunity',
      stage: 'salesstage',
      amount: 'estimatedvalue',
      name: 'name',
      stageOrder: [],
      filter: { kind: 'open' },
      period: { kind: 'all' },
      mode: 'snapshot',
      metric: 'count',
    });
  });

  it.each([
    ['stage=sales stage', 'stage', 'param.notName'],
    ['stage=salesstage"/><condition attribute="x', 'stage', 'param.notName'],
    ['table=opportunity;drop', 'table', 'param.notName'],
    ['segment=a b', 'segment', 'param.notSegment'],
    ['segment=parentaccountid.territoryid.name', 'segment', 'param.notSegment'],
    ['segment=parentaccountid.', 'segment', 'param.notSegment'],
    ['table=account&segment=product', 'segment', 'param.productTable'],
    ['filter=view:1234', 'filter', 'param.notFilter'],
    ['filter=closed', 'filter', 'param.notFilter'],
    ['period=last year', 'period', 'param.notPeriod'],
    ['period=2025-02-30..2025-03-01', 'period', 'param.notPeriod'],
    ['period=2025-06-01..2025-01-01', 'period', 'param.notPeriod'],
    ['mode=cumulative', 'mode', 'param.notChoice'],
    ['currency=euro', 'currency', 'param.notCurrency'],
    ['colour=red', 'colour', 'param.unknown'],
    ['table=a&table=b', 'table', 'param.twice'],
    ['{"table": {"x": 1}}', 'table', 'param.notText'],
    ['{not json', 'data', 'param.notJson'],
  ])('refuses %s and names the parameter', (data, param, key) => {
    expect(problemsOf(() => readFunnelConfig(search(data), noConfig))).toContainEqual({ param, key });
  });

  it('collects every problem rather than stopping at the first', () => {
    expect(
      problemsOf(() => readFunnelConfig(search('stage=a-b&colour=red&period=x'), noConfig)),
    ).toHaveLength(3);
  });

  it('accepts a saved view id with or without braces and lower-cases logical names', () => {
    const c = readFunnelConfig(
      search('filter={AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}&stage=SalesStage&amount=none'),
      noConfig,
    );
    expect(c.filter).toEqual({ kind: 'view', viewId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
    expect(c.stage).toBe('salesstage');
    expect(c.amount).toBeUndefined();
  });

  it('requires the table and the responses column on the survey page', () => {
    expect(problemsOf(() => readSurveyConfig('', noConfig))).toEqual([
      { param: 'table', key: 'param.required' },
      { param: 'responses', key: 'param.required' },
    ]);
  });
});

describe('config.json under the data parameter', () => {
  const client = parseClientConfig(
    JSON.stringify({
      version: 1,
      funnel: {
        segment: 'crmkit_segment',
        stageOrder: ['Qualify', 'Develop'],
        currency: 'EUR',
        future: true,
      },
      survey: {
        table: 'account',
        responses: 'crmkit_responses',
        definition: { questions: [{ id: 'q', type: 'nps', text: 'NPS?' }] },
      },
    }),
  );

  it('fills what the data parameter leaves out and ignores fields it does not know', () => {
    const c = readFunnelConfig(search('segment=none'), client);
    expect(c.segment).toBeUndefined();
    expect(c.stageOrder).toEqual(['Qualify', 'Develop']);
    expect(c.currency).toBe('EUR');
  });

  it('gives the survey page its table, column and definition', () => {
    const c = readSurveyConfig('', client);
    expect([c.table, c.responses, c.definition.questions[0]!.type]).toEqual([
      'account',
      'crmkit_responses',
      'nps',
    ]);
  });

  it('locates a bad value in config.json rather than in the data parameter', () => {
    const bad = parseClientConfig('{"funnel":{"stage":"no good"}}');
    expect(problemsOf(() => readFunnelConfig('', bad))).toEqual([
      { param: 'config.json › funnel.stage', key: 'param.notName' },
    ]);
  });

  it('refuses a config.json that is not JSON, naming the file', () => {
    expect(problemsOf(() => parseClientConfig('{oops'))).toEqual([
      { param: 'config.json', key: 'param.notJson' },
    ]);
  });

  it('refuses a survey definition the survey model cannot read', () => {
    const bad = parseClientConfig(
      '{"survey":{"table":"account","responses":"r","definition":{"questions":[]}}}',
    );
    expect(problemsOf(() => readSurveyConfig('', bad))).toEqual([
      { param: 'config.json › survey.definition', key: 'param.notDefinition' },
    ]);
  });
});

describe('ParamReader', () => {
  it('refuses values longer than the limit', () => {
    const r = new ParamReader(new Map([['title', 'x'.repeat(3000)]]));
    r.text('title');
    expect(() => r.finish()).toThrow(ConfigError);
  });
});
