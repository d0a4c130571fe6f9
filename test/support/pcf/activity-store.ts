/// <reference types="powerapps-component-framework" />
/**
 * An in-memory Dataverse activity table behind PCF's `context.webAPI`, for the survey control's
 * records mode: one store, many users (each gets their own `ComponentFramework.WebApi`). Like
 * Dataverse: the server sets `activityid`, `createdby`, `ownerid`, `createdon` and `modifiedon`;
 * activity privileges are checked (any of them can be taken away), write and delete are at user
 * level (another user's row is refused, 0x80048306), a missing row is 0x80040217, an unknown column
 * or query option 0x80060888, a value out of range 0x80044331. Lists page by a keyset skiptoken
 * (rows added meanwhile neither repeat nor shift a page). Runs in Node and, bundled, in the browser.
 */

type Row = Record<string, unknown>;
type Entity = ComponentFramework.WebApi.Entity;

export interface StoreUser {
  id: string;
  name: string;
  /** The user's language: the formatted values of choices use its labels. */
  lcid: number;
}

/** A choice option with its label per language. */
export interface StoreOption {
  value: number;
  labels: Readonly<Record<number, string>>;
}

export interface ActivityStoreOptions {
  /** The activity table's logical name, e.g. `crmkit_surveyresponse`. */
  table: string;
  entitySet: string;
  /** Number columns with their valid range. */
  numbers: Readonly<Record<string, readonly [number, number]>>;
  /** Choice columns with their options. */
  choices: Readonly<Record<string, readonly StoreOption[]>>;
  /** Text columns with their maximum length (subject and description included). */
  texts: Readonly<Record<string, number>>;
  /** Tables a row may be regarding: logical name → entity set name. */
  regarding: Readonly<Record<string, string>>;
  /** The time of the first write; each write is one second later (Dataverse keeps seconds). */
  start?: Date;
}

export const ACTIVITY_PRIVILEGES = [
  'prvCreateActivity',
  'prvReadActivity',
  'prvWriteActivity',
  'prvDeleteActivity',
  'prvAppendActivity',
] as const;

/** What PCF's Web API rejects with when Dataverse refuses: the unsigned HRESULT and the text. */
export interface StoreError {
  errorCode: number;
  message: string;
}

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const SERVER_COLUMNS = ['activityid', 'createdon', 'modifiedon', '_createdby_value', '_ownerid_value'];
const plain = (id: string): string => id.replace(/[{}]/g, '').toLowerCase();

export class ActivityStore {
  /** Every row, in the order created. */
  readonly rows: Row[] = [];
  /** Every request: user, method and its entity type and options or id. */
  readonly requests: string[] = [];
  /** When set, every request fails like a browser without a connection. */
  offline = false;
  private readonly denied = new Map<string, Set<string>>();
  private tick = 0;

  constructor(readonly options: ActivityStoreOptions) {}

  /** Takes a privilege away from a user (e.g. `prvCreateActivity`, `prvAppendToAccount`). */
  deny(userId: string, privilege: string): void {
    const set = this.denied.get(plain(userId)) ?? new Set<string>();
    set.add(privilege);
    this.denied.set(plain(userId), set);
  }

  /** Deletes a row as the server would for someone else (no checks). */
  remove(id: string): void {
    const at = this.rows.findIndex((r) => r.activityid === plain(id));
    if (at >= 0) this.rows.splice(at, 1);
  }

  webApiFor(user: StoreUser): ComponentFramework.WebApi {
    return new StoreWebApi(this, { ...user, id: plain(user.id) });
  }

  /** PCF's `utils.getEntityMetadata` as the user sees it: choice labels in the user's language. */
  metadataFor(user: StoreUser): (entityName: string, attributes?: string[]) => Promise<unknown> {
    return (entityName, attributes = []) => {
      const o = this.options;
      if (entityName === o.table) {
        const attributeOf = (name: string): unknown => ({
          LogicalName: name,
          attributeDescriptor: {
            OptionSet: (o.choices[name] ?? []).map((c) => ({ Value: c.value, Label: labelOf(c, user.lcid) })),
          },
        });
        const wanted = attributes.filter((a) => a in o.choices);
        return Promise.resolve({
          LogicalName: o.table,
          EntitySetName: o.entitySet,
          Attributes: { get: (name: string) => (wanted.includes(name) ? attributeOf(name) : undefined) },
        });
      }
      const set = o.regarding[entityName];
      if (set === undefined) return Promise.reject(new Error(`no table ${entityName}`));
      return Promise.resolve({ LogicalName: entityName, EntitySetName: set });
    };
  }

