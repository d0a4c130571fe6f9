/**
 * The security role "Survey contributor". A custom activity has no privileges of its own: it takes
 * activitypointer's, so the role grants the activity privileges, and with them covers every
 * activity type (e-mails, phone calls, tasks…), not survey responses alone. Create and read across
 * the organization; write, delete, append and append-to on one's own activities; append-to on the
 * tables a response may be regarding (and contact, for the respondent lookup).
 */
import { escapeAttribute } from '../../xml/escape';
import { isTableLanguage, TABLE_LABELS } from './labels';
import { REGARDING_TABLES } from './names';

export type PrivilegeLevel = 'Basic' | 'Local' | 'Deep' | 'Global';
export interface RolePrivilege {
  name: string;
  level: PrivilegeLevel;
}

const PRIVILEGES: RolePrivilege[] = [
  { name: 'prvCreateActivity', level: 'Global' },
  { name: 'prvReadActivity', level: 'Global' },
  { name: 'prvWriteActivity', level: 'Basic' },
  { name: 'prvDeleteActivity', level: 'Basic' },
  { name: 'prvAppendActivity', level: 'Basic' },
  { name: 'prvAppendToActivity', level: 'Basic' },
  ...REGARDING_TABLES.map((t): RolePrivilege => ({ name: `prvAppendTo${t.schema}`, level: 'Global' })),
];

/** The role's privileges, by name as exports list them. */
export const SURVEY_ROLE_PRIVILEGES: readonly RolePrivilege[] = PRIVILEGES.sort((a, b) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
);

/** A role has one name, not one per language: the base language's, English when crmkit has no texts in it. */
export function roleName(baseLanguage: number): string {
  return TABLE_LABELS[isTableLanguage(baseLanguage) ? baseLanguage : 1033]['role.name'];
}

/** The `<Role>` element (without the `<Roles>` wrapper). */
export function roleLines(id: string, baseLanguage: number, version: string, indent: string): string[] {
  return [
    `${indent}<Role id="{${id}}" name="${escapeAttribute(roleName(baseLanguage))}">`,
    `${indent}  <IsCustomizable>1</IsCustomizable>`,
    `${indent}  <IntroducedVersion>${version}</IntroducedVersion>`,
    `${indent}  <RolePrivileges>`,
    ...SURVEY_ROLE_PRIVILEGES.map(
      (p) => `${indent}    <RolePrivilege name="${p.name}" level="${p.level}" />`,
    ),
    `${indent}  </RolePrivileges>`,
    `${indent}</Role>`,
  ];
}
