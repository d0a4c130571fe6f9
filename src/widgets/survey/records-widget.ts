/**
 * The survey control in records mode, free of PCF: each response is a row of the response table,
 * regarding the open record. Lists them newest first (paged), adds, edits and deletes one's own
 * through the Web API, and hands the record's summary scores to the host after each change.
 */
import { DEFAULT_DEFINITION, readDefinition, type SurveyDefinition } from './definition';
import type { SurveyResponse } from './document';
import { draftFor, type ResponseDraft } from './draft';
import { renderResponseForm, type FormChoices, type ResponseForm } from './form-view';
import type { ParseProblem } from './json';
import * as m from './records-model';
import { RecordsSync, type Outcome, type RecordsFault } from './records-sync';
import type { SurveyViewContext } from './view-context';
import { SurveyRegions } from './widget-regions';
import { entitySetOf, tableChoices } from './records-metadata';
import { faultText, recordsHeader, recordsState } from './records-view';
import { renderReadyRecords } from './records-ready-view';
import { saveRequest } from './records-save';
import type { RecordsHostInput, RecordsWidgetOptions } from './records-options';

export { faultText } from './records-view';

export class RecordsWidget {
  private readonly regions: SurveyRegions;
  private input: RecordsHostInput | undefined;
  private schema: m.RecordsSchema | undefined;
  private sync: RecordsSync | undefined;
  private key = '';
  private definitionText: string | null | undefined;
  private definition: SurveyDefinition = DEFAULT_DEFINITION;
  private definitionProblem: ParseProblem | undefined;
  private fault: RecordsFault | undefined;
  private loaded = false;
  private busy = false;
  private draft: ResponseDraft | undefined;
  private form: ResponseForm | undefined;
  private choices: FormChoices = { role: [], channel: [] };
  private labels = new Map<string, string>();
  private entitySet: string | undefined;

  constructor(
    container: HTMLElement,
    private readonly options: RecordsWidgetOptions,
  ) {
    this.regions = new SurveyRegions(container);
  }

  private get ctx(): SurveyViewContext {
    const { t, formats, lcid } = this.options;
    const labels = this.labels;
    return {
      doc: this.regions.doc,
      t,
      formats,
      lcid,
      definition: this.definition,
      choiceLabel: (_kind, id) => labels.get(id),
    };
  }

  update(input: RecordsHostInput): void {
    this.input = input;
    this.regions.root.classList.toggle('is-narrow', (input.width ?? 1000) < 480);
    if (input.definition !== this.definitionText) {
      this.definitionText = input.definition;
      ({ definition: this.definition, problem: this.definitionProblem } = readDefinition(input.definition));
    }
    const recordId = m.plainId(input.recordId);
    const key = `${input.table}|${recordId ?? ''}`;
    if (key !== this.key) {
      this.key = key;
      this.schema = m.recordsSchema(input.table);
      this.sync = undefined;
      this.loaded = false;
      const api = this.options.api;
      if (this.schema !== undefined && recordId !== undefined && api !== null && input.readable) {
        this.sync = new RecordsSync(api, this.schema, recordId);
        this.askMetadata(this.schema, input.entityType);
        void this.reload(false);
      }
    }
    this.render();
  }

  destroy(): void {
    this.sync = undefined;
    this.regions.root.remove();
  }

  private askMetadata(s: m.RecordsSchema, entityType: string | undefined): void {
    const metadata = this.options.metadata;
    void tableChoices(metadata, s).then(({ choices, labels }) => {
      for (const [value, label] of labels) this.labels.set(value, label);
      this.choices = choices;
      this.render();
    });
    if (entityType !== undefined) {
      void entitySetOf(metadata, entityType).then((set) => (this.entitySet = set));
    }
  }

  /** Reads the list and the scores again; after a change, hands the new scores to the host. */
  private async reload(changed: boolean): Promise<Outcome> {
    const sync = this.sync;
    if (sync === undefined) return { ok: true };
    const outcome = await sync.load();
    if (sync !== this.sync) return outcome;
    this.fault = outcome.ok ? undefined : outcome.fault;
    // Once listed, a failed re-read keeps the list and says why in the notice.
    if (!outcome.ok && this.loaded) this.regions.setNotice(faultText(this.options.t, outcome.fault), 'error');
    this.loaded ||= outcome.ok;
    if (this.schema !== undefined) {
      for (const [value, label] of m.formattedChoices(this.schema, sync.rows)) {
        if (!this.labels.has(value)) this.labels.set(value, label);
      }
      if (changed && outcome.ok)
        this.options.onChange(m.recordsOutputs(this.schema, this.definition, sync.scores));
    }
    this.render();
    return outcome;
  }

