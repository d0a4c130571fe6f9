/**
 * The `<Entity>` element of the survey response activity: names, the inherited and custom columns,
 * the activity flags real exports write (limited to the 9.0 schema), forms, views, chart and an
 * empty ribbon.
 */
import { attributeLines } from './attribute-xml';
import { visualizationsLines } from './chart';
import { customColumns } from './custom-columns';
import { formXmlLines } from './forms';
import { textsOf } from './labels';
import type { TableNames } from './names';
import { SYSTEM_COLUMNS } from './system-columns';
import { savedQueriesLines } from './views';
import { escapeAttribute } from '../../xml/escape';
import { descriptions, labelLines } from './xml-labels';

export interface EntityInput {
  names: TableNames;
  optionValuePrefix: number;
  version: string;
  /** The client's languages, base first. */
  languages: readonly number[];
  /** Stable id of a part (`form:main`, `view:my`, `chart:npsByMonth`). */
  id: (part: string) => string;
}

const ENTITY_FLAGS: ReadonlyArray<[string, string]> = [
  ['IsDuplicateCheckSupported', '1'],
  ['IsBusinessProcessEnabled', '0'],
  ['IsRequiredOffline', '0'],
  ['IsInteractionCentricEnabled', '0'],
  ['IsCollaboration', '1'],
  ['AutoRouteToOwnerQueue', '0'],
  ['IsConnectionsEnabled', '1'],
  ['IsDocumentManagementEnabled', '0'],
  ['AutoCreateAccessTeams', '0'],
  ['IsOneNoteIntegrationEnabled', '0'],
  ['IsKnowledgeManagementEnabled', '0'],
  ['IsSLAEnabled', '0'],
  ['IsDocumentRecommendationsEnabled', '0'],
  ['IsBPFEntity', '0'],
  ['OwnershipTypeMask', 'UserOwned'],
  ['IsAuditEnabled', '1'],
  ['IsActivity', '1'],
  ['ActivityTypeMask', 'CommunicationActivity'],
  ['IsActivityParty', '0'],
  ['IsReplicated', '1'],
  ['IsReplicationUserFiltered', '1'],
  ['IsMailMergeEnabled', '0'],
  ['IsVisibleInMobile', '0'],
  ['IsVisibleInMobileClient', '0'],
  ['IsReadOnlyInMobileClient', '0'],
  ['IsOfflineInMobileClient', '0'],
  ['DaysSinceRecordLastModified', '0'],
  ['IsMapiGridEnabled', '1'],
  ['IsReadingPaneEnabled', '1'],
  ['IsQuickCreateEnabled', '1'],
  ['SyncToExternalSearchIndex', '1'],
];

const CAN_MODIFY = [
  'IsCustomizable',
  'IsRenameable',
  'IsMappable',
  'CanModifyAuditSettings',
  'CanModifyMobileVisibility',
  'CanModifyMobileClientVisibility',
  'CanModifyMobileClientReadOnly',
  'CanModifyMobileClientOffline',
  'CanModifyConnectionSettings',
  'CanModifyDuplicateDetectionSettings',
  'CanModifyMailMergeSettings',
  'CanModifyQueueSettings',
  'CanCreateAttributes',
  'CanCreateForms',
  'CanCreateCharts',
  'CanCreateViews',
  'CanModifyAdditionalSettings',
  'CanEnableSyncToExternalSearchIndex',
];

function ribbonLines(i: string): string[] {
  return [
    `${i}<RibbonDiffXml>`,
    `${i}  <CustomActions />`,
    `${i}  <Templates>`,
    `${i}    <RibbonTemplates Id="Mscrm.Templates"></RibbonTemplates>`,
    `${i}  </Templates>`,
    `${i}  <CommandDefinitions />`,
    `${i}  <RuleDefinitions>`,
    `${i}    <TabDisplayRules />`,
    `${i}    <DisplayRules />`,
    `${i}    <EnableRules />`,
    `${i}  </RuleDefinitions>`,
    `${i}  <LocLabels />`,
    `${i}</RibbonDiffXml>`,
  ];
}

/** The `<Entity>` element (without the `<Entities>` wrapper). */
export function entityLines(input: EntityInput, indent: string): string[] {
  const { names, version, languages } = input;
  const base = languages[0] ?? 1033;
  const name = textsOf('table.name', [base])[0]?.text ?? names.table;
  const i = `${indent}  `;
  const e = `${i}  `;
  const columns = [...SYSTEM_COLUMNS, ...customColumns(names, input.optionValuePrefix)].sort((a, b) =>
    a.physical.toLowerCase() < b.physical.toLowerCase() ? -1 : 1,
  );
  return [
    `${indent}<Entity>`,
    `${i}<Name LocalizedName="${escapeAttribute(name)}" OriginalName="${escapeAttribute(name)}">${names.table}</Name>`,
    `${i}<EntityInfo>`,
    `${e}<entity Name="${names.table}">`,
    ...labelLines('LocalizedNames', 'LocalizedName', 'table.name', languages, `${e}  `),
    ...labelLines(
      'LocalizedCollectionNames',
      'LocalizedCollectionName',
      'table.collection',
      languages,
      `${e}  `,
    ),
    ...descriptions('table.description', languages, `${e}  `),
    `${e}  <attributes>`,
    ...columns.flatMap((c) => attributeLines(c, names, version, languages, `${e}    `)),
    `${e}  </attributes>`,
    `${e}  <EntitySetName>${names.collection}</EntitySetName>`,
    ...ENTITY_FLAGS.map(([tag, value]) => `${e}  <${tag}>${value}</${tag}>`),
    `${e}  <IntroducedVersion>${version}</IntroducedVersion>`,
    ...CAN_MODIFY.map((tag) => `${e}  <${tag}>1</${tag}>`),
    `${e}  <EnforceStateTransitions>0</EnforceStateTransitions>`,
    `${e}  <CanChangeHierarchicalRelationship>1</CanChangeHierarchicalRelationship>`,
    `${e}  <EntityHelpUrlEnabled>0</EntityHelpUrlEnabled>`,
    `${e}  <ChangeTrackingEnabled>1</ChangeTrackingEnabled>`,
    `${e}  <CanChangeTrackingBeEnabled>1</CanChangeTrackingBeEnabled>`,
    `${e}  <IsEnabledForExternalChannels>0</IsEnabledForExternalChannels>`,
    `${e}  <HasRelatedNotes>True</HasRelatedNotes>`,
    `${e}  <HasRelatedActivities>False</HasRelatedActivities>`,
    `${e}</entity>`,
    `${i}</EntityInfo>`,
    ...formXmlLines(
      { names, languages, version, id: input.id },
      { main: input.id('form:main'), quickCreate: input.id('form:quickCreate') },
      i,
    ),
    ...savedQueriesLines(names, version, languages, (key) => input.id(`view:${key}`), i),
    ...visualizationsLines(names, version, languages, input.id('chart:npsByMonth'), i),
    ...ribbonLines(i),
    `${indent}</Entity>`,
  ];
}
