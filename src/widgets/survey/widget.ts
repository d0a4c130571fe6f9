/**
 * The survey control's view controller, free of PCF: the adapter (or a test, or a web resource)
 * passes the host's state in `update()` and receives the new column value and scores in `onChange`.
 */
import type { Formats, Translate } from '../shared/i18n';
import { aggregate, surveyOutputs, type SurveyOutputs } from './aggregates';
import { DEFAULT_DEFINITION, parseDefinition, type SurveyDefinition } from './definition';
import { latestResponse, type SurveyResponse } from './document';
import { draftFor, draftProblem, responseFromDraft, type ResponseDraft } from './draft';
import { button, el } from './dom';
import { renderResponseForm, type ResponseForm } from './form-view';
import { SurveyParseError, type ParseProblem } from './json';
import { renderResponseList } from './list-view';
import { rereadAndMerge } from './reread';
import { renderSummary } from './summary-view';
import { SurveySync, type SurveyOp } from './sync';
import { renderUnreadable } from './unreadable-view';
import type { SurveyViewContext } from './view-context';

export interface SurveyHostInput {
  /** The bound column's value. */
  value: string | null;
  /** The survey definition (JSON); empty for the built-in one. */
  definition: string | null;
  readable: boolean;
  /** False when the control is disabled or the column is not editable for this user. */
  editable: boolean;
  /** The column's maximum length, when known. */
  maxLength?: number;
  userId: string;
  userName: string;
  /** The width the host gives the control, in px. */
  width?: number;
}

export interface SurveyWidgetOptions {
  t: Translate;
  formats: Formats;
  lcid: number;
  onChange: (value: string, outputs: SurveyOutputs) => void;
  /**
   * Re-reads the record's stored value just before a change is handed to the form (so that other
   * users' saves are merged, not overwritten); undefined when that is not possible now (no Web API,
   * a new unsaved record). A rejected promise falls back to the form's copy, with a status line.
   */
  readStored?: () => Promise<string | null> | undefined;
  /** How long a re-read may take before the change falls back to the form's copy (default 10 s). */
  readStoredTimeoutMs?: number;
  now?: () => Date;
}

export function reasonText(t: Translate, problem: ParseProblem): string {
  return t(`reason.${problem.code}`, { path: problem.path, version: problem.version ?? '' });
}

export class SurveyWidget {
  private readonly root: HTMLElement;
  private readonly header: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly status: HTMLElement;
  private readonly body: HTMLElement;
  private readonly formRegion: HTMLElement;
  private readonly listRegion: HTMLElement;
  private sync: SurveySync | undefined;
  private input: SurveyHostInput | undefined;
  private definitionText: string | null | undefined;
  private definition: SurveyDefinition = DEFAULT_DEFINITION;
  private definitionProblem: ParseProblem | undefined;
  private draft: ResponseDraft | undefined;
  private form: ResponseForm | undefined;
  private renderedKey = '';
  private listVisible = 0;
  /** A re-read of the stored value is in flight: further changes wait for it. */
  private busy = false;
  private destroyed = false;

  constructor(
    container: HTMLElement,
    private readonly options: SurveyWidgetOptions,
  ) {
    const doc = container.ownerDocument;
    this.header = el(doc, 'div', { className: 'crmkit-survey__header' });
    this.notice = el(doc, 'div', { className: 'crmkit-survey__notice', attrs: { role: 'status' } });
    this.status = el(doc, 'p', { className: 'crmkit-survey__status', attrs: { role: 'status' } });
    this.body = el(doc, 'div', { className: 'crmkit-survey__body' });
    this.formRegion = el(doc, 'div', { className: 'crmkit-survey__form-region' });
    this.listRegion = el(doc, 'div', { className: 'crmkit-survey__list-region' });
    this.root = el(doc, 'div', { className: 'crmkit-widget crmkit-survey' }, [
      this.header,
      this.notice,
      this.body,
      this.formRegion,
      this.listRegion,
      this.status,
    ]);
    container.append(this.root);
  }

  private get ctx(): SurveyViewContext {
    const { t, formats, lcid } = this.options;
    return { doc: this.root.ownerDocument, t, formats, lcid, definition: this.definition };
  }

