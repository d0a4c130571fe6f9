/** The survey insights page's configuration: `data` parameter over config.json over defaults. */
import { parseDefinition, type SurveyDefinition } from '../../widgets/survey/definition';
import { SurveyParseError } from '../../widgets/survey/json';
import type { ClientConfig } from '../params/client-config';
import { ConfigError, ParamReader, readDataParameter, type RecordFilter } from '../params/data-params';
import type { PeriodSpec } from '../params/period';
import { responseColumns, type ResponseColumns } from './records-fetch';

export interface SurveyConfig {
  title?: string;
  table: string;
  /** The multiple-lines column holding the survey control's responses document. */
  responses: string;
  filter: RecordFilter;
  period: PeriodSpec;
  /** At most this many records are read (the responses documents are downloaded). */
  maxRecords: number;
  definition: SurveyDefinition;
}

export const defaultMaxRecords = 20_000;

/** Records mode: the survey response activity table, read through aggregates only. */
export interface RecordsConfig {
  title?: string;
  /** The response table (`<prefix>_surveyresponse`): the scope's table. */
  table: string;
  columns: ResponseColumns;
  filter: RecordFilter;
  period: PeriodSpec;
  /** Staff with fewer responses are listed but not ranked. */
  minResponses: number;
}

function definitionOf(client: ClientConfig): SurveyDefinition {
  if (client.surveyDefinition === undefined) return parseDefinition(undefined);
  try {
    return parseDefinition(JSON.stringify(client.surveyDefinition));
  } catch (e) {
    if (!(e instanceof SurveyParseError)) throw e;
    throw new ConfigError([
      {
        param: 'config.json › survey.definition',
        key: 'param.notDefinition',
        values: { path: e.problem.path },
      },
    ]);
  }
}

export function readSurveyConfig(search: string, client: ClientConfig): SurveyConfig {
  const { values, problems } = readDataParameter(search);
  const r = new ParamReader(values, problems, client.survey, 'config.json › survey.');
  const table = r.name('table');
  const responses = r.name('responses');
  const filter = r.filter('filter', { kind: 'all' });
  const period = r.period('period', { kind: 'months', count: 12 });
  const max = r.choice('maxRecords', ['5000', '10000', '20000', '50000'] as const, '20000');
  const title = r.text('title');
  // `responseTable=none` keeps column mode (readRecordsConfig reads any other value).
  r.optionalName('responseTable');
  r.finish();
  const config: SurveyConfig = {
    table: table!,
    responses: responses!,
    filter,
    period,
    maxRecords: Number(max),
    definition: definitionOf(client),
  };
  if (title !== undefined) config.title = title;
  return config;
}

/**
 * The records-mode configuration when `responseTable` is given (in the data parameter or
 * config.json, and not `none`); undefined for column mode. Its columns are `<prefix>_nps`,
 * `<prefix>_csat`, `<prefix>_channel` and `<prefix>_role`, the prefix being the table's.
 */
export function readRecordsConfig(search: string, client: ClientConfig): RecordsConfig | undefined {
  const { values, problems } = readDataParameter(search);
  const given = (values.get('responseTable') ?? client.survey.get('responseTable'))?.trim().toLowerCase();
  if (given === undefined || given === '' || given === 'none') return undefined;
  const r = new ParamReader(values, problems, client.survey, 'config.json › survey.');
  const table = r.customName('responseTable') ?? '';
  const staff = r.choice('staff', ['createdby', 'ownerid'] as const, 'createdby');
  const config: RecordsConfig = {
    table,
    columns: responseColumns(table, staff),
    filter: r.filter('filter', { kind: 'all' }),
    period: r.period('period', { kind: 'months', count: 12 }),
    minResponses: r.count('minResponses', 5, 1, 100_000),
  };
  const title = r.text('title');
  r.finish();
  if (title !== undefined) config.title = title;
  return config;
}
