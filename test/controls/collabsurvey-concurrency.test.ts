// @vitest-environment jsdom
/**
 * Two forms open on one record, never refreshed, each saving a response: with the Web API the
 * control re-reads the stored value before handing its change to the form, so neither is lost.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CollabSurvey } from '../../controls/CollabSurvey/CollabSurvey/index';
import { parseDocument, serializeDocument } from '../../src/widgets/survey/document';
import { documentOf, response } from '../widgets/survey/fixtures';
import {
  MockSurveyContext,
  MockTable,
  MockUserSettings,
  MockWebApi,
  mountSurvey,
  textOutput,
} from '../widgets/survey/pcf-mocks';

const COLUMN = 'crmkit_surveyresponses';
const ACCOUNT_ID = '5a1c2a4e-0000-0000-0000-00000000c0de';
const ANNA = '{00000000-0000-0000-0000-0000000000a1}';
const BORIS = '{00000000-0000-0000-0000-0000000000b2}';

const initial = serializeDocument(
  documentOf(response('r1', { csat: 5, nps: 10 }, { respondent: 'Ivan Petrov', authorId: 'other' })),
);

interface Form {
  control: CollabSurvey;
  context: MockSurveyContext;
  container: HTMLDivElement;
  notify: ReturnType<typeof vi.fn<() => void>>;
  /** The form takes the control's outputs (notifyOutputChanged → getOutputs → updateView)… */
  accept: () => void;
  /** …and saves its value of the column to the record. */
  saveForm: () => Promise<void>;
}

/** Opens a form on the shared record, as the given user, with the value stored at that moment. */
function openForm(table: MockTable, userId: string, userName: string, lcid = 1033): Form {
  const stored = table.rows.get(ACCOUNT_ID)?.[COLUMN] as string | null | undefined;
  const context = new MockSurveyContext(stored ?? null, lcid);
  context.responses.withMaxLength(100_000);
  context.userSettings = new MockUserSettings(lcid, userId, userName);
  context.mode.contextInfo = { entityTypeName: 'account', entityId: `{${ACCOUNT_ID.toUpperCase()}}` };
  const webApi = new MockWebApi(table);
  context.webAPI = webApi;
  const { control, container, notify } = mountSurvey(context);
  return {
    control,
    context,
    container,
    notify,
    accept: () => {
      context.responses.raw = textOutput(control.getOutputs());
      control.updateView(context);
    },
    saveForm: async () => {
      await webApi.updateRecord('account', ACCOUNT_ID, { [COLUMN]: context.responses.raw });
    },
  };
}

function q<T extends HTMLElement>(root: ParentNode, selector: string, kind: new () => T): T {
  const found = root.querySelector(selector);
  if (!(found instanceof kind)) throw new Error(`no ${kind.name} matches ${selector}`);
  return found;
}
const click = (root: ParentNode, selector: string): void => q(root, selector, HTMLElement).click();

