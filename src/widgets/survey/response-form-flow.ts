/**
 * The response form's life in the survey control: open (add or edit, prefilled from the user's
 * latest response), save (validated, then committed through the re-read-and-merge path), close.
 */
import type { DocumentReadResult, SurveyResponse } from './document';
import { latestResponse } from './document';
import { draftFor, draftProblem, responseFromDraft, type ResponseDraft } from './draft';
import { renderResponseForm, type ResponseForm } from './form-view';
import type { StoredChanges } from './stored-change';
import type { SurveyOp } from './sync';
import type { SurveyViewContext } from './view-context';
import type { SurveyHostInput, SurveyWidgetOptions } from './widget-options';
import type { SurveyRegions } from './widget-regions';

/** What the form reads from the control, as it is at the time of the action. */
export interface ResponseFormHost {
  input: () => SurveyHostInput | undefined;
  state: () => DocumentReadResult | undefined;
  ctx: () => SurveyViewContext;
  /** Renders the control even when nothing else the view depends on changed. */
  rerender: () => void;
}

export class ResponseFormFlow {
  private draft: ResponseDraft | undefined;
  private form: ResponseForm | undefined;

  constructor(
    private readonly options: SurveyWidgetOptions,
    private readonly regions: SurveyRegions,
    private readonly changes: StoredChanges,
    private readonly host: ResponseFormHost,
  ) {}

  get isOpen(): boolean {
    return this.draft !== undefined;
  }

  open(editing: SurveyResponse | undefined): void {
    const input = this.host.input();
    if (input === undefined) return;
    const state = this.host.state();
    const own = state?.ok === true ? state.document.responses.filter((r) => r.authorId === input.userId) : [];
    this.draft = draftFor(editing, input.userName, latestResponse(own));
    this.form = renderResponseForm(
      this.host.ctx(),
      this.draft,
      () => this.save(),
      () => this.close(),
    );
    this.regions.formRegion.replaceChildren(this.form.element);
    this.regions.setNotice(undefined);
    this.host.rerender();
    this.form.focusFirst();
  }

  close(): void {
    this.draft = undefined;
    this.form = undefined;
    this.regions.formRegion.replaceChildren();
    this.host.rerender();
    this.regions.focusAfterChange();
  }

  private save(): void {
    const { draft, form } = this;
    const input = this.host.input();
    if (draft === undefined || input === undefined || form === undefined) return;
    const problem = draftProblem(draft);
    if (problem !== undefined) {
      form.showMessage(this.options.t(problem));
      return;
    }
    this.changes.withStored(false, () => {
      return this.draft === draft && this.form === form && this.saveDraft(draft, input, form);
    });
  }

  /** Saves a valid draft into the shown document (already merged with the stored value if possible). */
  private saveDraft(draft: ResponseDraft, input: SurveyHostInput, form: ResponseForm): boolean {
    const state = this.host.state();
    const original =
      draft.editingId === undefined || state?.ok !== true
        ? undefined
        : state.document.responses.find((r) => r.id === draft.editingId);
    if (draft.editingId !== undefined && original === undefined) {
      // Deleted by someone else meanwhile: the next Save keeps it as a new response.
      delete draft.editingId;
      form.showMessage(this.options.t('form.responseGone'));
      return false;
    }
    const response = responseFromDraft(draft, original, input.userId, this.options.now?.() ?? new Date());
    const op: SurveyOp = original === undefined ? { kind: 'add', response } : { kind: 'update', response };
    const saved = this.changes.commit(op, form);
    if (saved) this.close();
    return saved;
  }
}
