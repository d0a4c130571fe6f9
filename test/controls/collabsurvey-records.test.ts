// @vitest-environment jsdom
/// <reference types="powerapps-component-framework" />
/**
 * The CollabSurvey control in records mode (`responseTable` set), through its PCF adapter, against
 * an in-memory Dataverse activity table (test/support/pcf/activity-store.ts) that sets createdby
 * itself and enforces privileges and ownership.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SurveyContext } from '../../controls/CollabSurvey/CollabSurvey/host-input';
import type { IInputs, IOutputs } from '../../controls/CollabSurvey/CollabSurvey/manifest-types';
import { surveyResponseStore, type ActivityStore, type StoreUser } from '../support/pcf/activity-store';
import {
  MockMode,
  MockNumberProperty,
  MockResources,
  MockStringProperty,
  MockUserSettings,
  surveyStrings,
  mountSurvey,
  type MountedSurvey,
} from '../widgets/survey/pcf-mocks';

const ACCOUNT = '5a1c2a4e-0000-4000-8000-00000000c0de';
const ANNA: StoreUser = { id: '{00000000-0000-0000-0000-0000000000A1}', name: 'Anna Petrova', lcid: 1033 };
const BORIS: StoreUser = { id: '00000000-0000-0000-0000-0000000000b2', name: 'Борис Иванов', lcid: 1049 };
const PHONE = 275680000;
const VISIT = 275680001;

class RecordsContext implements SurveyContext {
  mode = new MockMode();
  userSettings: MockUserSettings;
  resources: MockResources;
  parameters: IInputs;
  webAPI: ComponentFramework.WebApi | null;
  utils: { getEntityMetadata: ComponentFramework.Utility['getEntityMetadata'] };
  readonly summary = new MockNumberProperty(null);

  constructor(
    store: ActivityStore,
    user: StoreUser,
    recordId: string | undefined,
    table = 'crmkit_surveyresponse',
  ) {
    this.summary.type = 'Whole.None';
    this.mode.contextInfo = {
      entityTypeName: 'account',
      ...(recordId === undefined ? {} : { entityId: recordId }),
    };
    this.userSettings = new MockUserSettings(user.lcid, user.id, user.name);
    this.resources = new MockResources(surveyStrings(user.lcid));
    this.parameters = {
      responses: this.summary,
      definition: new MockStringProperty(null),
      csat: new MockNumberProperty(),
      nps: new MockNumberProperty(),
      responseCount: new MockNumberProperty(),
      responseTable: new MockStringProperty(table),
    };
    this.webAPI = store.webApiFor(user);
    const metadata = store.metadataFor(user);
    this.utils = { getEntityMetadata: (entity, attributes) => metadata(entity, attributes) as never };
  }
}

interface Form extends MountedSurvey<RecordsContext> {
  outputs: () => IOutputs;
}

const forms: Form[] = [];
afterEach(() => {
  for (const f of forms.splice(0)) {
    f.control.destroy();
    f.container.remove();
  }
});

/** Lets every pending Web API answer (the store answers at once) reach the control. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function open(
  store: ActivityStore,
  user: StoreUser,
  options: { recordId?: string | undefined; table?: string; webApi?: null } = {},
): Promise<Form> {
  const recordId = 'recordId' in options ? options.recordId : `{${ACCOUNT.toUpperCase()}}`;
  const context = new RecordsContext(store, user, recordId, options.table);
  if (options.webApi === null) context.webAPI = null;
  const mounted = mountSurvey(context);
  await settle();
  const form = { ...mounted, outputs: () => mounted.control.getOutputs() };
  forms.push(form);
  return form;
}

const all = (root: ParentNode, selector: string): HTMLElement[] => [
  ...root.querySelectorAll<HTMLElement>(selector),
];
function one(root: ParentNode, selector: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(selector);
  if (found === null) throw new Error(`nothing matches ${selector}`);
  return found;
}
const texts = (root: ParentNode, selector: string): string[] =>
  all(root, selector).map((e) => e.textContent ?? '');

/** Seeds a response as `user` through the store's Web API (the server sets who and when). */
async function seed(
  store: ActivityStore,
  user: StoreUser,
  nps: number | null,
  respondent: string,
  extra = {},
): Promise<string> {
  const created = await store.webApiFor(user).createRecord('crmkit_surveyresponse', {
    subject: `NPS ${nps ?? '-'}`,
    crmkit_nps: nps,
    crmkit_channel: PHONE,
    crmkit_respondent: respondent,
    description: '',
    'regardingobjectid_account_crmkit_surveyresponse@odata.bind': `/accounts(${ACCOUNT})`,
    ...extra,
  });
  return created.id;
}