  update(input: SurveyHostInput): void {
    this.input = input;
    this.root.classList.toggle(
      'is-narrow',
      input.width !== undefined && input.width > 0 && input.width < 480,
    );
    if (input.definition !== this.definitionText) {
      this.definitionText = input.definition;
      try {
        this.definition = parseDefinition(input.definition);
        this.definitionProblem = undefined;
      } catch (e) {
        if (!(e instanceof SurveyParseError)) throw e;
        this.definition = DEFAULT_DEFINITION;
        this.definitionProblem = e.problem;
      }
    }
    if (this.sync === undefined) {
      this.sync = new SurveySync(input.value);
    } else {
      const received = this.sync.receive(input.value);
      if (received.resend !== undefined) {
        this.setNotice(this.options.t('state.rebased'), 'info');
        this.emit(received.resend);
      }
      if (received.lostEdits !== undefined) this.setNotice(this.options.t('state.editLost'), 'error');
    }
    this.render();
  }

  destroy(): void {
    this.destroyed = true;
    this.root.remove();
  }

  private render(): void {
    const input = this.input;
    const sync = this.sync;
    if (input === undefined || sync === undefined) return;
    const state = sync.state;
    // Strings compared, not documents serialized: a resize does not cost a pass over the responses.
    const key = JSON.stringify([
      input.readable,
      input.editable,
      input.userId,
      this.definitionText,
      sync.shownValue,
    ]);
    if (key === this.renderedKey) return;
    this.renderedKey = key;
    const ctx = this.ctx;
    const { doc, t } = ctx;
    const canAdd = input.readable && input.editable && state.ok;
    const title = el(doc, 'h2', { className: 'crmkit-survey__title', text: t('summary.title') });
    this.header.replaceChildren(title);
    if (input.readable && !input.editable) {
      this.header.append(el(doc, 'span', { className: 'crmkit-badge', text: t('state.readOnly') }));
    }
    if (canAdd && this.draft === undefined) {
      const add = () => this.openForm(undefined);
      this.header.append(
        button(doc, t('form.add'), add, 'crmkit-button crmkit-button--primary', { 'data-action': 'add' }),
      );
    }
    if (!input.readable) {
      this.body.replaceChildren(
        el(doc, 'p', { className: 'crmkit-survey__masked', text: t('state.masked') }),
      );
      this.listRegion.replaceChildren();
      this.formRegion.hidden = true;
      return;
    }
    if (!state.ok) {
      this.body.replaceChildren(
        renderUnreadable(ctx, state.raw, reasonText(t, state.problem), input.editable, () => {
          this.withStored(true, () => this.commit({ kind: 'reset' }));
        }),
      );
      this.listRegion.replaceChildren();
      this.formRegion.hidden = true;
      return;
    }
    const definitionWarning =
      this.definitionProblem === undefined
        ? null
        : el(doc, 'div', {
            className: 'crmkit-message crmkit-message--warning',
            text: t('state.definitionInvalid', { reason: reasonText(t, this.definitionProblem) }),
          });
    const responses = state.document.responses;
    this.body.replaceChildren(
      ...[definitionWarning, renderSummary(ctx, aggregate(responses, this.definition))].filter(
        (n) => n !== null,
      ),
    );
    this.listRegion.replaceChildren(
      renderResponseList(
        ctx,
        responses,
        input.editable
          ? {
              canModify: (r) => r.authorId !== '' && r.authorId === input.userId,
              onEdit: (r) => this.openForm(r),
              onDelete: (r) => {
                this.withStored(false, () => {
                  const deleted = this.commit({ kind: 'delete', id: r.id });
                  if (deleted) this.focusAfterChange();
                  return deleted;
                });
              },
            }
          : undefined,
        { visible: this.listVisible, onShowMore: (n) => (this.listVisible = n) },
      ),
    );
    this.formRegion.hidden = !input.editable || this.draft === undefined;
  }

  private openForm(editing: SurveyResponse | undefined): void {
    const input = this.input;
    if (input === undefined) return;
    const state = this.sync?.state;
    const own = state?.ok === true ? state.document.responses.filter((r) => r.authorId === input.userId) : [];
    this.draft = draftFor(editing, input.userName, latestResponse(own));
    this.form = renderResponseForm(
      this.ctx,
      this.draft,
      () => this.save(),
      () => this.closeForm(),
    );
    this.formRegion.replaceChildren(this.form.element);
    this.setNotice(undefined);
    this.renderedKey = '';
    this.render();
    this.form.focusFirst();
  }

  private closeForm(): void {
    this.draft = undefined;
    this.form = undefined;
    this.formRegion.replaceChildren();
    this.renderedKey = '';
    this.render();
    this.focusAfterChange();
  }

