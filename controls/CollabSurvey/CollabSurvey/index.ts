/**
 * CollabCrm.CollabSurvey — a thin adapter: PCF context → SurveyWidget input (column mode) or
 * RecordsWidget input (records mode, `responseTable` set); the widget's result → notifyOutputChanged
 * / getOutputs. All behaviour lives in src/widgets/survey/.
 */
import type { IInputs, IOutputs } from './manifest-types';
import { createTranslate } from '../../../src/widgets/shared/i18n';
import { userFormats } from '../../../src/widgets/shared/user-formats';
import { userOffsetOf } from '../../../src/widgets/shared/user-time';
import { RecordsWidget } from '../../../src/widgets/survey/records-widget';
import { SurveyWidget } from '../../../src/widgets/survey/widget';
import { hostInputOf, outputsOf, type SurveyContext } from './host-input';
import { recordsInputOf, recordsOutputsOf, recordsTableOf } from './records-input';
import { readStoredValue } from './stored-value';
import '../../../src/widgets/shared/fluent-tokens.css';
import '../../../src/widgets/survey/survey.css';

export class CollabSurvey implements ComponentFramework.StandardControl<IInputs, IOutputs> {
  private widget: SurveyWidget | RecordsWidget | undefined;
  /** The response table of records mode; undefined in column mode. */
  private table: string | undefined;
  private outputs: IOutputs = {};
  /** The latest context: the record id appears once a new record is saved. */
  private context: SurveyContext | undefined;
  private notify: () => void = () => undefined;
  private container: HTMLDivElement | undefined;

  public init(
    context: SurveyContext,
    notifyOutputChanged: () => void,
    _state: ComponentFramework.Dictionary,
    container: HTMLDivElement,
  ): void {
    this.context = context;
    this.notify = notifyOutputChanged;
    this.container = container;
    context.mode.trackContainerResize(true);
    container.classList.add('crmkit-survey-host');
    this.mount(context);
  }

  /** Shows the widget of the mode the context asks for (records mode when `responseTable` is set). */
  private mount(context: SurveyContext): void {
    const container = this.container;
    if (container === undefined) return;
    this.widget?.destroy();
    const table = recordsTableOf(context);
    this.table = table;
    const lcid = context.userSettings.languageId;
    const common = {
      t: createTranslate((key) => context.resources.getString(key)),
      formats: userFormats(lcid, userOffsetOf(context.userSettings)),
      lcid,
    };
    const metadata = context.utils?.getEntityMetadata?.bind(context.utils);
    this.widget =
      table === undefined
        ? new SurveyWidget(container, {
            ...common,
            readStored: () => (this.context === undefined ? undefined : readStoredValue(this.context)),
            onChange: (value, scores) => this.output(outputsOf(value, scores)),
          })
        : new RecordsWidget(container, {
            ...common,
            api: context.webAPI ?? null,
            ...(metadata === undefined ? {} : { metadata }),
            onChange: (scores) =>
              this.output(recordsOutputsOf(this.context?.parameters.responses.type, scores)),
          });
  }

  private output(outputs: IOutputs): void {
    this.outputs = outputs;
    this.notify();
  }

  public updateView(context: SurveyContext): void {
    this.context = context;
    if (recordsTableOf(context) !== this.table) this.mount(context);
    const widget = this.widget;
    if (widget instanceof RecordsWidget) widget.update(recordsInputOf(context, this.table ?? ''));
    else widget?.update(hostInputOf(context));
  }

  public getOutputs(): IOutputs {
    return this.outputs;
  }

  public destroy(): void {
    this.widget?.destroy();
    this.widget = undefined;
    this.context = undefined;
  }
}
