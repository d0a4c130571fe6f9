/**
 * The table's views (`<SavedQueries>`): the three public views of issue 12 and the system views
 * every exported custom activity carries (quick find, lookup, associated, advanced find).
 */
import { escapeAttribute } from '../../xml/escape';
import type { LabelKey } from './labels';
import type { TableNames } from './names';
import { descriptions, localizedNames } from './xml-labels';

export interface ViewSpec {
  /** Part name for its id (`view:my`). */
  key: string;
  name: LabelKey;
  description?: LabelKey;
  /** 0 public, 1 advanced find, 2 associated, 4 quick find, 64 lookup. */
  querytype: 0 | 1 | 2 | 4 | 64;
  isdefault: boolean;
  columns: readonly string[];
  orders: ReadonlyArray<{ attribute: string; descending: boolean }>;
  /** Extra FetchXML filter lines inside `<entity>`. */
  filter?: (names: TableNames) => string[];
}

const WIDTHS: Readonly<Record<string, number>> = {
  subject: 300,
  regardingobjectid: 150,
  ownerid: 150,
  createdon: 125,
};
const NEWEST = [{ attribute: 'createdon', descending: true }] as const;

export function surveyViews(names: TableNames): ViewSpec[] {
  const c = names.column;
  const scores = [c('nps'), c('csat'), c('channel'), c('role')];
  const open = (): string[] => [
    '<filter type="and">',
    '  <condition attribute="statecode" operator="in">',
    '    <value>0</value>',
    '    <value>3</value>',
    '  </condition>',
    '</filter>',
  ];
  const short = ['subject', 'createdon'];
  return [
    {
      key: 'my',
      name: 'view.my',
      description: 'view.my.desc',
      querytype: 0,
      isdefault: true,
      columns: ['subject', ...scores, 'regardingobjectid', 'createdon'],
      orders: NEWEST,
      filter: () => [
        '<filter type="and">',
        '  <condition attribute="ownerid" operator="eq-userid" />',
        '</filter>',
      ],
    },
    {
      key: 'all',
      name: 'view.all',
      description: 'view.all.desc',
      querytype: 0,
      isdefault: false,
      columns: ['subject', ...scores, 'regardingobjectid', 'ownerid', 'createdon'],
      orders: NEWEST,
    },
    {
      key: 'byStaff',
      name: 'view.byStaff',
      description: 'view.byStaff.desc',
      querytype: 0,
      isdefault: false,
      columns: ['ownerid', ...scores, 'subject', 'regardingobjectid', 'createdon'],
      orders: [{ attribute: 'ownerid', descending: false }, ...NEWEST],
    },
    {
      key: 'quickFind',
      name: 'view.quickFind',
      querytype: 4,
      isdefault: true,
      columns: ['subject', c('respondent'), 'regardingobjectid', 'createdon'],
      orders: NEWEST,
      filter: () => [
        '<filter type="or" isquickfindfields="1">',
        '  <condition attribute="subject" operator="like" value="{0}" />',
        `  <condition attribute="${c('respondent')}" operator="like" value="{0}" />`,
        '</filter>',
      ],
    },
    {
      key: 'lookup',
      name: 'view.lookup',
      querytype: 64,
      isdefault: true,
      columns: short,
      orders: [],
      filter: open,
    },
    {
      key: 'associated',
      name: 'view.associated',
      querytype: 2,
      isdefault: true,
      columns: short,
      orders: NEWEST,
      filter: open,
    },
    {
      key: 'advancedFind',
      name: 'view.advancedFind',
      querytype: 1,
      isdefault: true,
      columns: short,
      orders: NEWEST,
    },
  ];
}

function viewLines(
  v: ViewSpec,
  id: string,
  names: TableNames,
  version: string,
  languages: readonly number[],
  i: string,
): string[] {
  const fetchIndent = `${i}        `;
  return [
    `${i}<savedquery>`,
    `${i}  <IsCustomizable>1</IsCustomizable>`,
    `${i}  <CanBeDeleted>${v.querytype === 0 && v.key !== 'my' ? 1 : 0}</CanBeDeleted>`,
    `${i}  <isquickfindquery>${v.querytype === 4 ? 1 : 0}</isquickfindquery>`,
    `${i}  <isprivate>0</isprivate>`,
    `${i}  <isdefault>${v.isdefault ? 1 : 0}</isdefault>`,
    `${i}  <savedqueryid>{${id}}</savedqueryid>`,
    `${i}  <layoutxml>`,
    `${i}    <grid name="resultset" jump="subject" select="1" icon="1" preview="1">`,
    `${i}      <row name="result" id="activityid">`,
    ...v.columns.map((col) => `${i}        <cell name="${col}" width="${WIDTHS[col] ?? 100}" />`),
    `${i}      </row>`,
    `${i}    </grid>`,
    `${i}  </layoutxml>`,
    `${i}  <querytype>${v.querytype}</querytype>`,
    `${i}  <fetchxml>`,
    `${i}    <fetch version="1.0" mapping="logical">`,
    `${i}      <entity name="${names.table}">`,
    ...['activityid', ...v.columns].map((a) => `${fetchIndent}<attribute name="${a}" />`),
    ...v.orders.map((o) => `${fetchIndent}<order attribute="${o.attribute}" descending="${o.descending}" />`),
    ...(v.filter?.(names) ?? []).map((l) => `${fetchIndent}${l}`),
    `${i}      </entity>`,
    `${i}    </fetch>`,
    `${i}  </fetchxml>`,
    `${i}  <IntroducedVersion>${escapeAttribute(version)}</IntroducedVersion>`,
    ...localizedNames(v.name, languages, `${i}  `),
    ...(v.description === undefined ? [] : descriptions(v.description, languages, `${i}  `)),
    `${i}</savedquery>`,
  ];
}

/** `<SavedQueries>` of the table; `idOf` gives each view's stable id from its key. */
export function savedQueriesLines(
  names: TableNames,
  version: string,
  languages: readonly number[],
  idOf: (key: string) => string,
  indent: string,
): string[] {
  return [
    `${indent}<SavedQueries>`,
    `${indent}  <savedqueries>`,
    ...surveyViews(names).flatMap((v) =>
      viewLines(v, idOf(v.key), names, version, languages, `${indent}    `),
    ),
    `${indent}  </savedqueries>`,
    `${indent}</SavedQueries>`,
  ];
}
