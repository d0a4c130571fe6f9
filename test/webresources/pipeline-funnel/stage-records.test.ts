// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../src/webresources/page/catalogue';
import type { QueryScope } from '../../../src/webresources/dataverse/fetchxml';
import {
  mapStageRecords,
  stageRecordsFetch,
  stageRecordsLimit,
  type StageRecordsQuery,
} from '../../../src/webresources/pipeline-funnel/stage-records';
import { renderStageRecords } from '../../../src/webresources/pipeline-funnel/stage-records-view';
import { createFormats } from '../../../src/widgets/shared/i18n';
import { readFunnelConfig } from '../../../src/webresources/pipeline-funnel/funnel-config';
import { stageQuery } from '../../../src/webresources/pipeline-funnel/funnel-page';
import { computeFunnel } from '../../../src/widgets/funnel/model';
import type { Funnel, StageAggregate } from '../../../src/widgets/funnel/types';
import type { StageAction } from '../../../src/widgets/funnel/view';

const F = '@OData.Community.Display.V1.FormattedValue';
const scope: QueryScope = { table: 'opportunity', state: 'open', dateColumn: 'createdon', range: {} };
const query: StageRecordsQuery = {
  scope,
  stage: 'salesstage',
  stageKeys: ['2'],
  name: 'name',
  amount: 'estimatedvalue',
  owner: 'ownerid',
};

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe("a stage's records (drill-down query)", () => {
  it('asks for the first 50 records of the stage in the page scope, largest amount first, no aggregate', () => {
    const doc = parse(stageRecordsFetch(query));
    const fetch = doc.documentElement;
    expect(fetch.getAttribute('top')).toBe(String(stageRecordsLimit));
    expect(fetch.hasAttribute('aggregate')).toBe(false);
    const attrs = Array.from(doc.getElementsByTagName('attribute'), (a) => a.getAttribute('name'));
    expect(attrs).toEqual(['opportunityid', 'name', 'estimatedvalue', 'ownerid']);
    const order = doc.getElementsByTagName('order')[0]!;
    expect([order.getAttribute('attribute'), order.getAttribute('descending')]).toEqual([
      'estimatedvalue',
      'true',
    ]);
    const conditions = Array.from(doc.getElementsByTagName('condition'), (c) =>
      [c.getAttribute('attribute'), c.getAttribute('operator'), c.getAttribute('value')].join(' '),
    );
    expect(conditions).toEqual(['salesstage eq 2', 'statecode eq 0']);
  });

  it('asks for that stage and every later one in reached mode, and for the chosen segment', () => {
    const doc = parse(
      stageRecordsFetch({
        ...query,
        stageKeys: ['1', '2', '3'],
        segment: { column: 'crmkit_segment', key: '3' },
      }),
    );
    const inCondition = Array.from(doc.getElementsByTagName('condition')).find(
      (c) => c.getAttribute('operator') === 'in',
    )!;
    expect(Array.from(inCondition.getElementsByTagName('value'), (v) => v.textContent)).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(doc.querySelector('condition[attribute="crmkit_segment"]')?.getAttribute('value')).toBe('3');
  });

  it.each([
    ['a value', ['x" operator="null"/><condition attribute="statecode']],
    [
      'a list of values',
      ['Won</value></condition></filter><filter><condition attribute="a" operator="null"/>', "O'Neil & <Co>"],
    ],
  ])('keeps stage keys that look like FetchXML as values in %s, never as query text', (_what, keys) => {
    const doc = parse(stageRecordsFetch({ ...query, stageKeys: keys }));
    const values =
      keys.length === 1
        ? [doc.querySelector('condition[attribute="salesstage"]')?.getAttribute('value')]
        : Array.from(doc.getElementsByTagName('value'), (v) => v.textContent);
    expect(values).toEqual(keys);
    expect(doc.getElementsByTagName('filter')).toHaveLength(2);
  });

  it('orders by name when there is no amount, and reads names, formatted amounts and lookup owners', () => {
    const doc = parse(stageRecordsFetch({ ...query, amount: undefined }));
    expect(doc.getElementsByTagName('order')[0]!.getAttribute('attribute')).toBe('name');
    const rows = [
      {
        opportunityid: 'a1',
        name: 'Big deal',
        estimatedvalue: 5000,
        [`estimatedvalue${F}`]: '€5,000.00',
        _ownerid_value: 'u1',
        [`_ownerid_value${F}`]: 'Анна Петрова',
      },
      { opportunityid: 'a2', name: null, estimatedvalue: 12.5 },
      { name: 'no id: left out' },
    ];
    expect(mapStageRecords(rows, query)).toEqual([
      { id: 'a1', name: 'Big deal', amount: '€5,000.00', owner: 'Анна Петрова' },
      { id: 'a2', name: '', amount: 12.5, owner: null },
    ]);
  });
});

