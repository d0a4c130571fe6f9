// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CollabSurvey } from '../../controls/CollabSurvey/CollabSurvey/index';
import type { IOutputs } from '../../controls/CollabSurvey/CollabSurvey/manifest-types';
import { parseDocument, serializeDocument } from '../../src/widgets/survey/document';
import { documentOf, response } from '../widgets/survey/fixtures';
import { mountSurvey, MockSurveyContext, MockUserSettings, textOutput } from '../widgets/survey/pcf-mocks';

const ANNA = '{00000000-0000-0000-0000-0000000000a1}';

interface Mounted {
  control: CollabSurvey;
  context: MockSurveyContext;
  container: HTMLDivElement;
  notify: ReturnType<typeof vi.fn<() => void>>;
  /** What the host does after notifyOutputChanged: read the outputs and hand the value back. */
  acceptOutputs: () => IOutputs;
}

function mount(value: string | null, lcid = 1033): Mounted {
  const context = new MockSurveyContext(value, lcid);
  const { control, container, notify } = mountSurvey(context);
  const acceptOutputs = (): IOutputs => {
    const outputs = control.getOutputs();
    context.responses.raw = textOutput(outputs);
    control.updateView(context);
    return outputs;
  };
  return { control, context, container, notify, acceptOutputs };
}

function q(root: ParentNode, selector: string): HTMLElement;
function q<T extends HTMLElement>(root: ParentNode, selector: string, kind: new () => T): T;
function q(root: ParentNode, selector: string, kind: new () => HTMLElement = HTMLElement): HTMLElement {
  const found = root.querySelector(selector);
  if (!(found instanceof kind)) throw new Error(`no ${kind.name} matches ${selector}`);
  return found;
}
const click = (root: ParentNode, selector: string): void => q(root, selector).click();
const key = (target: Element, k: string): void => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
};
const radios = (root: ParentNode, questionId: string): HTMLElement[] => [
  ...root.querySelectorAll<HTMLElement>(`[data-question="${questionId}"] [role="radio"]`),
];
const type = (input: HTMLInputElement | HTMLTextAreaElement, text: string): void => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

const stored = serializeDocument(
  documentOf(
    response(
      'r1',
      { csat: 5, nps: 10 },
      { respondent: 'Ivan Petrov', authorId: 'other', at: '2026-11-01T09:00:00Z' },
    ),
    response(
      'r2',
      { csat: 4, nps: 6 },
      { respondent: 'Anna Petrova', authorId: ANNA, at: '2026-11-20T15:30:00Z', channel: 'visit' },
    ),
  ),
);

