/**
 * Typed mocks of the PCF context pieces the CollabSurvey control reads. Each class implements the
 * real ComponentFramework interface, so a change in the platform types breaks these mocks, not
 * silently the tests.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { CollabSurvey } from '../../../controls/CollabSurvey/CollabSurvey/index';
import path from 'node:path';
import type { SurveyContext } from '../../../controls/CollabSurvey/CollabSurvey/host-input';
import type { IInputs, IOutputs } from '../../../controls/CollabSurvey/CollabSurvey/manifest-types';
import type { RecordContextInfo } from '../../../controls/CollabSurvey/CollabSurvey/stored-value';

type Metadata = ComponentFramework.PropertyHelper.FieldPropertyMetadata.StringMetadata;

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** The `survey` strings of one catalogue language (what the generated resx holds). */
export function surveyStrings(lcid: number): Record<string, string> {
  const file = path.join(repoRoot, 'translations', 'ui', `${lcid}.json`);
  const catalogue = JSON.parse(readFileSync(file, 'utf8')) as { survey: Record<string, string> };
  return catalogue.survey;
}

/** A CollabSurvey control mounted on a context in a container of the test's document. */
export interface MountedSurvey<C> {
  control: CollabSurvey;
  context: C;
  container: HTMLDivElement;
  notify: ReturnType<typeof vi.fn<() => void>>;
}

/** Mounts the control in a new container of the document: init, then the first updateView. */
export function mountSurvey<C extends SurveyContext>(context: C): MountedSurvey<C> {
  const container = document.createElement('div');
  document.body.append(container);
  const control = new CollabSurvey();
  const notify = vi.fn<() => void>();
  control.init(context, notify, {}, container);
  control.updateView(context);
  return { control, context, container, notify };
}

/** The `responses` output in column mode: the document's text (null when none). */
export function textOutput(outputs: IOutputs): string | null {
  const value = outputs.responses;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new TypeError(`responses output is ${typeof value}, not text`);
  return value;
}

export class MockStringProperty implements ComponentFramework.PropertyTypes.StringProperty {
  error = false;
  errorMessage = '';
  type = 'Multiple';
  formatted?: string;
  security?: ComponentFramework.PropertyHelper.SecurityValues;
  attributes?: Metadata;
  constructor(public raw: string | null) {}
  withMaxLength(maxLength: number): this {
    this.attributes = {
      DisplayName: 'Survey responses',
      LogicalName: 'crmkit_surveyresponses',
      RequiredLevel: 0,
      IsSecured: false,
      SourceType: 0,
      Description: '',
      MaxLength: maxLength,
      ImeMode: 0,
      Format: 'TextArea',
    };
    return this;
  }
}

export class MockNumberProperty implements ComponentFramework.PropertyTypes.NumberProperty {
  error = false;
  errorMessage = '';
  type = 'Decimal';
  constructor(public raw: number | null = null) {}
}

export class MockMode implements ComponentFramework.Mode {
  allocatedHeight = -1;
  allocatedWidth = 640;
  isControlDisabled = false;
  isVisible = true;
  label = 'Survey responses';
  trackedResize = false;
  /** The record the form shows (undocumented in the typings; absent on a new record). */
  contextInfo?: RecordContextInfo;
  setControlState(): boolean {
    return true;
  }
  setFullScreen(): void {
    // not used by the control
  }
  trackContainerResize(value: boolean): void {
    this.trackedResize = value;
  }
}

export class MockResources implements ComponentFramework.Resources {
  constructor(private readonly strings: Readonly<Record<string, string>>) {}
  getResource(_id: string, _success: (data: string) => void, failure: () => void): void {
    failure();
  }
  getString(id: string): string {
    return this.strings[id] ?? id;
  }
}

type SurveyUserSettings = SurveyContext['userSettings'];

export class MockUserSettings implements SurveyUserSettings {
  constructor(
    public languageId = 1033,
    public userId = '{00000000-0000-0000-0000-0000000000a1}',
    public userName = 'Anna Petrova',
    private readonly offsetMinutes = 0,
  ) {}
  getTimeZoneOffsetMinutes(): number {
    return this.offsetMinutes;
  }
}

/** What the host's Web API rejects with when Dataverse refuses a request. */
export interface WebApiError {
  errorCode: number;
  message: string;
}

/** What the host rejects with instead of answering (kept apart from rows by its class). */
class Refusal {
  constructor(readonly reason: Error | WebApiError) {}
}

