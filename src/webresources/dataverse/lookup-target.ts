/**
 * The table a lookup column points to, from the Web API's metadata (`LookupAttributeMetadata`'s
 * `Targets`): `parentaccountid` → `account`. A polymorphic lookup (customer, owner) takes its first
 * target unless the name says which, after an underscore: `customerid_account`. The related table's
 * key is `<table>id`, as for every table but the activities.
 */
import type { MetadataGet } from './choice-options';
import { WebApiFailure } from './web-api-fetch';

export interface LookupTarget {
  /** The lookup column of the table (`customerid`) and the table it points to (`account`). */
  lookup: string;
  table: string;
  key: string;
}

async function targetsOf(get: MetadataGet, table: string, lookup: string): Promise<string[] | undefined> {
  const path =
    `EntityDefinitions(LogicalName='${table}')/Attributes(LogicalName='${lookup}')` +
    '/Microsoft.Dynamics.CRM.LookupAttributeMetadata?$select=LogicalName,Targets';
  try {
    const { Targets } = await get(path);
    return Array.isArray(Targets) ? Targets.filter((t): t is string => typeof t === 'string') : [];
  } catch (e) {
    // 404: no such column, or not a lookup (the cast to LookupAttributeMetadata fails).
    if (e instanceof WebApiFailure && e.status === 404) return undefined;
    throw e;
  }
}

/** The lookup's target, undefined when `lookup` is no lookup of `table`; rejects when metadata cannot be read. */
export async function lookupTarget(
  get: MetadataGet,
  table: string,
  lookup: string,
): Promise<LookupTarget | undefined> {
  const direct = await targetsOf(get, table, lookup);
  const first = direct?.[0];
  if (first !== undefined) return { lookup, table: first, key: `${first}id` };
  const named = /^([a-z][a-z0-9_]*)_([a-z][a-z0-9]*)$/.exec(lookup);
  if (direct !== undefined || named === null) return undefined;
  const [, base, target] = named as unknown as [string, string, string];
  const targets = await targetsOf(get, table, base);
  return targets?.includes(target) === true ? { lookup: base, table: target, key: `${target}id` } : undefined;
}