describe('CollabSurvey control (jsdom, mock PCF context)', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows NPS, CSAT, the number of responses and the last response from the stored value', () => {
    const { container, context } = mount(stored);
    expect(context.mode.trackedResize).toBe(true);
    const summary = q(container, '.crmkit-survey__summary');
    const cards = [...summary.querySelectorAll('.crmkit-survey__card')].map((c) => c.textContent);
    expect(cards[0]).toContain('NPS');
    expect(cards[0]).toContain('0'); // one promoter, one detractor
    expect(cards[1]).toContain('4.5');
    expect(cards[1]).toContain('4.5 out of 5');
    expect(cards[2]).toContain('2');
    expect(cards[3]).toContain('Anna Petrova');
    const items = [...container.querySelectorAll('.crmkit-survey__item')];
    expect(items.map((i) => i.getAttribute('data-response-id'))).toEqual(['r2', 'r1']);
  });

  it('adds a response answered with the keyboard and hands the scores to the output columns', () => {
    const { container, notify, acceptOutputs } = mount(stored);
    click(container, '[data-action="add"]');
    const respondent = q(container, '.crmkit-survey__form input[type="text"]', HTMLInputElement);
    expect(respondent.value).toBe('Anna Petrova');
    // Anna's earlier response (r2) was recorded as sales: the role is suggested again.
    expect(q(container, 'select[name="role"]', HTMLSelectElement).value).toBe('sales');
    expect(document.activeElement).toBe(respondent);
    const stars = radios(container, 'csat');
    stars[0]!.focus();
    for (let i = 0; i < 4; i++) key(document.activeElement!, 'ArrowRight');
    expect(stars.map((s) => s.getAttribute('aria-checked'))).toEqual([
      'false',
      'false',
      'false',
      'true',
      'false',
    ]);
    expect(document.activeElement).toBe(stars[3]);
    const nps = radios(container, 'nps');
    nps[0]!.focus();
    key(nps[0]!, 'End');
    key(document.activeElement!, 'ArrowLeft');
    expect(nps[9]!.getAttribute('aria-checked')).toBe('true');
    const channel = q(container, 'select[name="channel"]', HTMLSelectElement);
    channel.value = 'email';
    channel.dispatchEvent(new Event('change'));
    type(q(container, '.crmkit-survey__form textarea', HTMLTextAreaElement), 'Happy with the delivery');
    click(container, '[data-action="save"]');

    expect(notify).toHaveBeenCalledTimes(1);
    const outputs = acceptOutputs();
    const doc = parseDocument(textOutput(outputs)!);
    const added = doc.responses.find((r) => r.id !== 'r1' && r.id !== 'r2')!;
    expect(added).toMatchObject({
      respondent: 'Anna Petrova',
      channel: 'email',
      authorId: ANNA,
      answers: { csat: 4, nps: 9 },
      comment: 'Happy with the delivery',
    });
    // NPS 10, 6 and 9: two promoters, one detractor of three.
    expect(outputs).toMatchObject({ csat: 4.33, nps: 33, responseCount: 3 });
    expect(container.querySelector('.crmkit-survey__form')).toBeNull();
    expect(container.querySelectorAll('.crmkit-survey__item')).toHaveLength(3);
  });

  it('saves an unanswered question as not rated, never as a middle value', () => {
    const { container, acceptOutputs } = mount('');
    click(container, '[data-action="add"]');
    const stars = radios(container, 'csat');
    stars[2]!.click();
    key(stars[2]!, 'Delete');
    expect(stars.every((s) => s.getAttribute('aria-checked') === 'false')).toBe(true);
    expect(q(container, '[data-question="csat"] .crmkit-choice__status').hidden).toBe(false);
    type(q(container, '.crmkit-survey__form textarea', HTMLTextAreaElement), 'Call back next week');
    click(container, '[data-action="save"]');
    const outputs = acceptOutputs();
    expect(parseDocument(textOutput(outputs)!).responses[0]?.answers).toEqual({});
    expect(outputs.csat).toBeUndefined();
    expect(outputs.responseCount).toBe(1);
    expect(q(container, '.crmkit-survey__item').textContent).toContain('Not rated');
  });

  it('refuses to save a response with nothing answered', () => {
    const { container, notify } = mount('');
    click(container, '[data-action="add"]');
    click(container, '[data-action="save"]');
    expect(notify).not.toHaveBeenCalled();
    expect(q(container, '.crmkit-survey__form [role="alert"]').textContent).toBe(
      'Answer at least one question or write a comment.',
    );
  });

  it('renders user text as text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.hacked=1"><b>bold</b>';
    const { container } = mount(
      serializeDocument(
        documentOf(response('x', { csat: 3 }, { respondent: hostile, comment: hostile, role: hostile })),
      ),
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(q(container, '.crmkit-survey__comment').textContent).toContain(hostile);
    expect(q(container, '.crmkit-survey__who').textContent).toBe(hostile);
  });

  it('shows an unreadable stored value with its text to copy and never overwrites it by itself', () => {
    const raw = 'Customer called, very happy (typed by hand before the control was added)';
    const { container, notify, control, context } = mount(raw);
    expect(q(container, '.crmkit-message--error').textContent).toContain('it is not valid JSON');
    expect(q(container, '.crmkit-survey__raw', HTMLTextAreaElement).value).toBe(raw);
    expect(container.querySelector('[data-action="add"]')).toBeNull();
    control.updateView(context);
    click(container, '[data-action="start-over"]');
    expect(notify).not.toHaveBeenCalled();
    expect(q(container, '.crmkit-survey__confirm').textContent).toContain('Replace the stored text');
    click(container, '[data-action="confirm-start-over"]');
    expect(notify).toHaveBeenCalledTimes(1);
    expect(control.getOutputs().responses).toBe('{"version":1,"responses":[]}');
  });

  it('offers no start over when the user may not edit the unreadable value', () => {
    const { container, context, control } = mount('{"version":7}');
    context.mode.isControlDisabled = true;
    control.updateView(context);
    expect(q(container, '.crmkit-message--error').textContent).toContain('version 7 is not supported');
    expect(container.querySelector('[data-action="start-over"]')).toBeNull();
    expect(container.querySelector('[data-action="copy"]')).not.toBeNull();
  });

  it('adds the new response to the latest document when the value changed while composing', () => {
    const { container, context, control, acceptOutputs } = mount(stored);
    click(container, '[data-action="add"]');
    radios(container, 'csat')[0]!.click();
    const comment = q(container, '.crmkit-survey__form textarea', HTMLTextAreaElement);
    type(comment, 'Draft typed before the refresh');
    // Another user saved meanwhile; the form refreshes the value under the control.
    const theirs = documentOf(
      ...parseDocument(stored).responses,
      response('r3', { nps: 2 }, { authorId: 'other' }),
    );
    context.responses.raw = serializeDocument(theirs);
    control.updateView(context);
    expect(q(container, '.crmkit-survey__form textarea', HTMLTextAreaElement)).toBe(comment);
    expect(comment.value).toBe('Draft typed before the refresh');
    expect(container.querySelectorAll('.crmkit-survey__item')).toHaveLength(3);
    click(container, '[data-action="save"]');
    const ids = parseDocument(textOutput(acceptOutputs())!).responses.map((r) => r.id);
    expect(ids.slice(0, 3)).toEqual(['r1', 'r2', 'r3']);
    expect(ids).toHaveLength(4);
  });

  it('refuses a response that would exceed the column maximum length and keeps the draft', () => {
    const { container, context, control, notify } = mount(stored);
    context.responses.withMaxLength(stored.length + 40);
    control.updateView(context);
    click(container, '[data-action="add"]');
    type(q(container, '.crmkit-survey__form textarea', HTMLTextAreaElement), 'A long comment '.repeat(10));
    click(container, '[data-action="save"]');
    expect(notify).not.toHaveBeenCalled();
    expect(q(container, '.crmkit-survey__form [role="alert"]').textContent).toMatch(
      /^Not saved: the survey would need \d+ characters, but the column holds at most \d+/,
    );
    expect(q(container, '.crmkit-survey__form textarea', HTMLTextAreaElement).value).toContain(
      'A long comment',
    );
  });

  it.each([
    ['the control is disabled', (c: MockSurveyContext) => (c.mode.isControlDisabled = true)],
    [
      'the column is not editable',
      (c: MockSurveyContext) => (c.responses.security = { editable: false, readable: true, secured: true }),
    ],
  ])('is read-only when %s', (_name, makeReadOnly) => {
    const { container, context, control } = mount(stored);
    makeReadOnly(context);
    control.updateView(context);
    expect(container.querySelector('[data-action="add"]')).toBeNull();
    expect(container.querySelector('[data-action="edit"]')).toBeNull();
    expect(q(container, '.crmkit-badge').textContent).toBe('Read-only');
    expect(container.querySelectorAll('.crmkit-survey__item')).toHaveLength(2);
  });

  it('masks the responses when the column is not readable', () => {
    const { container, context, control } = mount(stored);
    context.responses.security = { editable: false, readable: false, secured: true };
    control.updateView(context);
    expect(container.textContent).toContain('You do not have permission to see the survey responses.');
    expect(container.textContent).not.toContain('Ivan Petrov');
    expect(container.querySelector('.crmkit-survey__summary')).toBeNull();
  });

  it('lets users edit and delete only their own responses', () => {
    const { container, acceptOutputs } = mount(stored);
    const own = q(container, '[data-response-id="r2"]');
    const others = q(container, '[data-response-id="r1"]');
    expect(others.querySelector('[data-action="edit"]')).toBeNull();
    expect(q(own, '[data-action="edit"]').getAttribute('aria-label')).toBe(
      'Edit the response of Anna Petrova',
    );
    click(own, '[data-action="edit"]');
    expect(q(container, '.crmkit-survey__form h3').textContent).toBe('Edit response');
    expect(radios(container, 'csat')[3]!.getAttribute('aria-checked')).toBe('true');
    radios(container, 'csat')[1]!.click();
    click(container, '[data-action="save"]');
    let doc = parseDocument(textOutput(acceptOutputs())!);
    expect(doc.responses.find((r) => r.id === 'r2')).toMatchObject({
      answers: { csat: 2, nps: 6 },
      at: '2026-11-20T15:30:00Z',
    });
    expect(doc.responses.find((r) => r.id === 'r2')?.updatedAt).toBeDefined();

    click(q(container, '[data-response-id="r2"]'), '[data-action="delete"]');
    expect(container.querySelectorAll('.crmkit-survey__item')).toHaveLength(2);
    click(q(container, '[data-response-id="r2"]'), '[data-action="confirm-delete"]');
    expect(document.activeElement?.getAttribute('data-action')).toBe('add');
    doc = parseDocument(textOutput(acceptOutputs())!);
    expect(doc.responses.map((r) => r.id)).toEqual(['r1']);
  });

  it('keeps an edit of a response someone else deleted, as a new response after a warning', () => {
    const { container, context, control, acceptOutputs } = mount(stored);
    click(q(container, '[data-response-id="r2"]'), '[data-action="edit"]');
    radios(container, 'csat')[0]!.click();
    context.responses.raw = serializeDocument(documentOf(parseDocument(stored).responses[0]!));
    control.updateView(context);
    click(container, '[data-action="save"]');
    expect(q(container, '.crmkit-survey__form [role="alert"]').textContent).toBe(
      'This response was deleted by someone else; save it as a new response or cancel.',
    );
    click(container, '[data-action="save"]');
    const doc = parseDocument(textOutput(acceptOutputs())!);
    expect(doc.responses).toHaveLength(2);
    const kept = doc.responses.find((r) => r.id !== 'r1')!;
    expect(kept.id).not.toBe('r2');
    expect(kept.answers).toEqual({ csat: 1, nps: 6 });
    expect(kept.updatedAt).toBeUndefined();
  });

  it('tells the user, instead of bringing it back, when a refresh shows their edited response deleted', () => {
    const { container, context, control, notify } = mount(stored);
    click(q(container, '[data-response-id="r2"]'), '[data-action="edit"]');
    radios(container, 'csat')[0]!.click();
    click(container, '[data-action="save"]');
    expect(notify).toHaveBeenCalledTimes(1);
    // Before the form takes our value, it is refreshed with a value where r2 was deleted.
    const others = response('r3', { nps: 9 }, { authorId: 'other' });
    context.responses.raw = serializeDocument(documentOf(parseDocument(stored).responses[0]!, others));
    control.updateView(context);
    expect(q(container, '.crmkit-survey__notice').textContent).toBe(
      'Your edit was not kept: someone else deleted that response meanwhile.',
    );
    expect(container.querySelector('[data-response-id="r2"]')).toBeNull();
    expect(container.querySelectorAll('.crmkit-survey__item')).toHaveLength(2);
  });

  it('cancels the form with Escape without changing the value', () => {
    const { container, notify } = mount(stored);
    click(container, '[data-action="add"]');
    key(q(container, '.crmkit-survey__form input'), 'Escape');
    expect(container.querySelector('.crmkit-survey__form')).toBeNull();
    expect(notify).not.toHaveBeenCalled();
    expect(document.activeElement?.getAttribute('data-action')).toBe('add');
  });

  it('speaks Russian with Russian number formats for a Russian user', () => {
    const { container } = mount(stored, 1049);
    expect(q(container, '.crmkit-survey__title').textContent).toBe('Удовлетворённость клиента');
    expect(container.textContent).toContain('4,5 из 5');
    expect(q(container, '[data-action="add"]').textContent).toBe('Добавить ответ');
  });

  it('switches to the narrow layout below 480 px', () => {
    const { container, context, control } = mount(stored);
    expect(q(container, '.crmkit-survey').classList.contains('is-narrow')).toBe(false);
    context.mode.allocatedWidth = 300;
    control.updateView(context);
    expect(q(container, '.crmkit-survey').classList.contains('is-narrow')).toBe(true);
  });

  it('shows the newest 50 responses first and the rest on request, kept across updates', () => {
    const many = documentOf(
      ...Array.from({ length: 60 }, (_, i) =>
        response(
          `r${i}`,
          { csat: 3 },
          { at: new Date(Date.UTC(2026, 0, 1, i)).toISOString(), respondent: `R${i}` },
        ),
      ),
    );
    const { container, context, control } = mount(serializeDocument(many));
    expect(container.querySelectorAll('.crmkit-survey__item')).toHaveLength(50);
    expect(q(container, '.crmkit-survey__who').textContent).toBe('R59');
    const more = q(container, '[data-action="show-more"]');
    expect(more.textContent).toBe('Show 10 more of 60');
    more.click();
    expect(container.querySelectorAll('.crmkit-survey__item')).toHaveLength(60);
    expect(container.querySelector('[data-action="show-more"]')).toBeNull();
    context.responses.raw = serializeDocument(documentOf(...many.responses, response('new', { nps: 9 })));
    control.updateView(context);
    expect(container.querySelectorAll('.crmkit-survey__item')).toHaveLength(60);
    expect(q(container, '[data-action="show-more"]').textContent).toBe('Show 1 more of 61');
  });

  it('replays a saved response on the newer value when another save lands before ours', () => {
    const { container, context, control, notify } = mount(stored);
    click(container, '[data-action="add"]');
    radios(container, 'csat')[4]!.click();
    click(container, '[data-action="save"]');
    expect(notify).toHaveBeenCalledTimes(1);
    // Before the host hands our value back, it delivers someone else's newer document.
    const theirs = documentOf(
      ...parseDocument(stored).responses,
      response('r9', { nps: 1 }, { authorId: 'other' }),
    );
    context.responses.raw = serializeDocument(theirs);
    control.updateView(context);
    expect(notify).toHaveBeenCalledTimes(2);
    const ids = parseDocument(textOutput(control.getOutputs())!).responses.map((r) => r.id);
    expect(ids.slice(0, 3)).toEqual(['r1', 'r2', 'r9']);
    expect(ids).toHaveLength(4);
    expect(q(container, '.crmkit-survey__notice').textContent).toContain(
      'your change was applied to the latest version',
    );
  });

  it('selects the unreadable text for Ctrl+C when the clipboard API is unavailable', () => {
    const { container } = mount('{"version":1,"responses":[{"id":1}]}');
    expect(q(container, '.crmkit-message--error').textContent).toContain(
      'responses[0].id has an unexpected value',
    );
    click(container, '[data-action="copy"]');
    const area = q(container, '.crmkit-survey__raw', HTMLTextAreaElement);
    expect(document.activeElement).toBe(area);
    expect(area.selectionEnd - area.selectionStart).toBe(area.value.length);
  });

  it('asks the questions of a custom definition in the user language, with base-language fallback', () => {
    const { container, context, control, acceptOutputs } = mount('', 1026);
    context.definition.raw = JSON.stringify({
      baseLanguage: 1033,
      questions: [
        { id: 'onTime', type: 'yesno', text: { '1033': 'Delivered on time?', '1026': 'Доставено навреме?' } },
        {
          id: 'topic',
          type: 'choice',
          text: { '1033': 'Main topic' },
          options: [
            { id: 'price', text: { '1033': 'Price', '1026': 'Цена' } },
            { id: 'quality', text: { '1033': 'Quality', '1026': 'Качество' } },
          ],
        },
        { id: 'notes', type: 'text', text: { '1033': 'Notes', '1026': 'Бележки' }, maxLength: 80 },
      ],
    });
    control.updateView(context);
    click(container, '[data-action="add"]');
    const labels = [...container.querySelectorAll('[data-question] > .crmkit-label')].map(
      (l) => l.textContent,
    );
    expect(labels).toEqual(['Доставено навреме?', 'Main topic', 'Бележки']);
    radios(container, 'onTime')[0]!.click();
    radios(container, 'topic')[1]!.click();
    const notes = q(container, '[data-question="notes"] textarea', HTMLTextAreaElement);
    expect(notes.maxLength).toBe(80);
    type(notes, 'Needs a second pallet');
    click(container, '[data-action="save"]');
    const saved = parseDocument(textOutput(acceptOutputs())!).responses[0]!;
    expect(saved.answers).toEqual({ onTime: true, topic: 'quality', notes: 'Needs a second pallet' });
    const answers = [...container.querySelectorAll('.crmkit-survey__answer dd')].map((d) => d.textContent);
    expect(answers).toEqual(['Да', 'Качество', 'Needs a second pallet']);
  });

  it('warns about an unreadable definition and asks the standard questions', () => {
    const { container, context, control } = mount(stored);
    context.definition.raw = '{"questions":[{"id":"x","type":"slider","text":"?"}]}';
    control.updateView(context);
    expect(q(container, '.crmkit-message--warning').textContent).toBe(
      'The survey definition cannot be read (questions[0].type has an unexpected value); the standard questions are shown.',
    );
    click(container, '[data-action="add"]');
    expect(
      [...container.querySelectorAll('[data-question]')].map((e) => e.getAttribute('data-question')),
    ).toEqual(['csat', 'nps']);
  });

  it("shows times in the user's Dynamics time zone, not the browser's", () => {
    const context = new MockSurveyContext(stored, 1033);
    const plus3 = new MockSurveyContext(stored, 1033);
    plus3.userSettings = new MockUserSettings(1033, ANNA, 'Anna Petrova', 180);
    const render = (ctx: MockSurveyContext): string => {
      const container = document.createElement('div');
      const control = new CollabSurvey();
      control.init(ctx, () => undefined, {}, container);
      control.updateView(ctx);
      return q(container, '.crmkit-survey__card--last .crmkit-survey__card-value').textContent ?? '';
    };
    expect(render(context)).toBe('Nov 20, 2026, 3:30 PM');
    expect(render(plus3)).toBe('Nov 20, 2026, 6:30 PM');
  });

  it('labels every rating group for assistive technology', () => {
    const { container } = mount(stored);
    click(container, '[data-action="add"]');
    for (const group of container.querySelectorAll('[role="radiogroup"]')) {
      const labelId = group.getAttribute('aria-labelledby')!;
      expect(document.getElementById(labelId)?.textContent).not.toBe('');
    }
    expect(radios(container, 'csat')[0]!.getAttribute('aria-label')).toBe('1 of 5 stars');
  });
});
