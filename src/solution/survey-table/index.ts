/**
 * The survey response activity table that `crmkit solution pack` writes when a client profile asks
 * for records mode (`defaults.survey.storage: "records"`): the table with its forms, views and chart,
 * its relationships, the "Survey contributor" role, and their root components. Pure: text in, text out.
 */
import type { ClientProfile } from '../model';
import type { RootComponent } from '../solution-xml';
import { entityLines } from './entity-xml';
import { surveyTablePartId } from './ids';
import { tableNames } from './names';
import { relationshipsLines } from './relationships';
import { roleLines } from './role';
import { surveyViews } from './views';

export { responseTableName } from './names';

/** What the survey table adds to customizations.xml (element lines, indented for their section) and solution.xml. */
export interface SurveyTableParts {
  /** The `<Entity>` lines inside `<Entities>`. */
  entities: string[];
  /** The `<Role>` lines inside `<Roles>`. */
  roles: string[];
  /** The `<EntityRelationship>` lines inside `<EntityRelationships>`. */
  relationships: string[];
  rootComponents: RootComponent[];
}

/** Records mode: the profile stores survey responses as activity records. */
export function usesRecords(profile: ClientProfile): boolean {
  return profile.defaults?.survey?.storage === 'records';
}

export function surveyTableParts(profile: ClientProfile, version: string): SurveyTableParts {
  const prefix = profile.publisher.prefix;
  const names = tableNames(prefix);
  const id = (part: string): string => surveyTablePartId(profile.client, prefix, part);
  const languages = profile.languages;
  const indent = '    ';
  return {
    entities: entityLines(
      { names, optionValuePrefix: profile.publisher.optionValuePrefix, version, languages, id },
      indent,
    ),
    roles: roleLines(id('role'), languages[0] ?? 1033, version, indent),
    relationships: relationshipsLines(names, version, languages, indent),
    rootComponents: [
      { type: 1, schemaName: names.table },
      { type: 20, id: id('role') },
      ...surveyViews(names).map((v): RootComponent => ({ type: 26, id: id(`view:${v.key}`) })),
      { type: 59, id: id('chart:npsByMonth') },
      { type: 60, id: id('form:main') },
      { type: 60, id: id('form:quickCreate') },
    ],
  };
}