async function addResponse(f: Form, nps: number, comment: string, channel = VISIT): Promise<void> {
  one(f.container, '[data-action="add"]').click();
  all(f.container, '[data-question="nps"] [role="radio"]')[nps]!.click();
  const select = one(f.container, 'select[name="channel"]') as HTMLSelectElement;
  select.value = String(channel);
  select.dispatchEvent(new Event('change'));
  const area = one(f.container, '.crmkit-survey__form textarea') as HTMLTextAreaElement;
  area.value = comment;
  area.dispatchEvent(new Event('input'));
  one(f.container, '[data-action="save"]').click();
  await settle();
}

describe('CollabSurvey in records mode', () => {
  it('lists the responses regarding the record newest first, each as text, with edit only on the own ones', async () => {
    const store = surveyResponseStore();
    await seed(store, BORIS, 6, '<img src=x onerror=alert(1)>');
    await seed(store, ANNA, 9, 'Anna Ivanova');
    await store.webApiFor(ANNA).createRecord('crmkit_surveyresponse', {
      crmkit_nps: 3,
      crmkit_respondent: 'Elsewhere',
      'regardingobjectid_contact_crmkit_surveyresponse@odata.bind':
        '/contacts(11111111-0000-4000-8000-000000000001)',
    });
    const f = await open(store, ANNA);
    expect(texts(f.container, '.crmkit-survey__who')).toEqual([
      'Anna Ivanova',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(f.container.querySelector('img')).toBeNull();
    const [own, other] = all(f.container, '.crmkit-survey__item');
    expect(all(own!, '[data-action="edit"]')).toHaveLength(1);
    expect(all(other!, '[data-action="edit"], [data-action="delete"]')).toHaveLength(0);
    // The channel is the table's label in the user's language.
    expect(one(own!, '.crmkit-survey__meta').textContent).toContain('Phone');
    // Summary over both: one promoter, one detractor → NPS 0.
    expect(texts(f.container, '.crmkit-survey__card-value').slice(0, 3)).toEqual([
      '0',
      'No ratings yet',
      '2',
    ]);
    expect(f.notify).not.toHaveBeenCalled();
    expect(store.requests).toContain(
      `Anna Petrova list crmkit_surveyresponse ?$select=activityid,crmkit_nps,crmkit_csat,crmkit_channel,crmkit_role,crmkit_respondent,crmkit_answers,description,createdon,modifiedon,_createdby_value&$filter=_regardingobjectid_value eq ${ACCOUNT}&$orderby=createdon desc,activityid desc 50`,
    );
  });

  it('adds a response regarding the open record, with a generated subject, and hands the new NPS to the bound summary column', async () => {
    const store = surveyResponseStore();
    await seed(store, BORIS, 10, 'Ivan Petrov');
    const f = await open(store, ANNA);
    await addResponse(f, 9, 'Renewal is likely');
    const row = store.rows.find((r) => r.description === 'Renewal is likely')!;
    expect(row).toMatchObject({
      _regardingobjectid_value: ACCOUNT,
      _createdby_value: '00000000-0000-0000-0000-0000000000a1',
      crmkit_nps: 9,
      crmkit_csat: null,
      crmkit_channel: VISIT,
      crmkit_respondent: 'Anna Petrova',
      subject: 'NPS 9 · Visit · Anna Petrova',
      crmkit_answers: null,
      crmkit_definitionversion: 'builtin',
    });
    expect(f.notify).toHaveBeenCalledTimes(1);
    expect(f.outputs()).toEqual({ responses: 100, nps: 100, csat: undefined, responseCount: 2 });
    expect(texts(f.container, '.crmkit-survey__who')).toEqual(['Anna Petrova', 'Ivan Petrov']);
  });

  it('writes the subject with the channel in the user language', async () => {
    const store = surveyResponseStore();
    const f = await open(store, BORIS);
    await addResponse(f, 7, 'Звонок', PHONE);
    expect(store.rows[0]!.subject).toBe('NPS 7 · Телефон · Борис Иванов');
    expect(one(f.container, '.crmkit-survey__meta').textContent).toContain('Телефон');
  });

  it('keeps both responses when two users add at the same time, and each sees the other after saving', async () => {
    const store = surveyResponseStore();
    const anna = await open(store, ANNA);
    const boris = await open(store, BORIS);
    await addResponse(anna, 10, 'Anna');
    await addResponse(boris, 4, 'Boris');
    expect(store.rows.map((r) => r.description)).toEqual(['Anna', 'Boris']);
    expect(texts(boris.container, '.crmkit-survey__who')).toEqual(['Борис Иванов', 'Anna Petrova']);
    expect(boris.outputs()).toMatchObject({ responses: 0, responseCount: 2 });
  });

  it('edits the own response with updateRecord and keeps who recorded it', async () => {
    const store = surveyResponseStore();
    const id = await seed(store, ANNA, 5, 'Anna Petrova');
    const f = await open(store, ANNA);
    one(f.container, '[data-action="edit"]').click();
    all(f.container, '[data-question="nps"] [role="radio"]')[8]!.click();
    one(f.container, '[data-action="save"]').click();
    await settle();
    expect(store.rows).toHaveLength(1);
    expect(store.rows[0]).toMatchObject({
      activityid: id,
      crmkit_nps: 8,
      _createdby_value: '00000000-0000-0000-0000-0000000000a1',
    });
    expect(one(f.container, '.crmkit-survey__item').textContent).toContain('edited');
    expect(f.outputs().responses).toBe(0);
  });

  it('names the missing privilege when the server refuses a change, and keeps the typed response', async () => {
    const store = surveyResponseStore();
    store.deny(ANNA.id, 'prvCreateActivity');
    const f = await open(store, ANNA);
    await addResponse(f, 9, 'Kept in the form');
    expect(store.rows).toHaveLength(0);
    expect(one(f.container, '.crmkit-survey__form [role="alert"]').textContent).toBe(
      'Not saved: adding survey responses needs the prvCreateActivity privilege. Ask your administrator for the Survey contributor role.',
    );
    expect((one(f.container, '.crmkit-survey__form textarea') as HTMLTextAreaElement).value).toBe(
      'Kept in the form',
    );
    expect(f.notify).not.toHaveBeenCalled();
  });

  it('says which privilege is missing when another user’s response is changed behind the control’s back (ownership)', async () => {
    const store = surveyResponseStore();
    const id = await seed(store, ANNA, 5, 'Anna Petrova');
    const f = await open(store, ANNA);
    // Meanwhile the row was assigned to Boris: the server now refuses Anna's write (user-level privilege).
    store.rows[0]!._ownerid_value = '00000000-0000-0000-0000-0000000000b2';
    one(f.container, '[data-action="edit"]').click();
    one(f.container, '[data-action="save"]').click();
    await settle();
    expect(one(f.container, '.crmkit-survey__form [role="alert"]').textContent).toContain('prvWriteActivity');
    expect(store.rows[0]).toMatchObject({ activityid: id, crmkit_nps: 5 });
  });

  it('reports a response deleted by someone else meanwhile and does not create it again', async () => {
    const store = surveyResponseStore();
    const id = await seed(store, ANNA, 5, 'Anna Petrova');
    const f = await open(store, ANNA);
    one(f.container, '[data-action="edit"]').click();
    store.remove(id);
    one(f.container, '[data-action="save"]').click();
    await settle();
    expect(store.rows).toHaveLength(0);
    expect(store.requests.filter((r) => r.includes(' create '))).toHaveLength(1); // only the seed
    expect(one(f.container, '.crmkit-survey__notice').textContent).toBe(
      'This response was deleted by someone else meanwhile; it is no longer shown and was not saved again.',
    );
    expect(all(f.container, '.crmkit-survey__item')).toHaveLength(0);
    expect(f.outputs()).toMatchObject({ responses: null, responseCount: 0 });
  });

  it('deletes the own response after confirmation', async () => {
    const store = surveyResponseStore();
    await seed(store, ANNA, 5, 'Anna Petrova');
    await seed(store, BORIS, 10, 'Boris');
    const f = await open(store, ANNA);
    one(f.container, '[data-action="delete"]').click();
    one(f.container, '[data-action="confirm-delete"]').click();
    await settle();
    expect(store.rows.map((r) => r.crmkit_respondent)).toEqual(['Boris']);
    expect(f.outputs()).toMatchObject({ responses: 100, responseCount: 1 });
  });

  it('pages 120 responses by 50 with Show more, and counts all of them in the summary', async () => {
    const store = surveyResponseStore();
    for (let i = 0; i < 120; i++) await seed(store, BORIS, i % 11, `Respondent ${i}`);
    const f = await open(store, ANNA);
    expect(all(f.container, '.crmkit-survey__item')).toHaveLength(50);
    expect(texts(f.container, '.crmkit-survey__card-value')[2]).toBe('120');
    expect(one(f.container, '[data-action="show-more"]').textContent).toBe('Show 50 more of 120');
    one(f.container, '[data-action="show-more"]').click();
    await settle();
    one(f.container, '[data-action="show-more"]').click();
    await settle();
    const who = texts(f.container, '.crmkit-survey__who');
    expect(who).toHaveLength(120);
    expect(new Set(who).size).toBe(120);
    expect(who[0]).toBe('Respondent 119');
    expect(f.container.querySelector('[data-action="show-more"]')).toBeNull();
  });

  it('shows answers that are not valid JSON as their raw text and never offers to rewrite them', async () => {
    const store = surveyResponseStore();
    await seed(store, ANNA, 9, 'Anna Petrova', { crmkit_answers: '{"q1": tru' });
    const f = await open(store, ANNA);
    expect(one(f.container, '.crmkit-survey__item pre').textContent).toBe('{"q1": tru');
    expect(all(f.container, '[data-action="edit"]')).toHaveLength(0);
    expect(store.requests.filter((r) => r.includes(' update '))).toEqual([]);
  });

  it('says that responses can be added once a new record is saved, then lists them', async () => {
    const store = surveyResponseStore();
    const f = await open(store, ANNA, { recordId: undefined });
    expect(one(f.container, '.crmkit-survey__body').textContent).toBe(
      'Responses can be added after the record is saved.',
    );
    expect(f.container.querySelector('[data-action="add"]')).toBeNull();
    expect(store.requests).toEqual([]);
    f.context.mode.contextInfo = { entityTypeName: 'account', entityId: ACCOUNT };
    f.control.updateView(f.context);
    await settle();
    expect(f.container.querySelector('[data-action="add"]')).not.toBeNull();
  });

  it.each([
    ['without a Web API', { webApi: null }],
    ['offline', {}],
  ] as const)('leaves the form usable and says so %s', async (_, options) => {
    const store = surveyResponseStore();
    store.offline = true;
    const f = await open(store, ANNA, options);
    expect(one(f.container, '.crmkit-survey__body').textContent).toContain(
      'Survey responses cannot be reached right now (offline or the server is unavailable).',
    );
    expect(f.notify).not.toHaveBeenCalled();
    if ('webApi' in options) return;
    store.offline = false;
    one(f.container, '[data-action="retry"]').click();
    await settle();
    expect(f.container.querySelector('[data-action="add"]')).not.toBeNull();
  });

  it('names the read privilege when the user may not read responses', async () => {
    const store = surveyResponseStore();
    store.deny(ANNA.id, 'prvReadActivity');
    const f = await open(store, ANNA);
    expect(one(f.container, '.crmkit-survey__body').textContent).toContain(
      'the prvReadActivity privilege is missing',
    );
  });

  it('works in column mode again once responseTable is cleared and a text column is bound', async () => {
    const f = await open(surveyResponseStore(), ANNA);
    f.context.parameters.responseTable.raw = null;
    f.context.parameters.responses = new MockStringProperty(null);
    f.control.updateView(f.context);
    expect(all(f.container, '.crmkit-survey')).toHaveLength(1);
    expect(one(f.container, '.crmkit-survey__list').textContent).toContain('No responses yet.');
    expect(one(f.container, '[data-action="add"]').textContent).toBe('Add response');
  });

  it('asks for the table when the control sits on a number column without one', async () => {
    const f = await open(surveyResponseStore(), ANNA, { table: '' });
    expect(one(f.container, '.crmkit-survey__body').textContent).toContain('no survey response table is set');
  });

  it('says what is wrong with a table name that is none', async () => {
    const f = await open(surveyResponseStore(), ANNA, { table: 'survey response' });
    expect(one(f.container, '.crmkit-survey__body').textContent).toContain(
      '"survey response" is not a table name',
    );
  });
});
