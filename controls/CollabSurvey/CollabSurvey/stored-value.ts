/**
 * Re-reading the bound column's stored value through the Web API (manifest: uses-feature WebAPI,
 * not required), so that a save merges other users' responses instead of overwriting them.
 */

/** The record the form shows; not in the published typings of `Mode`, and absent on a new record. */
export interface RecordContextInfo {
  entityTypeName?: string;
  entityId?: string;
}

/** The parts of the PCF context a re-read needs (tests pass typed mocks of just these). */
export interface StoredValueContext {
  mode: { contextInfo?: RecordContextInfo };
  parameters: { responses: { attributes?: { LogicalName?: string } } };
  webAPI?: Pick<ComponentFramework.WebApi, 'retrieveRecord'> | null;
}

/**
 * A re-read of the column's stored value, or undefined when the host gives no Web API or the
 * record is not saved yet. The promise rejects when the value cannot be read (offline, no privilege).
 */
export function readStoredValue(context: StoredValueContext): Promise<string | null> | undefined {
  const webApi = context.webAPI;
  const entityType = context.mode.contextInfo?.entityTypeName;
  const id = context.mode.contextInfo?.entityId?.replace(/[{}]/g, '');
  const column = context.parameters.responses.attributes?.LogicalName;
  if (webApi === null || webApi === undefined) return undefined;
  if (entityType === undefined || entityType === '' || id === undefined || id === '') return undefined;
  if (column === undefined || !/^[A-Za-z0-9_]+$/.test(column)) return undefined;
  let request: Promise<ComponentFramework.WebApi.Entity>;
  try {
    request = webApi.retrieveRecord(entityType, id, `?$select=${column}`);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e))); // a host that throws instead of rejecting
  }
  return request.then((record) => {
    const value: unknown = record[column];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw new TypeError(`${column} is not text`);
    return value;
  });
}
