/** Reads the responses documents of the configured table (paged FetchXML, modified in the period). */
import type { DataverseClient } from '../dataverse/dataverse-client';
import type { QueryScope } from '../dataverse/fetchxml';
import type { DateRange } from '../dataverse/fetchxml';
import type { SurveyConfig } from './survey-config';

export interface SurveyRows {
  documents: (string | null)[];
  truncated: boolean;
}

/**
 * A record holding a response recorded in the period was modified at or after the period's start,
 * so only `modifiedon >= start` narrows the query; the period's end is applied per response.
 */
export function surveyScope(base: QueryScope, config: SurveyConfig, period: DateRange): QueryScope {
  return {
    ...base,
    dateColumn: 'modifiedon',
    range: period.from === undefined ? {} : { from: period.from },
    required: [config.responses],
  };
}

export async function loadSurveyRows(
  config: SurveyConfig,
  client: DataverseClient,
  scope: QueryScope,
  onPage: (loaded: number) => void,
): Promise<SurveyRows> {
  const { rows, truncated } = await client.allRows(
    scope,
    [config.responses],
    5000,
    config.maxRecords,
    onPage,
  );
  return {
    documents: rows.map((row) => {
      const value = row[config.responses];
      return typeof value === 'string' ? value : null;
    }),
    truncated,
  };
}
