/**
 * The FetchXML aggregates of survey insights in records mode: each query groups the response
 * table's rows and returns counts, the CSAT sum and how many responses rated CSAT, never a row.
 * `months` groups by the year and month of `createdon` (in the user's time zone, Dataverse's
 * default for `dategrouping`), NPS and CSAT; `staff` by who recorded (or owns) a response and NPS;
 * `groups` by channel, role and NPS.
 */
import { element, scopeXml, type QueryScope } from '../dataverse/fetchxml';

/** The response table's columns and which lookup names the staff member. */
export interface ResponseColumns {
  nps: string;
  csat: string;
  channel: string;
  role: string;
  staff: 'createdby' | 'ownerid';
}

/** The columns of a response table `<prefix>_…`: `<prefix>_nps`, `<prefix>_csat`, `<prefix>_channel`, `<prefix>_role`. */
export function responseColumns(table: string, staff: ResponseColumns['staff']): ResponseColumns {
  const prefix = table.split('_')[0]!;
  const column = (name: string): string => `${prefix}_${name}`;
  return {
    nps: column('nps'),
    csat: column('csat'),
    channel: column('channel'),
    role: column('role'),
    staff,
  };
}

export const responseAliases = {
  year: 'grp_year',
  month: 'grp_month',
  staff: 'grp_staff',
  channel: 'grp_channel',
  role: 'grp_role',
  nps: 'grp_nps',
  csat: 'grp_csat',
  count: 'agg_count',
  csatSum: 'agg_csatsum',
  csatCount: 'agg_csatcount',
} as const;

export type ResponseQuery = 'months' | 'staff' | 'groups';

type Group = [keyof typeof responseAliases, string, string?];

const groupsOf: Readonly<Record<ResponseQuery, (c: ResponseColumns) => Group[]>> = {
  months: (c) => [
    ['year', 'createdon', 'year'],
    ['month', 'createdon', 'month'],
    ['nps', c.nps],
    ['csat', c.csat],
  ],
  staff: (c) => [
    ['staff', c.staff],
    ['nps', c.nps],
  ],
  groups: (c) => [
    ['channel', c.channel],
    ['role', c.role],
    ['nps', c.nps],
  ],
};

/** One aggregate over the scope; page 2 and later of a result with more than 5,000 groups. */
export function responsesAggregateFetch(
  scope: QueryScope,
  columns: ResponseColumns,
  query: ResponseQuery,
  page = 1,
): string {
  const a = responseAliases;
  const attribute = (name: string, alias: string, more: Record<string, string | undefined>): string =>
    element('attribute', { name, alias, ...more });
  const inner =
    groupsOf[query](columns)
      .map(([key, name, dategrouping]) => attribute(name, a[key], { groupby: 'true', dategrouping }))
      .join('') +
    attribute('activityid', a.count, { aggregate: 'count' }) +
    attribute(columns.csat, a.csatSum, { aggregate: 'sum' }) +
    attribute(columns.csat, a.csatCount, { aggregate: 'countcolumn' }) +
    scopeXml(scope);
  const paging = page > 1 ? { page: String(page), count: '5000' } : {};
  return element('fetch', { aggregate: 'true', ...paging }, element('entity', { name: scope.table }, inner));
}