  // ---- the server side, used by StoreWebApi ----

  now(): string {
    const start = (this.options.start ?? new Date('2026-11-02T09:00:00Z')).getTime();
    return new Date(start + 1000 * this.tick++).toISOString().replace('.000Z', 'Z');
  }

  check(user: StoreUser, privileges: readonly string[]): void {
    if (this.offline) throw new TypeError('Failed to fetch');
    for (const p of privileges) {
      if (this.denied.get(user.id)?.has(p) === true) {
        throw fault(
          0x80040220,
          `Principal user (Id=${user.id}, type=8, roleCount=1, privilegeCount=311, accessMode=0), is missing ${p} privilege (Id=5a1e9b8f-1c2d-4e3f-8a9b-${p.length.toString().padStart(12, '0')}) on OTC=10001 for entity '${this.options.table}'.`,
        );
      }
    }
  }

  table(entityType: string): void {
    if (entityType !== this.options.table)
      throw fault(0x80060888, `Resource not found for the segment '${entityType}'.`);
  }

  /** Validates the columns of a create or update and returns them, the regarding binding aside. */
  columns(data: Entity, creating: boolean): { values: Row; regarding?: { entity: string; id: string } } {
    const o = this.options;
    const values: Row = {};
    let regarding: { entity: string; id: string } | undefined;
    for (const [key, value] of Object.entries(data)) {
      const bind = /^regardingobjectid_([a-z0-9_]+?)_(.+)@odata\.bind$/.exec(key);
      if (bind !== null && bind[2] === o.table && o.regarding[bind[1]!] !== undefined) {
        const m = /^\/([a-z0-9_]+)\(([0-9a-f-]{36})\)$/.exec(String(value));
        if (m === null || m[1] !== o.regarding[bind[1]!])
          throw fault(0x80060888, `Bad reference '${String(value)}' for ${key}.`);
        regarding = { entity: bind[1]!, id: m[2]! };
        continue;
      }
      if (!(key in o.numbers || key in o.choices || key in o.texts)) {
        throw fault(
          0x80060888,
          `An undeclared property '${key}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
        );
      }
      if (value !== null) this.validate(key, value);
      values[key] = value;
    }
    if (creating && regarding === undefined)
      throw fault(0x80040203, 'Regarding is required by this test store.');
    return regarding === undefined ? { values } : { values, regarding };
  }

  private validate(key: string, value: unknown): void {
    const o = this.options;
    const range = o.numbers[key];
    const options = o.choices[key];
    const max = o.texts[key];
    const ok =
      range !== undefined
        ? typeof value === 'number' && Number.isInteger(value) && value >= range[0] && value <= range[1]
        : options !== undefined
          ? options.some((c) => c.value === value)
          : typeof value === 'string' && value.length <= (max ?? 0);
    if (!ok) {
      throw fault(
        0x80044331,
        `A validation error occurred. The value ${JSON.stringify(value)} of '${key}' on record of type '${o.table}' is outside the valid range.`,
      );
    }
  }

  /** A row as the Web API returns it to `user`: the selected columns and their formatted values. */
  shape(row: Row, select: readonly string[], user: StoreUser): Entity {
    const out: Entity = { '@odata.etag': `W/"${String(row.version)}"` };
    for (const c of select) {
      out[c] = row[c] ?? null;
      const options = this.options.choices[c];
      const chosen = options?.find((o) => o.value === row[c]);
      if (chosen !== undefined) out[c + FORMATTED] = labelOf(chosen, user.lcid);
      if (c === '_createdby_value') out[c + FORMATTED] = row.createdbyname;
    }
    return out;
  }

  selectable(column: string): boolean {
    const o = this.options;
    return SERVER_COLUMNS.includes(column) || column in o.numbers || column in o.choices || column in o.texts;
  }
}

function labelOf(option: StoreOption, lcid: number): string {
  return option.labels[lcid] ?? option.labels[1033] ?? String(option.value);
}

/** A refusal while a request runs; the request rejects with its `reason`, as the host does. */
class Refusal extends Error {
  constructor(readonly reason: StoreError) {
    super(reason.message);
  }
}

function fault(errorCode: number, message: string): Refusal {
  return new Refusal({ errorCode, message });
}

/** Runs a request: its refusals become rejections, as the PCF Web API reports them. */
function run<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (e) {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the host rejects with { errorCode, message }
    return Promise.reject(e instanceof Refusal ? e.reason : e);
  }
}

interface Query {
  select: string[];
  regarding: string | undefined;
  ordered: boolean;
  after: string | undefined;
}

function parseQuery(store: ActivityStore, options: string): Query {
  if (options !== '' && !options.startsWith('?')) throw fault(0x80060888, `Bad query options '${options}'.`);
  const q: Query = { select: [], regarding: undefined, ordered: false, after: undefined };
  for (const part of options
    .slice(1)
    .split('&')
    .filter((p) => p !== '')) {
    const [name, value = ''] = part.split(/=(.*)/s) as [string, string?];
    if (name === '$select') {
      q.select = value.split(',');
      const bad = q.select.find((c) => !store.selectable(c));
      if (bad !== undefined)
        throw fault(
          0x80060888,
          `Could not find a property named '${bad}' on type 'Microsoft.Dynamics.CRM.${store.options.table}'.`,
        );
    } else if (name === '$filter') {
      const m = /^_regardingobjectid_value eq ([0-9a-f-]{36})$/.exec(value);
      if (m === null) throw fault(0x80060888, `The test store does not evaluate the filter '${value}'.`);
      q.regarding = m[1];
    } else if (name === '$orderby') {
      if (value !== 'createdon desc,activityid desc')
        throw fault(0x80060888, `The test store does not sort by '${value}'.`);
      q.ordered = true;
    } else if (name === '$skiptoken') {
      const m = /^<cookie pagenumber="\d+" last="([^"]+)" \/>$/.exec(decodeURIComponent(value));
      if (m === null) throw fault(0x80060888, `Bad skiptoken '${value}'.`);
      q.after = m[1];
    } else throw fault(0x80060888, `The query parameter '${name}' is not supported.`);
  }
  return q;
}

class StoreWebApi implements ComponentFramework.WebApi {
  constructor(
    private readonly store: ActivityStore,
    private readonly user: StoreUser,
  ) {}

  private log(method: string, detail: string): void {
    this.store.requests.push(`${this.user.name} ${method} ${detail}`);
  }

  private row(id: string): Row {
    const row = this.store.rows.find((r) => r.activityid === plain(id));
    if (row === undefined)
      throw fault(0x80040217, `${this.store.options.table} With Id = ${id} Does Not Exist`);
    return row;
  }

  private owned(row: Row, right: 'WriteAccess' | 'DeleteAccess'): void {
    if (row._ownerid_value === this.user.id) return;
    throw fault(
      0x80048306,
      `SecLib::AccessCheckEx failed. Returned hr = -2147187962, ObjectID: ${String(row.activityid)}, OwnerId: ${String(row._ownerid_value)},  OwnerIdType: 8 and CallingUser: ${this.user.id}. ObjectTypeCode: 10001, objectBusinessUnitId: 2f0e5c3a-0000-0000-0000-000000000001, AccessRights: ${right} `,
    );
  }

  createRecord(entityType: string, data: Entity): Promise<ComponentFramework.LookupValue> {
    return run(() => {
      this.log('create', entityType);
      const { store, user } = this;
      store.check(user, ['prvCreateActivity']);
      store.table(entityType);
      const { values, regarding } = store.columns(data, true);
      const entity = regarding!.entity;
      store.check(user, ['prvAppendActivity', `prvAppendTo${entity[0]!.toUpperCase()}${entity.slice(1)}`]);
      const id = crypto.randomUUID();
      const at = store.now();
      store.rows.push({
        ...values,
        activityid: id,
        _regardingobjectid_value: regarding!.id,
        _createdby_value: user.id,
        createdbyname: user.name,
        _ownerid_value: user.id,
        createdon: at,
        modifiedon: at,
        version: 1,
      });
      return { id, entityType, name: typeof values.subject === 'string' ? values.subject : '' };
    });
  }

  updateRecord(entityType: string, id: string, data: Entity): Promise<ComponentFramework.LookupValue> {
    return run(() => {
      this.log('update', `${entityType} ${id}`);
      const { store, user } = this;
      store.check(user, ['prvWriteActivity']);
      store.table(entityType);
      const row = this.row(id);
      this.owned(row, 'WriteAccess');
      const { values, regarding } = store.columns(data, false);
      Object.assign(row, values, { modifiedon: store.now(), version: Number(row.version) + 1 });
      if (regarding !== undefined) row._regardingobjectid_value = regarding.id;
      return { id: plain(id), entityType };
    });
  }

  deleteRecord(entityType: string, id: string): Promise<ComponentFramework.LookupValue> {
    return run(() => {
      this.log('delete', `${entityType} ${id}`);
      const { store, user } = this;
      store.check(user, ['prvDeleteActivity']);
      store.table(entityType);
      this.owned(this.row(id), 'DeleteAccess');
      store.remove(id);
      return { id: plain(id), entityType };
    });
  }

  retrieveRecord(entityType: string, id: string, options?: string): Promise<Entity> {
    return run(() => {
      this.log('retrieve', `${entityType} ${id} ${options ?? ''}`);
      this.store.check(this.user, ['prvReadActivity']);
      this.store.table(entityType);
      const q = parseQuery(this.store, options ?? '');
      const row = this.row(id);
      return this.store.shape(row, q.select.length === 0 ? Object.keys(row) : q.select, this.user);
    });
  }

  retrieveMultipleRecords(
    entityType: string,
    options?: string,
    maxPageSize = 5000,
  ): Promise<ComponentFramework.WebApi.RetrieveMultipleResponse> {
    return run(() => {
      this.log('list', `${entityType} ${options ?? ''} ${maxPageSize}`);
      const { store, user } = this;
      store.check(user, ['prvReadActivity']);
      store.table(entityType);
      if (!Number.isInteger(maxPageSize) || maxPageSize < 1 || maxPageSize > 5000) {
        throw fault(0x80060888, `maxPageSize ${maxPageSize} is outside 1…5000.`);
      }
      const q = parseQuery(store, options ?? '');
      if (q.select.length === 0)
        throw fault(0x80060888, 'The test store expects $select (as every query should have).');
      const key = (r: Row): string =>
        q.ordered ? `${String(r.createdon)}|${String(r.activityid)}` : String(r.activityid);
      const matching = store.rows
        .filter((r) => q.regarding === undefined || r._regardingobjectid_value === q.regarding)
        .sort((a, b) => (key(a) < key(b) ? 1 : -1) * (q.ordered ? 1 : -1))
        .filter((r) => q.after === undefined || (q.ordered ? key(r) < q.after : key(r) > q.after));
      const page = matching.slice(0, maxPageSize);
      const result: ComponentFramework.WebApi.RetrieveMultipleResponse = {
        entities: page.map((r) => store.shape(r, q.select, user)),
        nextLink: '',
      };
      const last = page[page.length - 1];
      if (matching.length > page.length && last !== undefined) {
        const rest = (options ?? '')
          .slice(1)
          .split('&')
          .filter((p) => p !== '' && !p.startsWith('$skiptoken='));
        const cookie = encodeURIComponent(`<cookie pagenumber="2" last="${key(last)}" />`);
        result.nextLink = `https://contoso.crm4.dynamics.com/api/data/v9.2/${store.options.entitySet}?${[...rest, `$skiptoken=${cookie}`].join('&')}`;
      } else {
        delete (result as { nextLink?: string }).nextLink;
      }
      return result;
    });
  }
}