/** Lets the re-read's promise settle. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function addResponse(form: Form, stars: number, comment: string): Promise<void> {
  click(form.container, '[data-action="add"]');
  const radios = form.container.querySelectorAll<HTMLElement>('[data-question="csat"] [role="radio"]');
  radios[stars - 1]?.click();
  const text = q(form.container, '.crmkit-survey__form textarea', HTMLTextAreaElement);
  text.value = comment;
  text.dispatchEvent(new Event('input', { bubbles: true }));
  click(form.container, '[data-action="save"]');
  await settle();
}

const storedIds = (table: MockTable): string[] =>
  parseDocument((table.rows.get(ACCOUNT_ID)?.[COLUMN] as string | undefined) ?? '').responses.map(
    (r) => r.respondent,
  );
const shownRespondents = (form: Form): string[] =>
  [...form.container.querySelectorAll('.crmkit-survey__who')].map((n) => n.textContent ?? '');

describe('CollabSurvey on two forms of one record (jsdom, mock Web API)', () => {
  let table: MockTable;
  beforeEach(() => {
    document.body.replaceChildren();
    table = new MockTable('account');
    table.rows.set(ACCOUNT_ID, { accountid: ACCOUNT_ID, name: 'Contoso', [COLUMN]: initial });
  });

  it('keeps both responses when two users on never-refreshed forms each add one', async () => {
    const anna = openForm(table, ANNA, 'Anna Petrova');
    const boris = openForm(table, BORIS, 'Boris Ivanov');

    await addResponse(anna, 4, 'Anna after the call');
    expect(anna.notify).toHaveBeenCalledTimes(1);
    anna.accept();
    await anna.saveForm();

    await addResponse(boris, 2, 'Boris after the visit');
    expect(boris.notify).toHaveBeenCalledTimes(1);
    boris.accept();
    await boris.saveForm();

    expect(storedIds(table)).toEqual(['Ivan Petrov', 'Anna Petrova', 'Boris Ivanov']);
    // Boris now sees Anna's response too, and is told why.
    expect(shownRespondents(boris)).toContain('Anna Petrova');
    expect(q(boris.container, '.crmkit-survey__notice', HTMLElement).textContent).toBe(
      'Someone else updated the survey meanwhile; your change was applied to the latest version.',
    );
    expect(boris.control.getOutputs()).toMatchObject({ responseCount: 3, csat: 3.67 });
  });

  it('reads only the bound column of the shown record, by its id without braces', async () => {
    const anna = openForm(table, ANNA, 'Anna Petrova');
    await addResponse(anna, 5, 'x');
    const webApi = anna.context.webAPI;
    expect(webApi?.calls).toEqual([
      {
        method: 'retrieveRecord',
        entityType: 'account',
        id: ACCOUNT_ID.toUpperCase(),
        options: `?$select=${COLUMN}`,
      },
    ]);
  });

  it('keeps a response deleted on the other form deleted when adding one', async () => {
    table.rows.set(ACCOUNT_ID, {
      [COLUMN]: serializeDocument(
        documentOf(
          response('r1', { csat: 5 }, { authorId: 'other' }),
          response('b1', { csat: 1 }, { authorId: BORIS }),
        ),
      ),
    });
    const anna = openForm(table, ANNA, 'Anna Petrova');
    const boris = openForm(table, BORIS, 'Boris Ivanov');
    click(boris.container, '[data-response-id="b1"] [data-action="delete"]');
    click(boris.container, '[data-response-id="b1"] [data-action="confirm-delete"]');
    await settle();
    boris.accept();
    await boris.saveForm();

    await addResponse(anna, 3, 'Anna');
    anna.accept();
    await anna.saveForm();
    const ids = parseDocument(anna.context.responses.raw ?? '').responses.map((r) => r.id);
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain('b1');
  });

  it('reports an edit of a response deleted on the other form instead of bringing it back', async () => {
    table.rows.set(ACCOUNT_ID, {
      [COLUMN]: serializeDocument(documentOf(response('a1', { csat: 2 }, { authorId: ANNA }))),
    });
    const desk = openForm(table, ANNA, 'Anna Petrova');
    const laptop = openForm(table, ANNA, 'Anna Petrova');
    click(laptop.container, '[data-response-id="a1"] [data-action="delete"]');
    click(laptop.container, '[data-response-id="a1"] [data-action="confirm-delete"]');
    await settle();
    laptop.accept();
    await laptop.saveForm();

    click(desk.container, '[data-response-id="a1"] [data-action="edit"]');
    desk.container.querySelectorAll<HTMLElement>('[data-question="csat"] [role="radio"]')[4]?.click();
    click(desk.container, '[data-action="save"]');
    await settle();
    expect(desk.notify).not.toHaveBeenCalled();
    expect(q(desk.container, '.crmkit-survey__form [role="alert"]', HTMLElement).textContent).toBe(
      'This response was deleted by someone else; save it as a new response or cancel.',
    );
    expect(desk.container.querySelector('[data-response-id="a1"]')).toBeNull();
    // Nothing was saved, so nothing claims the change was applied.
    expect(q(desk.container, '.crmkit-survey__notice', HTMLElement).textContent).toBe('');
  });

  it('falls back to the form copy and says so (in Russian) when the re-read fails', async () => {
    const anna = openForm(table, ANNA, 'Анна Петрова', 1049);
    table.offline = true;
    await addResponse(anna, 5, 'Без сети');
    expect(anna.notify).toHaveBeenCalledTimes(1);
    expect(parseDocument(textOutput(anna.control.getOutputs()) ?? '').responses).toHaveLength(2);
    expect(q(anna.container, '.crmkit-survey__status', HTMLElement).textContent).toBe(
      'Не удалось проверить ответы, сохранённые другими (нет сети или доступа); сохранено в копию этой формы.',
    );
    // The next successful re-read clears the status line.
    table.offline = false;
    await addResponse(anna, 4, 'Снова в сети');
    expect(q(anna.container, '.crmkit-survey__status', HTMLElement).textContent).toBe('');
  });

  it('saves nothing over a stored value that another writer made unreadable', async () => {
    const anna = openForm(table, ANNA, 'Anna Petrova');
    table.rows.set(ACCOUNT_ID, { [COLUMN]: 'notes typed by hand' });
    await addResponse(anna, 5, 'kept in the form');
    expect(anna.notify).not.toHaveBeenCalled();
    expect(q(anna.container, '.crmkit-survey__notice', HTMLElement).textContent).toContain('cannot be read');
    expect(q(anna.container, '.crmkit-survey__form textarea', HTMLTextAreaElement).value).toBe(
      'kept in the form',
    );
  });

  it('saves at once, without a re-read, on a new record or without the Web API', () => {
    const anna = openForm(table, ANNA, 'Anna Petrova');
    anna.context.mode.contextInfo = { entityTypeName: 'account' };
    anna.control.updateView(anna.context);
    click(anna.container, '[data-action="add"]');
    anna.container.querySelector<HTMLElement>('[data-question="csat"] [role="radio"]')?.click();
    click(anna.container, '[data-action="save"]');
    expect(anna.notify).toHaveBeenCalledTimes(1);
    expect(anna.context.webAPI?.calls).toEqual([]);

    const boris = openForm(table, BORIS, 'Boris Ivanov');
    boris.context.webAPI = null;
    boris.control.updateView(boris.context);
    click(boris.container, '[data-action="add"]');
    boris.container.querySelector<HTMLElement>('[data-question="csat"] [role="radio"]')?.click();
    click(boris.container, '[data-action="save"]');
    expect(boris.notify).toHaveBeenCalledTimes(1);
  });

  it('does not save twice when Save is pressed again while the re-read is in flight', async () => {
    const anna = openForm(table, ANNA, 'Anna Petrova');
    click(anna.container, '[data-action="add"]');
    anna.container.querySelector<HTMLElement>('[data-question="csat"] [role="radio"]')?.click();
    click(anna.container, '[data-action="save"]');
    click(anna.container, '[data-action="save"]');
    await settle();
    expect(anna.notify).toHaveBeenCalledTimes(1);
    expect(parseDocument(textOutput(anna.control.getOutputs()) ?? '').responses).toHaveLength(2);
  });

  describe('a slow Web API', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    const startSave = (form: Form): void => {
      click(form.container, '[data-action="add"]');
      form.container.querySelector<HTMLElement>('[data-question="csat"] [role="radio"]')?.click();
      click(form.container, '[data-action="save"]');
    };
    const status = (form: Form): string | null =>
      q(form.container, '.crmkit-survey__status', HTMLElement).textContent;

    it('says it is checking only when the re-read is slow, then saves', async () => {
      const anna = openForm(table, ANNA, 'Anna Petrova');
      table.latencyMs = 2000;
      startSave(anna);
      await vi.advanceTimersByTimeAsync(400);
      expect(status(anna)).toBe('');
      await vi.advanceTimersByTimeAsync(200);
      expect(status(anna)).toBe('Checking for responses saved by others…');
      expect(anna.notify).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1500);
      expect(anna.notify).toHaveBeenCalledTimes(1);
      expect(status(anna)).toBe('');
    });

    it('saves on the form copy after 10 s without an answer, and says so', async () => {
      const anna = openForm(table, ANNA, 'Anna Petrova');
      table.latencyMs = Infinity;
      startSave(anna);
      await vi.advanceTimersByTimeAsync(9_900);
      expect(anna.notify).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(200);
      expect(anna.notify).toHaveBeenCalledTimes(1);
      expect(status(anna)).toBe(
        "Could not check for responses saved by others (offline or no access); saved on this form's copy.",
      );
    });
  });
});
