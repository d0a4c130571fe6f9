/**
 * The survey control's view controller, free of PCF: the adapter (or a test, or a web resource)
 * passes the host's state in `update()` and receives the new column value and scores in `onChange`.
 */
import { DEFAULT_DEFINITION, readDefinition, type SurveyDefinition } from './definition';
import type { ParseProblem } from './json';
import { ResponseFormFlow } from './response-form-flow';
import { StoredChanges } from './stored-change';
import { renderSurvey } from './survey-view';
import { SurveySync } from './sync';
import type { SurveyViewContext } from './view-context';
import type { SurveyHostInput, SurveyWidgetOptions } from './widget-options';
import { SurveyRegions } from './widget-regions';

export type { SurveyHostInput, SurveyWidgetOptions } from './widget-options';
export { reasonText } from './survey-view';

export class SurveyWidget {
  private readonly regions: SurveyRegions;
  private readonly changes: StoredChanges;
  private readonly formFlow: ResponseFormFlow;
  private sync: SurveySync | undefined;
  private input: SurveyHostInput | undefined;
  private definitionText: string | null | undefined;
  private definition: SurveyDefinition = DEFAULT_DEFINITION;
  private definitionProblem: ParseProblem | undefined;
  private renderedKey = '';
  private listVisible = 0;
  private destroyed = false;

  constructor(
    container: HTMLElement,
    private readonly options: SurveyWidgetOptions,
  ) {
    this.regions = new SurveyRegions(container);
    this.changes = new StoredChanges(options, this.regions, {
      sync: () => this.sync,
      maxLength: () => this.input?.maxLength,
      definition: () => this.definition,
      destroyed: () => this.destroyed,
      render: (force) => {
        if (force) this.renderedKey = '';
        this.render();
      },
    });
    this.formFlow = new ResponseFormFlow(options, this.regions, this.changes, {
      input: () => this.input,
      state: () => this.sync?.state,
      ctx: () => this.ctx,
      rerender: () => {
        this.renderedKey = '';
        this.render();
      },
    });
  }

  private get ctx(): SurveyViewContext {
    const { t, formats, lcid } = this.options;
    return { doc: this.regions.doc, t, formats, lcid, definition: this.definition };
  }

  update(input: SurveyHostInput): void {
    this.input = input;
    this.regions.root.classList.toggle(
      'is-narrow',
      input.width !== undefined && input.width > 0 && input.width < 480,
    );
    if (input.definition !== this.definitionText) {
      this.definitionText = input.definition;
      ({ definition: this.definition, problem: this.definitionProblem } = readDefinition(input.definition));
    }
    if (this.sync === undefined) {
      this.sync = new SurveySync(input.value);
    } else {
      const received = this.sync.receive(input.value);
      if (received.resend !== undefined) {
        this.regions.setNotice(this.options.t('state.rebased'), 'info');
        this.changes.emit(received.resend);
      }
      if (received.lostEdits !== undefined) this.regions.setNotice(this.options.t('state.editLost'), 'error');
    }
    this.render();
  }

  destroy(): void {
    this.destroyed = true;
    this.regions.root.remove();
  }

  private render(): void {
    const input = this.input;
    const sync = this.sync;
    if (input === undefined || sync === undefined) return;
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
    const view = {
      access: input,
      state: sync.state,
      definitionProblem: this.definitionProblem,
      formOpen: this.formFlow.isOpen,
      listVisible: this.listVisible,
    };
    renderSurvey(this.regions, this.ctx, view, {
      onAdd: () => this.formFlow.open(undefined),
      onStartOver: () => this.changes.withStored(true, () => this.changes.commit({ kind: 'reset' })),
      onEdit: (r) => this.formFlow.open(r),
      onDelete: (r) => {
        this.changes.withStored(false, () => {
          const deleted = this.changes.commit({ kind: 'delete', id: r.id });
          if (deleted) this.regions.focusAfterChange();
          return deleted;
        });
      },
      onShowMore: (n) => (this.listVisible = n),
    });
  }
}
