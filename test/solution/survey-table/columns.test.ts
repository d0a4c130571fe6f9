import { describe, expect, it } from 'vitest';
import { ADVANCED_FORM_GRID, type ColumnSpec } from '../../../src/solution/survey-table/column-spec';
import { choiceValue, customColumns } from '../../../src/solution/survey-table/custom-columns';
import { TABLE_LABELS } from '../../../src/solution/survey-table/labels';
import { tableNames } from '../../../src/solution/survey-table/names';
import { SYSTEM_COLUMNS } from '../../../src/solution/survey-table/system-columns';

const columns = new Map(customColumns(tableNames('cnt'), 27568).map((c) => [c.physical, c]));
const column = (name: string): ColumnSpec => {
  const c = columns.get(name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
};

describe('the survey response columns', () => {
  it.each([
    ['cnt_nps', 'int', { min: 0, max: 10, format: 'none' }],
    ['cnt_csat', 'int', { min: 1, max: 5, format: 'none' }],
    ['cnt_channel', 'picklist', { appDefault: -1 }],
    ['cnt_role', 'picklist', { appDefault: -1 }],
    ['cnt_respondent', 'nvarchar', { format: 'text', maxLength: 200, length: 400 }],
    ['cnt_contactid', 'lookup', { lookupStyle: 'single', lookupTypes: [2] }],
    ['cnt_answers', 'ntext', { format: 'text', maxLength: 1048576 }],
    ['cnt_definitionversion', 'nvarchar', { format: 'text', maxLength: 100 }],
  ] as const)('maps %s to a %s column with its facets', (name, type, facets) => {
    const c = column(name);
    expect(c).toMatchObject({
      type,
      custom: true,
      api: 'cru',
      required: 'none',
      mask: ADVANCED_FORM_GRID,
      ...facets,
    });
    expect(c.label).toBe(`col.${name.slice(4)}`);
  });

  it('has exactly the eight custom columns of issue 12', () => {
    expect([...columns.keys()].sort()).toEqual(
      ['answers', 'channel', 'contactid', 'csat', 'definitionversion', 'nps', 'respondent', 'role'].map(
        (s) => `cnt_${s}`,
      ),
    );
  });

  it.each([
    ['cnt_channel', ['Phone', 'Visit', 'E-mail', 'Meeting', 'Other']],
    ['cnt_role', ['Sales', 'Service', 'Delivery', 'Other']],
  ] as const)("numbers %s's choices from the publisher's option value prefix, in order", (name, english) => {
    const items = column(name).options?.items ?? [];
    expect(items.map((i) => i.value)).toEqual(english.map((_, i) => 275680000 + i));
    expect(items.map((i) => TABLE_LABELS[1033][i.label])).toEqual(english);
  });

  it('computes choice values as prefix × 10,000 + position', () => {
    expect(choiceValue(10000, 0)).toBe(100000000);
    expect(choiceValue(99999, 4)).toBe(999990004);
  });
});

describe('the inherited activity columns', () => {
  const byName = new Map(SYSTEM_COLUMNS.map((c) => [c.physical, c]));

  it('are the 62 columns a real export of a custom activity carries', () => {
    expect(SYSTEM_COLUMNS).toHaveLength(62);
    expect(new Set(SYSTEM_COLUMNS.map((c) => c.physical.toLowerCase())).size).toBe(62);
  });

  it.each([
    ['ActivityId', 'primarykey', 'systemrequired'],
    ['Subject', 'nvarchar', 'none'],
    ['RegardingObjectId', 'lookup', 'none'],
    ['OwnerId', 'owner', 'systemrequired'],
    ['StateCode', 'state', 'systemrequired'],
    ['StatusCode', 'status', 'none'],
    ['Description', 'ntext', 'none'],
    ['ActivityTypeCode', 'picklist', 'systemrequired'],
  ] as const)('writes %s as %s, required level %s', (name, type, required) => {
    expect(byName.get(name)).toMatchObject({ type, required });
  });

  it('keeps the activity states and their default statuses (Open 0/1, Completed 1/2, Canceled 2/3, Scheduled 3/4)', () => {
    const states = byName.get('StateCode')?.options?.items ?? [];
    expect(states.map((s) => [s.value, s.defaultStatus, s.invariant])).toEqual([
      [0, 1, 'Open'],
      [1, 2, 'Completed'],
      [2, 3, 'Canceled'],
      [3, 4, 'Scheduled'],
    ]);
    const statuses = byName.get('StatusCode')?.options?.items ?? [];
    expect(statuses.map((s) => [s.value, s.state])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
    ]);
  });

  it('gives Subject the 400 characters and primary-name mask of activities', () => {
    expect(byName.get('Subject')).toMatchObject({ maxLength: 400 });
    expect(byName.get('Subject')?.mask).toContain('PrimaryName');
  });
});