  /** Keeps keyboard users in the control after the focused element went away. */
  private focusAfterChange(): void {
    const target =
      this.root.querySelector<HTMLElement>('[data-action="add"]') ?? this.root.querySelector('h2');
    if (target !== null && !target.hasAttribute('tabindex') && target.tagName === 'H2') target.tabIndex = -1;
    target?.focus();
  }

  private save(): void {
    const { draft, input, form } = this;
    if (draft === undefined || input === undefined || form === undefined) return;
    const t = this.options.t;
    const problem = draftProblem(draft);
    if (problem !== undefined) {
      form.showMessage(t(problem));
      return;
    }
    this.withStored(false, () => {
      return this.draft === draft && this.form === form && this.saveDraft(draft, input, form);
    });
  }

  /** Saves a valid draft into the shown document (already merged with the stored value if possible). */
  private saveDraft(draft: ResponseDraft, input: SurveyHostInput, form: ResponseForm): boolean {
    const t = this.options.t;
    const state = this.sync?.state;
    const original =
      draft.editingId === undefined || state?.ok !== true
        ? undefined
        : state.document.responses.find((r) => r.id === draft.editingId);
    if (draft.editingId !== undefined && original === undefined) {
      // Deleted by someone else meanwhile: the next Save keeps it as a new response.
      delete draft.editingId;
      form.showMessage(t('form.responseGone'));
      return false;
    }
    const response = responseFromDraft(draft, original, input.userId, this.options.now?.() ?? new Date());
    const op: SurveyOp = original === undefined ? { kind: 'add', response } : { kind: 'update', response };
    const saved = this.commit(op, form);
    if (saved) this.closeForm();
    return saved;
  }

  /**
   * Re-reads the stored value, merges this form's changes into it, then runs `change` — unless the
   * stored value became unreadable (it is never overwritten by a response; `resetting` = the user
   * chose Start over). Without a re-read, or when it fails, `change` applies to the form's copy.
   */
  /** `change` returns whether it was made (a refused change is not "applied to the latest version"). */
  private withStored(resetting: boolean, change: () => boolean): void {
    const sync = this.sync;
    if (this.busy || sync === undefined) return;
    const reading = this.options.readStored?.();
    if (reading === undefined) {
      change();
      return;
    }
    this.busy = true;
    this.root.setAttribute('aria-busy', 'true');
    // Said only when the re-read is slow, so that a quick one does not flash a message.
    const slow = setTimeout(() => this.setStatus(this.options.t('state.checking')), 500);
    void rereadAndMerge(sync, reading, this.options.readStoredTimeoutMs ?? 10_000, resetting).then(
      (outcome) => {
        clearTimeout(slow);
        this.busy = false;
        this.root.removeAttribute('aria-busy');
        if (this.destroyed) return;
        const t = this.options.t;
        this.setStatus(outcome.status === undefined ? undefined : t(`state.${outcome.status}`));
        const made = outcome.proceed && change();
        // Told after the change, which clears older notices.
        const notice = outcome.notice;
        if (notice !== undefined && (made || notice.kind === 'error')) {
          this.setNotice(t(notice.key), notice.kind);
        }
        this.renderedKey = '';
        this.render();
      },
    );
  }

  /** Applies an operation and hands the value to the host; false (with a message) when refused. */
  private commit(op: SurveyOp, form?: ResponseForm): boolean {
    const result = this.sync?.commit(op, this.input?.maxLength);
    if (result === undefined) return false;
    if (!result.ok) {
      const t = this.options.t;
      const text =
        result.reason === 'tooLong'
          ? t('state.tooLong', {
              length: this.options.formats.number(result.length),
              max: this.options.formats.number(result.max),
            })
          : t('form.responseGone');
      if (form === undefined) this.setNotice(text, 'error');
      else form.showMessage(text);
      return false;
    }
    this.setNotice(undefined);
    this.emit(result.value);
    this.render();
    return true;
  }

  private emit(value: string): void {
    const state = this.sync?.state;
    if (state?.ok !== true) return;
    this.options.onChange(value, surveyOutputs(aggregate(state.document.responses, this.definition)));
  }

  private setStatus(text: string | undefined): void {
    this.status.textContent = text ?? '';
  }

  private setNotice(text: string | undefined, kind: 'info' | 'error' = 'info'): void {
    const doc = this.root.ownerDocument;
    this.notice.replaceChildren(
      text === undefined ? '' : el(doc, 'div', { className: `crmkit-message crmkit-message--${kind}`, text }),
    );
  }
}