describe("the stage's record list under the funnel", () => {
  const t = translatorFor(1049, 'dashboard');
  const formats = createFormats(1049);

  it('shows names as text and opens a record through Xrm.Navigation.openForm, in Russian', () => {
    const host = document.createElement('section');
    document.body.append(host);
    const opened: { entityName: string; entityId: string }[] = [];
    renderStageRecords(
      host,
      {
        t,
        formats,
        table: 'opportunity',
        withAmount: true,
        withOwner: true,
        navigation: {
          openForm: (o) => {
            opened.push({ entityName: o.entityName, entityId: o.entityId });
            return Promise.resolve(undefined);
          },
        },
      },
      {
        state: 'ready',
        stage: 'Предложение',
        count: 120,
        records: [
          { id: 'id-1', name: '<img src=x onerror=alert(1)>', amount: 1500, owner: 'John Smith' },
          { id: 'id-2', name: '', amount: null, owner: null },
        ],
      },
    );
    expect(host.querySelector('h2')?.textContent).toBe('Записи этапа «Предложение»');
    expect(host.querySelector('img')).toBeNull();
    const links = host.querySelectorAll('a');
    expect(links[0]?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(links[1]?.textContent).toBe('(без названия)');
    expect(host.querySelector('tbody td.is-number')?.textContent).toBe(formats.number(1500));
    expect(host.textContent).toContain('Первые 2 из 120');
    links[0]!.click();
    expect(opened).toEqual([{ entityName: 'opportunity', entityId: 'id-1' }]);
    host.remove();
  });

  it.each([
    ['loading', { state: 'loading', stage: 'Close' }, 'status', 'Загрузка записей этапа «Close»…'],
    [
      'empty',
      { state: 'ready', stage: 'Close', count: 0, records: [] },
      'status',
      'На этом этапе нет записей.',
    ],
    ['failed', { state: 'error', stage: 'Close', message: 'Нет доступа' }, 'alert', 'Нет доступа'],
  ] as const)('says so when the list is %s, with no table', (_what, state, role, text) => {
    const host = document.createElement('section');
    renderStageRecords(host, { t, formats, table: 'opportunity', withAmount: true, withOwner: false }, state);
    expect(host.querySelector(`[role="${role}"]`)?.textContent).toBe(text);
    expect(host.querySelector('table')).toBeNull();
    expect(host.getAttribute('aria-busy')).toBe(String(state.state === 'loading'));
  });

  it('links to the record URL when the page runs on its own, without Xrm.Navigation', () => {
    const host = document.createElement('section');
    renderStageRecords(
      host,
      {
        t,
        formats,
        table: 'opportunity',
        withAmount: false,
        withOwner: false,
        clientUrl: 'https://org.crm4.dynamics.com/',
      },
      {
        state: 'ready',
        stage: 'X',
        count: 1,
        records: [{ id: 'id-9', name: 'Deal', amount: null, owner: null }],
      },
    );
    expect(host.querySelector('a')?.getAttribute('href')).toBe(
      'https://org.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=id-9',
    );
    expect(host.querySelectorAll('th')).toHaveLength(1);
  });
});

describe('which records a clicked stage lists', () => {
  const rows: StageAggregate[] = [
    {
      stage: { key: '0', label: 'Qualify', rank: 0 },
      segment: { key: '1', label: 'Enterprise' },
      count: 5,
      amount: 10,
    },
    {
      stage: { key: '1', label: 'Develop', rank: 1 },
      segment: { key: '1', label: 'Enterprise' },
      count: 3,
      amount: 10,
    },
    {
      stage: { key: '3', label: 'Close', rank: 3 },
      segment: { key: '2', label: 'SMB' },
      count: 1,
      amount: 10,
    },
  ];
  const config = readFunnelConfig('?data=' + encodeURIComponent('segment=crmkit_segment&owner=ownerid'), {
    funnel: new Map(),
    survey: new Map(),
  });
  /** The choice's options: Propose (2) has no records. */
  const knownStages = ['Qualify', 'Develop', 'Propose', 'Close'].map((label, rank) => ({
    key: String(rank),
    label,
    rank,
  }));
  const action = (funnel: Funnel, stageIndex: number, segmentKey: string | null = null): StageAction => ({
    stage: funnel.stages[stageIndex]!,
    stageIndex,
    segmentKey,
    recordIds: [],
  });

  it('asks for the stage itself in snapshot mode, within the chosen segment', () => {
    const funnel = computeFunnel({ kind: 'aggregates', rows });
    const q = stageQuery(config, scope, funnel, action(funnel, 1, '1'))!;
    expect(q.stageKeys).toEqual(['1']);
    expect(q.segment).toEqual({ column: 'crmkit_segment', key: '1' });
    expect([q.name, q.amount, q.owner]).toEqual(['name', 'estimatedvalue', 'ownerid']);
  });

  it('asks for the stage and every later one in reached mode, leaving out stages only listed in stageOrder', () => {
    const reached = {
      ...config,
      mode: 'reached' as const,
      stageOrder: ['Qualify', 'Develop', 'Propose', 'Close'],
    };
    const funnel = computeFunnel(
      { kind: 'aggregates', rows },
      { mode: 'reached', stageOrder: reached.stageOrder.join('\n'), knownStages },
    );
    expect(funnel.stages.map((s) => s.label)).toEqual(['Qualify', 'Develop', 'Propose', 'Close']);
    expect(stageQuery(reached, scope, funnel, action(funnel, 1))!.stageKeys).toEqual(['1', '3']);
    expect(stageQuery(reached, scope, funnel, action(funnel, 1))!.segment).toBeUndefined();
  });

  it('asks nothing for a stage only listed in stageOrder (it has no records)', () => {
    const listed = { ...config, stageOrder: ['Qualify', 'Develop', 'Propose', 'Close'] };
    const funnel = computeFunnel(
      { kind: 'aggregates', rows },
      {
        stageOrder: listed.stageOrder.join('\n'),
        knownStages,
      },
    );
    expect(funnel.stages[2]!.listedOnly).toBe(true);
    expect(stageQuery(listed, scope, funnel, action(funnel, 2))).toBeUndefined();
  });
});
