/**
 * The dashboards' only way to Dataverse: FetchXML through `Xrm.WebApi.retrieveMultipleRecords`,
 * retried when throttled, failures classified, pages followed with the paging cookie.
 */
import { classifyError, DataverseError } from './dataverse-errors';
import { fetchXmlOption, recordsFetch, type QueryScope } from './fetchxml';
import { retryThrottled, type RetryHooks, type RetryPolicy } from './retry';
import type { DataverseRow, RetrieveMultipleResult, WebApiLike } from './xrm-types';

/** The page number and decoded cookie to ask for the page after the one a cookie came with. */
export function nextPage(pagingCookie: string, currentPage: number): { page: number; cookie: string } {
  const attr = (name: string): string | undefined =>
    new RegExp(`\\b${name}="([^"]*)"`).exec(pagingCookie)?.[1];
  const pageNumber = Number(attr('pagenumber'));
  const encoded = attr('pagingcookie');
  let cookie = '';
  if (encoded !== undefined) {
    try {
      cookie = decodeURIComponent(decodeURIComponent(encoded));
    } catch {
      cookie = '';
    }
  }
  return {
    page: Number.isInteger(pageNumber) && pageNumber > currentPage ? pageNumber : currentPage + 1,
    cookie,
  };
}

/** A refusal as a classified DataverseError (retryThrottled already gives one when it gives up). */
function asDataverseError(e: unknown): DataverseError {
  return e instanceof DataverseError ? e : new DataverseError(classifyError(e));
}

export interface AllRows {
  rows: DataverseRow[];
  /** True when `maxRecords` cut the result. */
  truncated: boolean;
  pages: number;
}

export class DataverseClient {
  constructor(
    private readonly webApi: WebApiLike,
    private readonly hooks: RetryHooks,
    private readonly policy?: RetryPolicy,
  ) {}

  /** One FetchXML request; a failure is rethrown as a classified DataverseError. */
  async fetchXml(table: string, fetchXml: string): Promise<RetrieveMultipleResult> {
    try {
      return await retryThrottled(
        () => this.webApi.retrieveMultipleRecords(table, fetchXmlOption(fetchXml)),
        this.hooks,
        this.policy,
      );
    } catch (e) {
      throw asDataverseError(e);
    }
  }

  async retrieve(table: string, id: string, options: string): Promise<DataverseRow> {
    try {
      return await retryThrottled(
        () => this.webApi.retrieveRecord(table, id, options),
        this.hooks,
        this.policy,
      );
    } catch (e) {
      throw asDataverseError(e);
    }
  }

  /** Every row of the scope (up to `maxRecords`), following paging cookies page by page. */
  async allRows(
    scope: QueryScope,
    columns: readonly string[],
    pageSize: number,
    maxRecords: number,
    onPage?: (loaded: number) => void,
  ): Promise<AllRows> {
    const rows: DataverseRow[] = [];
    let request: { page: number; cookie?: string } = { page: 1 };
    for (let pages = 1; ; pages++) {
      const result = await this.fetchXml(
        scope.table,
        recordsFetch(scope, columns, { ...request, count: pageSize }),
      );
      rows.push(...result.entities);
      onPage?.(rows.length);
      const more = result.fetchXmlPagingCookie !== undefined && result.fetchXmlPagingCookie !== '';
      if (rows.length >= maxRecords)
        return { rows: rows.slice(0, maxRecords), truncated: more || rows.length > maxRecords, pages };
      if (!more || result.entities.length === 0) return { rows, truncated: false, pages };
      const next = nextPage(result.fetchXmlPagingCookie!, request.page);
      request = next.cookie === '' ? { page: next.page } : next;
    }
  }
}