  /** Runs one change at a time, then re-reads; a fault goes to the form when open, else the notice. */
  private async change(run: (sync: RecordsSync) => Promise<Outcome>): Promise<boolean> {
    const sync = this.sync;
    if (sync === undefined || this.busy) return false;
    this.busy = true;
    this.regions.setBusy(true);
    const outcome = await run(sync);
    this.busy = false;
    this.regions.setBusy(false);
    const t = this.options.t;
    if (outcome.ok || outcome.fault.kind === 'gone') {
      this.regions.setNotice(outcome.ok ? undefined : t('records.gone'), 'error');
      if (this.form !== undefined) this.closeForm();
      await this.reload(true);
      return outcome.ok;
    }
    const text = faultText(t, outcome.fault);
    if (this.form === undefined) this.regions.setNotice(text, 'error');
    else this.form.showMessage(text);
    return false;
  }

  private openForm(editing: SurveyResponse | undefined): void {
    const input = this.input;
    if (input === undefined) return;
    const mine = this.responses().filter((r) => r.authorId === m.plainId(input.userId));
    const draft = draftFor(editing, input.userName, mine[0]);
    if (editing === undefined) draft.channel = this.choices.channel[0] ?? '';
    this.draft = draft;
    this.form = renderResponseForm(
      this.ctx,
      draft,
      () => void this.save(draft),
      () => this.closeForm(),
      this.choices,
    );
    this.regions.formRegion.replaceChildren(this.form.element);
    this.regions.setNotice(undefined);
    this.render();
    this.form.focusFirst();
  }

  private closeForm(): void {
    this.draft = undefined;
    this.form = undefined;
    this.regions.formRegion.replaceChildren();
    this.render();
    this.regions.focusAfterChange();
  }

  private async save(draft: ResponseDraft): Promise<void> {
    const { schema, form, input } = this;
    if (schema === undefined || form === undefined || input === undefined || draft !== this.draft) return;
    const request = saveRequest(draft, {
      schema,
      definition: this.definition,
      input,
      t: this.options.t,
      labels: this.labels,
      entitySet: this.entitySet,
    });
    switch (request.kind) {
      case 'problem':
        form.showMessage(request.message);
        return;
      case 'update':
        await this.change((sync) => sync.update(request.id, request.row));
        return;
      case 'create':
        await this.change((sync) => sync.create(request.row));
        return;
      case 'none':
        return;
    }
  }

  private read(): m.RecordResponse[] {
    const s = this.schema;
    return s === undefined || this.sync === undefined
      ? []
      : this.sync.rows.map((row) => m.responseOfRow(s, this.definition, row));
  }

  private responses(): SurveyResponse[] {
    return this.read().map((r) => r.response);
  }

  private render(): void {
    const input = this.input;
    if (input === undefined) return;
    const { regions } = this;
    const ready = this.sync !== undefined && this.loaded;
    const canAdd = ready && input.editable && this.form === undefined && !this.busy;
    regions.header.replaceChildren(
      ...recordsHeader(this.ctx, input, canAdd ? () => this.openForm(undefined) : undefined),
    );
    regions.formRegion.hidden = this.form === undefined;
    regions.listRegion.replaceChildren();
    const state = recordsState(this.ctx, {
      input,
      schemaOk: this.schema !== undefined,
      hasApi: this.options.api !== null,
      fault: ready ? undefined : this.fault,
      ready,
      onRetry: () => void this.reload(false),
    });
    if (state !== undefined) {
      regions.body.replaceChildren(state);
      return;
    }
    this.renderReady(input);
  }

  private renderReady(input: RecordsHostInput): void {
    const schema = this.schema!;
    const sync = this.sync!;
    renderReadyRecords(
      this.ctx,
      this.regions,
      {
        read: this.read(),
        scores: sync.scores.map((row) => m.responseOfRow(schema, this.definition, row).response),
        hasMore: sync.hasMore,
        definition: this.definition,
        definitionProblem: this.definitionProblem,
        userId: m.plainId(input.userId),
        editable: input.editable,
      },
      {
        onEdit: (r) => this.openForm(r),
        onDelete: (r) => void this.change((s) => s.delete(r.id)),
        onShowMore: (shown) => void this.showMore(shown),
      },
    );
  }

  private async showMore(shown: number): Promise<void> {
    const sync = this.sync;
    if (sync === undefined) return;
    const outcome = await sync.more();
    if (!outcome.ok) this.regions.setNotice(faultText(this.options.t, outcome.fault), 'error');
    this.render();
    this.regions.listRegion.querySelectorAll<HTMLElement>('.crmkit-survey__who')[shown]?.focus();
  }
}
