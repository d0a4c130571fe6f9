import { describe, expect, it } from 'vitest';
import { TABLE_LABELS } from '../../../src/solution/survey-table/labels';
import { tableNames } from '../../../src/solution/survey-table/names';
import { SURVEY_ROLE_PRIVILEGES } from '../../../src/solution/survey-table/role';
import { surveyViews } from '../../../src/solution/survey-table/views';
import { tableCustomizationsXml } from './support';

describe('the Survey contributor role', () => {
  it('grants the activity privileges and append-to on the tables a response may be regarding', () => {
    expect(SURVEY_ROLE_PRIVILEGES.map((p) => `${p.name} ${p.level}`)).toEqual([
      'prvAppendActivity Basic',
      'prvAppendToAccount Global',
      'prvAppendToActivity Basic',
      'prvAppendToContact Global',
      'prvAppendToIncident Global',
      'prvAppendToOpportunity Global',
      'prvCreateActivity Global',
      'prvDeleteActivity Basic',
      'prvReadActivity Global',
      'prvWriteActivity Basic',
    ]);
  });
});

describe('the survey response views', () => {
  const views = surveyViews(tableNames('cnt'));
  const english = (key: string): string | undefined =>
    TABLE_LABELS[1033][views.find((v) => v.key === key)?.name ?? 'view.all'];

  it.each([
    ['my', 'My survey responses', 0],
    ['all', 'Survey responses (all)', 0],
    ['byStaff', 'Survey responses by staff', 0],
    ['quickFind', 'Quick find survey responses', 4],
    ['lookup', 'Survey response lookup view', 64],
    ['associated', 'Survey response associated view', 2],
    ['advancedFind', 'Survey response advanced find view', 1],
  ] as const)('has the %s view "%s" of query type %i', (key, name, querytype) => {
    expect(english(key)).toBe(name);
    expect(views.find((v) => v.key === key)?.querytype).toBe(querytype);
  });

  it('shows the user’s own responses in My survey responses and sorts by staff in Survey responses by staff', () => {
    const xml = tableCustomizationsXml();
    expect(xml).toContain('<condition attribute="ownerid" operator="eq-userid" />');
    expect(views.find((v) => v.key === 'byStaff')?.orders[0]).toEqual({
      attribute: 'ownerid',
      descending: false,
    });
  });

  it('makes exactly one public view the default', () => {
    expect(views.filter((v) => v.querytype === 0 && v.isdefault).map((v) => v.key)).toEqual(['my']);
  });
});

describe('the chart NPS by month', () => {
  it('averages the NPS column per month of creation', () => {
    const xml = tableCustomizationsXml();
    expect(xml).toContain('<attribute alias="nps_avg" name="blg_nps" aggregate="avg" />');
    expect(xml).toContain('<attribute alias="month" name="createdon" groupby="true" dategrouping="month" />');
  });
});