function refuse<T>(refusal: Refusal): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the host rejects with a plain object
  return Promise.reject(refusal.reason);
}

/** One Dataverse table's rows (keyed by lower-case id), shared by the forms (mock Web APIs) of a test. */
export class MockTable {
  readonly rows = new Map<string, ComponentFramework.WebApi.Entity>();
  /** When set, every Web API call fails like an offline client. */
  offline = false;
  /** How long a read takes (ms, on the test's timers); Infinity: it never answers. */
  latencyMs = 0;
  constructor(readonly entityType: string) {}
}

/** A Web API over mock tables; calls are recorded. Only retrieveRecord and updateRecord do anything. */
export class MockWebApi implements ComponentFramework.WebApi {
  readonly calls: { method: string; entityType: string; id?: string; options?: string }[] = [];
  constructor(private readonly table: MockTable) {}

  /** The row, or what the host rejects with: an Error offline, an error response when Dataverse refuses. */
  private rowOf(entityType: string, id: string): ComponentFramework.WebApi.Entity | Refusal {
    if (this.table.offline) return new Refusal(new Error('Network request failed'));
    const row =
      entityType === this.table.entityType
        ? this.table.rows.get(id.toLowerCase()) /* ids are case-insensitive GUIDs */
        : undefined;
    // Not an Error: `errorCode` is the unsigned decimal of the HRESULT (0x80040217, record not
    // found) and `message` the server's text, as Xrm.WebApi documents its errors.
    if (row === undefined)
      return new Refusal({ errorCode: 0x80040217, message: `${entityType} With Id = ${id} Does Not Exist` });
    return row;
  }
  retrieveRecord(
    entityType: string,
    id: string,
    options?: string,
  ): Promise<ComponentFramework.WebApi.Entity> {
    this.calls.push({
      method: 'retrieveRecord',
      entityType,
      id,
      ...(options === undefined ? {} : { options }),
    });
    const answer = (): Promise<ComponentFramework.WebApi.Entity> => {
      const row = this.rowOf(entityType, id);
      if (row instanceof Refusal) return refuse(row);
      const select = /^\?\$select=([\w,]+)$/.exec(options ?? '')?.[1]?.split(',');
      const picked =
        select === undefined ? { ...row } : Object.fromEntries(select.map((c) => [c, row[c] ?? null]));
      return Promise.resolve(picked);
    };
    const latency = this.table.latencyMs;
    if (latency === 0) return answer();
    return new Promise((resolve, reject) => {
      if (latency !== Infinity)
        setTimeout(() => {
          answer().then(resolve, reject);
        }, latency);
    });
  }

  updateRecord(
    entityType: string,
    id: string,
    data: ComponentFramework.WebApi.Entity,
  ): Promise<ComponentFramework.LookupValue> {
    this.calls.push({ method: 'updateRecord', entityType, id });
    const row = this.rowOf(entityType, id);
    if (row instanceof Refusal) return refuse(row);
    Object.assign(row, data);
    return Promise.resolve({ id, entityType });
  }
  createRecord(): Promise<ComponentFramework.LookupValue> {
    return Promise.reject(new Error('createRecord is not used by the survey control'));
  }
  deleteRecord(): Promise<ComponentFramework.LookupValue> {
    return Promise.reject(new Error('deleteRecord is not used by the survey control'));
  }
  retrieveMultipleRecords(): Promise<ComponentFramework.WebApi.RetrieveMultipleResponse> {
    return Promise.reject(new Error('retrieveMultipleRecords is not used by the survey control'));
  }
}

export class MockSurveyContext implements SurveyContext {
  parameters: IInputs;
  mode = new MockMode();
  /** Null like a host without the Web API, unless a test opens the context on a mock record. */
  webAPI: MockWebApi | null = null;
  userSettings: MockUserSettings;
  resources: MockResources;

  readonly responses: MockStringProperty;
  readonly definition = new MockStringProperty(null);

  constructor(value: string | null, lcid = 1033) {
    this.responses = new MockStringProperty(value);
    this.parameters = {
      responses: this.responses,
      definition: this.definition,
      csat: new MockNumberProperty(),
      nps: new MockNumberProperty(),
      responseCount: new MockNumberProperty(),
      responseTable: new MockStringProperty(null),
    };
    this.userSettings = new MockUserSettings(lcid);
    this.resources = new MockResources(surveyStrings(lcid));
  }
}
