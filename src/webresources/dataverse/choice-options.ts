/**
 * Reads a choice column's options with their labels in every language of the org, from the Web API's
 * metadata (Xrm.WebApi does not reach metadata, and Xrm.Utility.getEntityMetadata gives only the
 * user's language): first the column's `AttributeType`, then, for a choice, status reason or
 * status, `EntityDefinitions(…)/Attributes(…)/Microsoft.Dynamics.CRM.<Type>AttributeMetadata` with
 * `OptionSet` (a local choice) and `GlobalOptionSet` (a global one) expanded. A page in a dashboard
 * iframe is served from the organization, so it calls `<clientUrl>/api/data/v9.2/` with `fetch`.
 */
import { webApiGet } from './web-api-fetch';

/** One metadata GET: the parsed JSON body, or a rejection with a WebApiFailure. */
export type MetadataGet = (path: string) => Promise<Readonly<Record<string, unknown>>>;

const logicalName = /^[a-z][a-z0-9_]{0,99}$/;

/** The metadata type of each attribute type that has options. */
const optionTypes: Readonly<Record<string, string>> = {
  Picklist: 'PicklistAttributeMetadata',
  Status: 'StatusAttributeMetadata',
  State: 'StateAttributeMetadata',
};

/** A MetadataGet over `fetch` against `<clientUrl>/api/data/v9.2/` (the Web API path's one GET). */
export function fetchMetadataGet(clientUrl: string, fetchFn: typeof fetch): MetadataGet {
  return webApiGet(clientUrl, fetchFn);
}

function optionsIn(optionSet: unknown): unknown[] | undefined {
  const options = (optionSet as { Options?: unknown } | null | undefined)?.Options;
  return Array.isArray(options) ? (options as unknown[]) : undefined;
}

/**
 * The column's `OptionMetadata[]`, or undefined when the column has no options (a text, a lookup).
 * Rejects when the table or column does not exist or the metadata cannot be read.
 */
export async function readChoiceOptions(
  get: MetadataGet,
  table: string,
  column: string,
): Promise<unknown[] | undefined> {
  if (!logicalName.test(table) || !logicalName.test(column))
    throw new Error(`not a logical name: ${table}.${column}`);
  const attribute = `EntityDefinitions(LogicalName='${table}')/Attributes(LogicalName='${column}')`;
  const { AttributeType } = await get(`${attribute}?$select=LogicalName,AttributeType`);
  const type = typeof AttributeType === 'string' ? optionTypes[AttributeType] : undefined;
  if (type === undefined) return undefined;
  const body = await get(
    `${attribute}/Microsoft.Dynamics.CRM.${type}?$select=LogicalName` +
      '&$expand=OptionSet($select=Options),GlobalOptionSet($select=Options)',
  );
  return optionsIn(body.OptionSet) ?? optionsIn(body.GlobalOptionSet) ?? [];
}
