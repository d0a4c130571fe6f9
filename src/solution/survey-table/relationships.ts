/**
 * The table's relationships (top-level `<EntityRelationships>`), as exports of custom activities
 * write them: to ActivityPointer on ActivityId (no cascades), one regarding relationship per table
 * a response may be regarding (`<referenced>_<collection>` on RegardingObjectId, cascading like the
 * platform's), and the custom lookup to contact. Whether an import would create the activity
 * relationships by itself is unverified, so they are written.
 */
import type { LabelKey } from './labels';
import { REGARDING_TABLES, type TableNames } from './names';
import { labelLines } from './xml-labels';

interface RelationshipSpec {
  name: string;
  referencing: string;
  referenced: string;
  attribute: string;
  description: LabelKey;
  cascade: { assign: string; delete: string; reparent: string; share: string; unshare: string };
  /** Navigation property names of a custom lookup (referencing side, referenced side). */
  navigation?: { referencing: string; referenced: string };
}

const NONE = {
  assign: 'NoCascade',
  delete: 'NoCascade',
  reparent: 'NoCascade',
  share: 'NoCascade',
  unshare: 'NoCascade',
};
const ALL = {
  assign: 'Cascade',
  delete: 'Cascade',
  reparent: 'Cascade',
  share: 'Cascade',
  unshare: 'Cascade',
};

export function surveyRelationships(names: TableNames): RelationshipSpec[] {
  const contactLookup = names.column('contactid');
  return [
    {
      name: `activity_pointer_${names.table}`,
      referencing: names.table,
      referenced: 'ActivityPointer',
      attribute: 'ActivityId',
      description: 'col.activityid.desc',
      cascade: NONE,
    },
    ...REGARDING_TABLES.map((t) => ({
      name: `${t.logical}_${names.collection}`,
      referencing: names.table,
      referenced: t.schema,
      attribute: 'RegardingObjectId',
      description: 'col.regardingobjectid.desc' as const,
      cascade: ALL,
    })),
    {
      name: `${names.table}_${contactLookup}_contact`,
      referencing: names.table,
      referenced: 'Contact',
      attribute: contactLookup,
      description: 'col.contactid.desc',
      cascade: { ...NONE, delete: 'RemoveLink' },
      navigation: { referencing: contactLookup, referenced: `${names.table}_${contactLookup}_contact` },
    },
  ];
}

function relationshipLines(
  r: RelationshipSpec,
  version: string,
  languages: readonly number[],
  i: string,
): string[] {
  const lines = [
    `${i}<EntityRelationship Name="${r.name}">`,
    `${i}  <EntityRelationshipType>OneToMany</EntityRelationshipType>`,
    `${i}  <IsCustomizable>1</IsCustomizable>`,
    `${i}  <IntroducedVersion>${version}</IntroducedVersion>`,
    `${i}  <IsHierarchical>0</IsHierarchical>`,
    `${i}  <ReferencingEntityName>${r.referencing}</ReferencingEntityName>`,
    `${i}  <ReferencedEntityName>${r.referenced}</ReferencedEntityName>`,
    `${i}  <CascadeAssign>${r.cascade.assign}</CascadeAssign>`,
    `${i}  <CascadeDelete>${r.cascade.delete}</CascadeDelete>`,
    `${i}  <CascadeReparent>${r.cascade.reparent}</CascadeReparent>`,
    `${i}  <CascadeShare>${r.cascade.share}</CascadeShare>`,
    `${i}  <CascadeUnshare>${r.cascade.unshare}</CascadeUnshare>`,
  ];
  if (r.navigation)
    lines.push(
      `${i}  <CascadeRollupView>NoCascade</CascadeRollupView>`,
      `${i}  <IsValidForAdvancedFind>1</IsValidForAdvancedFind>`,
    );
  lines.push(
    `${i}  <ReferencingAttributeName>${r.attribute}</ReferencingAttributeName>`,
    `${i}  <RelationshipDescription>`,
    ...labelLines('Descriptions', 'Description', r.description, languages, `${i}    `),
    `${i}  </RelationshipDescription>`,
  );
  if (r.navigation) {
    lines.push(
      `${i}  <EntityRelationshipRoles>`,
      `${i}    <EntityRelationshipRole>`,
      `${i}      <NavPaneDisplayOption>UseCollectionName</NavPaneDisplayOption>`,
      `${i}      <NavPaneArea>Details</NavPaneArea>`,
      `${i}      <NavPaneOrder>10000</NavPaneOrder>`,
      `${i}      <NavigationPropertyName>${r.navigation.referencing}</NavigationPropertyName>`,
      `${i}      <RelationshipRoleType>1</RelationshipRoleType>`,
      `${i}    </EntityRelationshipRole>`,
      `${i}    <EntityRelationshipRole>`,
      `${i}      <NavigationPropertyName>${r.navigation.referenced}</NavigationPropertyName>`,
      `${i}      <RelationshipRoleType>0</RelationshipRoleType>`,
      `${i}    </EntityRelationshipRole>`,
      `${i}  </EntityRelationshipRoles>`,
    );
  }
  lines.push(`${i}</EntityRelationship>`);
  return lines;
}

/** The `<EntityRelationship>` elements (without the `<EntityRelationships>` wrapper). */
export function relationshipsLines(
  names: TableNames,
  version: string,
  languages: readonly number[],
  indent: string,
): string[] {
  return surveyRelationships(names).flatMap((r) => relationshipLines(r, version, languages, indent));
}
