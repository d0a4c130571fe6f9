/**
 * The small part of the Dynamics client API (`Xrm`) the web resources use. Declared here rather
 * than pulling in @types/xrm: the pages need four calls, and a stand-in for tests implements
 * exactly this surface.
 */

/** One row as the Web API returns it: column values plus `@…` annotations. */
export type DataverseRow = Readonly<Record<string, unknown>>;

/** What `Xrm.WebApi.retrieveMultipleRecords` resolves with. */
export interface RetrieveMultipleResult {
  entities: DataverseRow[];
  /** OData paging link (queries with `$select`/`$filter`). */
  nextLink?: string;
  /** FetchXML paging cookie, present when more records follow. */
  fetchXmlPagingCookie?: string;
}

export interface WebApiLike {
  retrieveMultipleRecords(
    entityLogicalName: string,
    options?: string,
    maxPageSize?: number,
  ): PromiseLike<RetrieveMultipleResult>;
  retrieveRecord(entityLogicalName: string, id: string, options?: string): PromiseLike<DataverseRow>;
}

export interface UserSettingsLike {
  languageId: number;
  userName?: string;
  userId?: string;
  /** Minutes from UTC of the user's Dynamics time zone (local = UTC + offset). */
  getTimeZoneOffsetMinutes?: (date?: Date) => number;
}

export interface OrganizationSettingsLike {
  baseCurrencyId?: string;
}

export interface GlobalContextLike {
  userSettings: UserSettingsLike;
  organizationSettings?: OrganizationSettingsLike;
  getClientUrl?: () => string;
}

/** `Xrm.Navigation.openForm`: opens a record's form (absent when only ClientGlobalContext is loaded). */
export interface NavigationLike {
  openForm(options: {
    entityName: string;
    entityId: string;
    openInNewWindow?: boolean;
  }): PromiseLike<unknown>;
}

export interface XrmLike {
  WebApi: WebApiLike;
  Utility: { getGlobalContext: () => GlobalContextLike };
  Navigation?: NavigationLike;
}
