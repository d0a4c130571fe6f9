import { uuidV5 } from '../guid';

/** Namespace for the ids of the survey table's forms, views, chart and role (a fixed random UUID; never change it). */
export const SURVEY_TABLE_NAMESPACE = '3c9a1f5e-7b2d-4e60-a8d4-91f0c2b7e653';

/**
 * A stable id for one part of a client's survey table (`form:main`, `view:my`, `role`): the same
 * client and prefix always give the same id, so a new release updates the form instead of adding one.
 */
export function surveyTablePartId(client: string, prefix: string, part: string): string {
  return uuidV5(SURVEY_TABLE_NAMESPACE, `${client.toLowerCase()}\n${prefix.toLowerCase()}\n${part}`);
}
