import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relaxNewerItems } from '../../src/solution/newer-items';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/solution/real-exports');
const wrap = (inner: string) => `<ImportExportXml>\n${inner}\n</ImportExportXml>`;

/** Each item ../shared/xsd/README.md lists, in its place in an export. */
const accepted: [string, string][] = [
  ['OrganizationVersion', '<ImportExportXml OrganizationVersion="9.2.25024.216"></ImportExportXml>'],
  ['OrganizationSchemaType', '<ImportExportXml OrganizationSchemaType="Standard"></ImportExportXml>'],
  [
    'CRMServerServiceabilityVersion',
    '<ImportExportXml CRMServerServiceabilityVersion="9.2.25031.00228"></ImportExportXml>',
  ],
  ['AutoNumberFormat', wrap('<attribute><AutoNumberFormat>SR-{SEQNUM:6}</AutoNumberFormat></attribute>')],
  ['IsSearchable', wrap('<attribute><IsSearchable>1</IsSearchable></attribute>')],
  ['IsFilterable', wrap('<attribute><IsFilterable>0</IsFilterable></attribute>')],
  ['IsRetrievable', wrap('<attribute><IsRetrievable>1</IsRetrievable></attribute>')],
  ['IsLocalizable', wrap('<attribute><IsLocalizable>0</IsLocalizable></attribute>')],
  ['IsRetrieveAuditEnabled', wrap('<entity><IsRetrieveAuditEnabled>0</IsRetrieveAuditEnabled></entity>')],
  [
    'IsRetrieveMultipleAuditEnabled',
    wrap('<entity><IsRetrieveMultipleAuditEnabled>0</IsRetrieveMultipleAuditEnabled></entity>'),
  ],
  [
    'IsMSTeamsIntegrationEnabled',
    wrap('<entity><IsMSTeamsIntegrationEnabled>0</IsMSTeamsIntegrationEnabled></entity>'),
  ],
  ['IsSolutionAware', wrap('<entity><IsSolutionAware>0</IsSolutionAware></entity>')],
  [
    'CascadeArchive',
    wrap('<EntityRelationship><CascadeArchive>NoCascade</CascadeArchive></EntityRelationship>'),
  ],
  ['option@IsHidden', wrap('<option value="1" IsHidden="0" />')],
  ['headerdensity', wrap('<form headerdensity="HighWithControls" />')],
  ['tab@solutionaction', wrap('<tab id="{1}" solutionaction="Modified" />')],
  ['section@ordinalvalue', wrap('<section id="{1}" ordinalvalue="0" />')],
  ['cell@ordinalvalue', wrap('<cell id="{1}" ordinalvalue="10000" />')],
  ['label@solutionaction', wrap('<label description="x" languagecode="1033" solutionaction="Added" />')],
  ['tab@contenttype', wrap('<tab id="{1}" contenttype="0" />')],
  ['column@id', wrap('<column width="100%" id="1" />')],
  ['HideQuickFormBorder', wrap('<parameters><HideQuickFormBorder>true</HideQuickFormBorder></parameters>')],
  ['UClientShowPersona', wrap('<parameters><UClientShowPersona>false</UClientShowPersona></parameters>')],
  [
    'UClientHideRecentDates',
    wrap('<parameters><UClientHideRecentDates>true</UClientHideRecentDates></parameters>'),
  ],
  [
    'useMainFormDialogForCreate',
    wrap('<parameters><useMainFormDialogForCreate>true</useMainFormDialogForCreate></parameters>'),
  ],
  [
    'IsCustomProcessingStepAllowedForOtherPublishers',
    wrap(
      '<Workflow><IsCustomProcessingStepAllowedForOtherPublishers>1</IsCustomProcessingStepAllowedForOtherPublishers></Workflow>',
    ),
  ],
  ['ProcessTriggerScope', wrap('<Workflow><ProcessTriggerScope>1</ProcessTriggerScope></Workflow>')],
  [
    'EnableCollapsibleGroups',
    wrap('<AppModuleSiteMap><EnableCollapsibleGroups>False</EnableCollapsibleGroups></AppModuleSiteMap>'),
  ],
  ['OptimizedFor', wrap('<AppModule><OptimizedFor></OptimizedFor></AppModule>')],
  ['a file column', wrap('<attribute><Type>file</Type></attribute>')],
];

describe('relaxNewerItems', () => {
  it.each(accepted)('accepts %s in its place', (name, xml) => {
    const r = relaxNewerItems(xml);
    expect(r).toMatchObject({ accepted: 1, problems: [] });
    const needle = name.includes('@') ? ` ${name.split('@')[1]}=` : name === 'a file column' ? 'file' : name;
    expect(r.xml).not.toContain(needle);
  });

  it('validates a file column as a text column, keeping the length', () => {
    const xml = wrap('<attribute><Type>file</Type></attribute>');
    expect(relaxNewerItems(xml).xml).toBe(xml.replace('file', 'text'));
  });

  it.each([
    [
      'an entity element on an attribute',
      wrap('<attribute><IsSolutionAware>0</IsSolutionAware></attribute>'),
    ],
    ['an attribute element on a table', wrap('<entity><AutoNumberFormat /></entity>')],
    ['a root attribute on another element', wrap('<Entity OrganizationVersion="9.2.1.1" />')],
    ['an app module list that is not empty', wrap('<AppModules><AppModule /></AppModules>')],
    ['a misspelt item', wrap('<attribute><IsSearchabel>1</IsSearchabel></attribute>')],
    ['a Type that is not file', wrap('<attribute><Type>files</Type></attribute>')],
  ])('leaves %s for the schema to judge', (_name, xml) => {
    expect(relaxNewerItems(xml)).toEqual({ xml, accepted: 0, problems: [] });
  });

  it('reports a listed item with a value of the wrong kind, with its line, and leaves it in place', () => {
    const xml = wrap('<entity>\n<IsSolutionAware>yes</IsSolutionAware>\n</entity>');
    expect(relaxNewerItems(xml)).toEqual({
      xml,
      accepted: 0,
      problems: [{ line: 3, message: 'entity › IsSolutionAware: "yes" is not a value it takes' }],
    });
  });

  it.each(['alm-lab', 'school-library'])('keeps every offset and line break of %s', (name) => {
    const source = readFileSync(path.join(fixtures, name, 'customizations.xml'), 'utf8');
    const r = relaxNewerItems(source);
    expect(r.accepted).toBeGreaterThan(10);
    expect(r.xml).toHaveLength(source.length);
    const breaks = (s: string) => [...s.matchAll(/\n/g)].map((m) => m.index);
    expect(breaks(r.xml)).toEqual(breaks(source));
  });

  it('returns a file that does not parse unchanged, for xmllint to report', () => {
    const xml = '<ImportExportXml OrganizationVersion="9.2.1.1"><Entities></ImportExportXml>';
    expect(relaxNewerItems(xml)).toEqual({ xml, accepted: 0, problems: [] });
  });
});
