/// <reference types="powerapps-component-framework" />
/**
 * A typed stand-in for a PCF dataset with several pages: it implements the real
 * ComponentFramework.PropertyTypes.DataSet interface, accumulates pages as loadNextPage() asks
 * (as the platform does), and records what the control asked of it. As Microsoft documents the
 * Paging API: a new page size applies from the next refresh (reset), not to the rows already loaded;
 * loadNextPage() may not be called again while a page is loading (it throws here) and the dataset
 * says `loading` meanwhile; totalResultCount is -1 when the host does not know it.
 */
type Column = ComponentFramework.PropertyHelper.DataSetApi.Column;
type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;
type EntityReference = ComponentFramework.EntityReference;
type Value = ReturnType<EntityRecord['getValue']> | null;

export interface MockRow {
  id: string;
  /** Raw value per column name (what getValue returns). */
  values: Record<string, Value>;
  /** Formatted value per column name (defaults to the raw value as text). */
  formatted?: Record<string, string>;
}

export class MockRecord implements EntityRecord {
  constructor(private readonly row: MockRow) {}
  getFormattedValue(columnName: string): string {
    const formatted = this.row.formatted?.[columnName];
    if (formatted !== undefined) return formatted;
    const raw = this.row.values[columnName];
    if (raw === null || raw === undefined) return '';
    if (typeof raw === 'object' && 'name' in raw) return raw.name ?? '';
    return typeof raw === 'object' ? '' : String(raw);
  }
  getRecordId(): string {
    return this.row.id;
  }
  getValue(columnName: string): Exclude<Value, null> {
    // The platform returns null for an empty value although its type does not say so.
    return this.row.values[columnName] as Exclude<Value, null>;
  }
  getNamedReference(): EntityReference {
    return { id: { guid: this.row.id }, etn: 'opportunity', name: this.row.id };
  }
}

class MockPaging implements ComponentFramework.PropertyHelper.DataSetApi.Paging {
  /** Records on the server for the query; -1 when the host does not know (as the platform documents). */
  totalResultCount: number;
  firstPageNumber = 1;
  lastPageNumber = 1;
  loadNextPageCalls = 0;
  /** Set when loadNextPage() was called; the test host then delivers the page. */
  pending = false;
  /** Rows fetched so far: the pages delivered, each of the page size in force when it was fetched. */
  loaded: number;
  constructor(
    private readonly owner: MockDataSet,
    public pageSize: number,
  ) {
    this.totalResultCount = owner.rows.length;
    this.loaded = Math.min(pageSize, owner.rows.length);
  }
  get hasNextPage(): boolean {
    return this.loaded < this.owner.rows.length;
  }
  get hasPreviousPage(): boolean {
    return false;
  }
  loadNextPage(): void {
    // The platform documents that loadNextPage does not support parallel execution.
    if (this.pending) throw new Error('loadNextPage called while the previous page is still loading');
    this.loadNextPageCalls++;
    this.pending = true;
  }
  loadPreviousPage(): void {
    throw new Error('not used by the funnel');
  }
  /** Reloads from the first page, with the page size last asked for. */
  reset(): void {
    this.pageSize = this.requestedPageSize ?? this.pageSize;
    this.lastPageNumber = 1;
    this.pending = false;
    this.loaded = Math.min(this.pageSize, this.owner.rows.length);
  }
  private requestedPageSize: number | undefined;
  /** Takes effect on the next data refresh (reset or refresh), as documented; loaded rows stay. */
  setPageSize(pageSize: number): void {
    this.requestedPageSize = pageSize;
  }
  loadExactPage(): void {
    throw new Error('not used by the funnel');
  }
}

export class MockDataSet implements ComponentFramework.PropertyTypes.DataSet {
  columns: Column[];
  error = false;
  errorMessage = '';
  private loadingSet = false;
  /** True while a page asked for is being fetched (or when a test says so). */
  get loading(): boolean {
    return this.loadingSet || this.paging.pending;
  }
  set loading(value: boolean) {
    this.loadingSet = value;
  }
  paging: MockPaging;
  sorting: ComponentFramework.PropertyHelper.DataSetApi.SortStatus[] = [];
  filtering = {
    getFilter: (): ComponentFramework.PropertyHelper.DataSetApi.FilterExpression => ({
      filterOperator: 0,
      conditions: [],
    }),
    setFilter: (): void => undefined,
    clearFilter: (): void => undefined,
  };
  linking = { getLinkedEntities: () => [], addLinkedEntity: (): void => undefined };
  selected: string[] = [];
  opened: EntityReference[] = [];

  constructor(
    public rows: readonly MockRow[],
    columns: readonly { name: string; alias: string; dataType: string }[],
    pageSize = 25,
  ) {
    this.columns = columns.map((c, order) => ({ ...c, displayName: c.alias, order, visualSizeFactor: 1 }));
    this.paging = new MockPaging(this, pageSize);
  }

