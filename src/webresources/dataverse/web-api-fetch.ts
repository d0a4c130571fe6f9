/**
 * A Web API client for a page opened on its own (not in a form or dashboard iframe): Microsoft's
 * ClientGlobalContext.js.aspx gives such a page `GetGlobalContext()` but no `Xrm` object, so the
 * two calls the dashboards need are made with `fetch` against `<clientUrl>/api/data/v9.2/`. Its
 * failures carry the HTTP status, the Dataverse error code and the Retry-After header.
 */
import { normalizeDataverseCode } from '../../widgets/shared/dataverse-codes';
import type {
  DataverseRow,
  GlobalContextLike,
  RetrieveMultipleResult,
  WebApiLike,
  XrmLike,
} from './xrm-types';

const apiVersion = 'v9.2';
const logicalName = /^[a-z][a-z0-9_]{0,99}$/;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A rejected request, shaped like an Xrm.WebApi error (`errorCode` unsigned, from the body's hex
 * `code`) plus the `status` and `headers` only this path sees.
 */
export class WebApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorCode: number | undefined,
    readonly headers: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'WebApiFailure';
  }
}

const headers = {
  Accept: 'application/json',
  'OData-MaxVersion': '4.0',
  'OData-Version': '4.0',
  Prefer: 'odata.include-annotations="*"',
};

async function failureOf(response: Response): Promise<WebApiFailure> {
  let message = `HTTP ${response.status}`;
  let code: number | undefined;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.message === 'string') message = body.error.message;
    code = normalizeDataverseCode(body.error?.code);
  } catch {
    // not JSON: keep the status text
  }
  const retryAfter = response.headers.get('Retry-After');
  return new WebApiFailure(
    message,
    response.status,
    code,
    retryAfter === null ? {} : { 'Retry-After': retryAfter },
  );
}

/**
 * One GET of `<clientUrl>/api/data/v9.2/<path>`: the parsed JSON body, or a rejection with a
 * WebApiFailure (status, Dataverse code, Retry-After).
 */
export function webApiGet(
  clientUrl: string,
  fetchFn: typeof fetch,
): (path: string) => Promise<Record<string, unknown>> {
  const base = `${clientUrl.replace(/\/+$/, '')}/api/data/${apiVersion}/`;
  return async (path) => {
    const response = await fetchFn(base + path, { headers, credentials: 'same-origin' });
    if (!response.ok) throw await failureOf(response);
    return (await response.json()) as Record<string, unknown>;
  };
}

export function createFetchWebApi(clientUrl: string, fetchFn: typeof fetch): WebApiLike {
  const entitySets = new Map<string, Promise<string>>();
  const get = webApiGet(clientUrl, fetchFn);
  const entitySet = (table: string): Promise<string> => {
    if (!logicalName.test(table)) return Promise.reject(new Error(`not a table logical name: ${table}`));
    let found = entitySets.get(table);
    if (found === undefined) {
      found = get(`EntityDefinitions(LogicalName='${table}')?$select=EntitySetName`).then((d) => {
        if (typeof d.EntitySetName !== 'string') throw new Error(`no entity set for ${table}`);
        return d.EntitySetName;
      });
      entitySets.set(table, found);
    }
    return found;
  };
  return {
    async retrieveMultipleRecords(table, options = ''): Promise<RetrieveMultipleResult> {
      const body = await get(`${await entitySet(table)}${options}`);
      const result: RetrieveMultipleResult = {
        entities: Array.isArray(body.value) ? (body.value as DataverseRow[]) : [],
      };
      const cookie = body['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie'];
      if (typeof cookie === 'string') result.fetchXmlPagingCookie = cookie;
      const next = body['@odata.nextLink'];
      if (typeof next === 'string') result.nextLink = next;
      return result;
    },
    async retrieveRecord(table, id, options = ''): Promise<DataverseRow> {
      const clean = id.replace(/[{}]/g, '');
      if (!guid.test(clean)) throw new Error(`not a record id: ${id}`);
      return get(`${await entitySet(table)}(${clean})${options}`);
    },
  };
}

/** An XrmLike over ClientGlobalContext.js.aspx's GetGlobalContext() and fetch. */
export function xrmFromGlobalContext(context: GlobalContextLike, fetchFn: typeof fetch): XrmLike | undefined {
  const clientUrl = context.getClientUrl?.();
  if (clientUrl === undefined || clientUrl === '') return undefined;
  return { WebApi: createFetchWebApi(clientUrl, fetchFn), Utility: { getGlobalContext: () => context } };
}
