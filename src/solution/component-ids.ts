/** Ids of the components in customizations.xml: each a GUID, used once in the file. */
import type { Findings } from './findings';

/** A form, view, chart or role: its bare id and its name. */
export interface ViewInfo {
  id: string;
  name: string;
}

export const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

/** A GUID as root components and ids compare it: lower case, no braces. */
export const bareId = (id: string): string => id.toLowerCase().replace(/[{}]/g, '');

/** The ids seen so far in the file, each with the place that first used it. */
export interface IdRegistry {
  seen: Map<string, string>;
  findings: Findings;
}

/** Checks an id is a GUID used once in the file; returns it bare, or undefined. */
export function checkId(
  raw: string | undefined,
  what: string,
  where: string,
  ids: IdRegistry,
): string | undefined {
  if (raw === undefined || raw === '') {
    ids.findings.error(where, `has no ${what}`);
    return undefined;
  }
  if (!GUID.test(raw)) {
    ids.findings.error(where, `${what} ${JSON.stringify(raw)} is not a GUID`);
    return undefined;
  }
  const id = bareId(raw);
  const first = ids.seen.get(id);
  if (first !== undefined) ids.findings.error(where, `${what} ${raw} is also the id of ${first}`);
  else ids.seen.set(id, where);
  return id;
}
