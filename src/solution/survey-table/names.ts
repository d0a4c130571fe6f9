/**
 * The names of the survey response table and its parts for a publisher prefix. Logical and schema
 * names are the same lower-case text, so Web API navigation properties (case-sensitive, named after
 * schema names) match what the control writes.
 */
export const TABLE_SUFFIX = 'surveyresponse';

/** The tables a response may be regarding: logical name and schema name as exports write them. */
export const REGARDING_TABLES = [
  { logical: 'account', schema: 'Account', objectTypeCode: 1 },
  { logical: 'contact', schema: 'Contact', objectTypeCode: 2 },
  { logical: 'opportunity', schema: 'Opportunity', objectTypeCode: 3 },
  { logical: 'incident', schema: 'Incident', objectTypeCode: 112 },
] as const;

export interface TableNames {
  prefix: string;
  /** `<prefix>_surveyresponse`: logical and schema name. */
  table: string;
  /** `<prefix>_surveyresponses`: the collection (schema) name and the Web API entity set. */
  collection: string;
  column: (suffix: string) => string;
  /** `<prefix>_surveyresponse_<prefix>_channel`: a local choice's option set name. */
  localOptionSet: (column: string) => string;
}

export function tableNames(prefix: string): TableNames {
  const table = `${prefix}_${TABLE_SUFFIX}`;
  return {
    prefix,
    table,
    collection: `${table}s`,
    column: (suffix) => `${prefix}_${suffix}`,
    localOptionSet: (column) => `${table}_${column}`,
  };
}

/** The table the survey control's `responseTable` input names in records mode. */
export function responseTableName(prefix: string): string {
  return tableNames(prefix).table;
}