/** The survey response table as `solution pack` describes it, for the tests (prefix `crmkit`). */
export function surveyResponseStore(start?: Date): ActivityStore {
  const option = (value: number, en: string, ru: string, bg: string, uk: string): StoreOption => ({
    value,
    labels: { 1033: en, 1049: ru, 1026: bg, 1058: uk },
  });
  return new ActivityStore({
    table: 'crmkit_surveyresponse',
    entitySet: 'crmkit_surveyresponses',
    numbers: { crmkit_nps: [0, 10], crmkit_csat: [1, 5] },
    choices: {
      crmkit_channel: [
        option(275680000, 'Phone', 'Телефон', 'Телефон', 'Телефон'),
        option(275680001, 'Visit', 'Визит', 'Посещение', 'Візит'),
        option(275680002, 'E-mail', 'Эл. почта', 'Имейл', 'Ел. пошта'),
        option(275680003, 'Meeting', 'Встреча', 'Среща', 'Зустріч'),
        option(275680004, 'Other', 'Другое', 'Друго', 'Інше'),
      ],
      crmkit_role: [
        option(275680000, 'Sales', 'Продажи', 'Продажби', 'Продажі'),
        option(275680001, 'Service', 'Сервис', 'Обслужване', 'Сервіс'),
        option(275680002, 'Delivery', 'Доставка', 'Доставка', 'Доставка'),
        option(275680003, 'Other', 'Другое', 'Друго', 'Інше'),
      ],
    },
    texts: {
      subject: 400,
      description: 2000,
      crmkit_respondent: 200,
      crmkit_answers: 1_048_576,
      crmkit_definitionversion: 100,
    },
    regarding: {
      account: 'accounts',
      contact: 'contacts',
      opportunity: 'opportunities',
      incident: 'incidents',
    },
    ...(start === undefined ? {} : { start }),
  });
}