  /** The loaded pages (first to last), as the platform exposes them. */
  private get loadedRows(): readonly MockRow[] {
    return this.rows.slice(0, this.paging.loaded);
  }
  private idsCache: { rows: number; ids: string[] } | undefined;
  get sortedRecordIds(): string[] {
    const rows = this.paging.loaded;
    if (this.idsCache?.rows !== rows) this.idsCache = { rows, ids: this.loadedRows.map((r) => r.id) };
    return this.idsCache.ids;
  }
  private cache: { rows: number; records: Record<string, EntityRecord> } | undefined;
  get records(): Record<string, EntityRecord> {
    if (this.cache?.rows !== this.paging.loaded) {
      const records = Object.fromEntries(this.loadedRows.map((r) => [r.id, new MockRecord(r)]));
      this.cache = { rows: this.paging.loaded, records };
    }
    return this.cache.records;
  }
  /** A new query result (another filter or view): back to the first page with other rows. */
  replaceRows(rows: readonly MockRow[]): void {
    this.rows = rows;
    this.paging.pending = false;
    this.paging.reset();
    this.paging.totalResultCount = rows.length;
  }

  /** Delivers the page asked for by loadNextPage(), appended to the loaded ones; false when nothing was asked. */
  deliverPage(): boolean {
    if (!this.paging.pending) return false;
    this.paging.pending = false;
    this.paging.lastPageNumber++;
    this.paging.loaded = Math.min(this.rows.length, this.paging.loaded + this.paging.pageSize);
    return true;
  }

  clearSelectedRecordIds(): void {
    this.selected = [];
  }
  getSelectedRecordIds(): string[] {
    return this.selected;
  }
  getTargetEntityType(): string {
    return 'opportunity';
  }
  getTitle(): string {
    return 'Open Opportunities';
  }
  getViewId(): string {
    return '00000000-0000-0000-0000-000000000001';
  }
  openDatasetItem(entityReference: EntityReference): void {
    this.opened.push(entityReference);
  }
  refresh(): void {
    this.paging.reset();
  }
  setSelectedRecordIds(ids: string[]): void {
    this.selected = ids;
  }
}

/** A host whose sortedRecordIds hold only the page just loaded (the control must not rely on accumulation). */
export class PageAtATimeDataSet extends MockDataSet {
  override get sortedRecordIds(): string[] {
    const { lastPageNumber, pageSize } = this.paging;
    return this.rows.slice((lastPageNumber - 1) * pageSize, lastPageNumber * pageSize).map((r) => r.id);
  }
}

/** A choice column's options for the PCF metadata stand-in: the value and the user's label. */
export interface MockChoice {
  column: string;
  options: readonly { value: number; label: string }[];
}

/**
 * `context.utils.getEntityMetadata(entityName, [column])` as a model-driven app answers it: an
 * EntityMetadata whose `Attributes` collection answers `get(name)`; a choice attribute carries both
 * shapes a real one does, its own `OptionSet` map keyed by value of `{ value, text }` and
 * `attributeDescriptor.OptionSet`, an array of `{ Value, Label, Color, IsHidden }` with the label in
 * the user's language only (PCF gives no other language). An unknown table rejects, as the platform
 * does; `calls` records what was asked.
 */
export function mockGetEntityMetadata(
  entityName: string,
  choices: readonly MockChoice[],
): {
  getEntityMetadata: (entity: string, attributes?: string[]) => Promise<unknown>;
  calls: { entity: string; attributes: string[] }[];
} {
  const calls: { entity: string; attributes: string[] }[] = [];
  const getEntityMetadata = (entity: string, attributes: string[] = []): Promise<unknown> => {
    calls.push({ entity, attributes });
    if (entity !== entityName) return Promise.reject(new Error(`The entity ${entity} does not exist.`));
    const nodes = new Map<string, unknown>();
    for (const choice of choices.filter((c) => attributes.includes(c.column))) {
      nodes.set(choice.column, {
        LogicalName: choice.column,
        AttributeType: 11,
        AttributeTypeName: 'picklist',
        OptionSet: Object.fromEntries(
          choice.options.map((o) => [o.value, { value: o.value, text: o.label }]),
        ),
        attributeDescriptor: {
          LogicalName: choice.column,
          Type: 'picklist',
          OptionSet: choice.options.map((o) => ({
            Value: o.value,
            Label: o.label,
            Color: null,
            IsHidden: false,
          })),
        },
      });
    }
    return Promise.resolve({
      LogicalName: entityName,
      EntitySetName: `${entityName}s`,
      Attributes: {
        get: (name: string): unknown => nodes.get(name),
        getByName: (name: string): unknown => nodes.get(name),
        getAll: (): unknown[] => [...nodes.values()],
      },
    });
  };
  return { getEntityMetadata, calls };
}
