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
  private widget: SurveyWidget | undefined;
  private records: { widget: RecordsWidget; table: string } | undefined;
  private outputs: IOutputs = {};
  /** The latest context: the record id appears once a new record is saved. */
  private context: SurveyContext | undefined;

  public init(
    context: SurveyContext,
    notifyOutputChanged: () => void,
    _state: ComponentFramework.Dictionary,
    container: HTMLDivElement,
  ): void {
    this.context = context;
    context.mode.trackContainerResize(true);
    container.classList.add('crmkit-survey-host');
    const lcid = context.userSettings.languageId;
    const common = {
      t: createTranslate((key) => context.resources.getString(key)),
      formats: userFormats(lcid, userOffsetOf(context.userSettings)),
      lcid,
    };
    const table = recordsTableOf(context);
    if (table !== undefined) {
      const utils = context.utils;
      const widget = new RecordsWidget(container, {
        ...common,
        api: context.webAPI ?? null,
        ...(utils?.getEntityMetadata === undefined
          ? {}
          : { metadata: (entity, columns) => utils.getEntityMetadata!(entity, columns) }),
        onChange: (scores) => {
          this.outputs = recordsOutputsOf(this.context?.parameters.responses.type, scores);
          notifyOutputChanged();
        },
      });
      this.records = { widget, table };
      return;
    }
    this.widget = new SurveyWidget(container, {
      ...common,
      readStored: () => (this.context === undefined ? undefined : readStoredValue(this.context)),
      onChange: (value, scores) => {
        this.outputs = outputsOf(value, scores);
        notifyOutputChanged();
      },
    });
  }

  public updateView(context: SurveyContext): void {
    this.context = context;
    this.widget?.update(hostInputOf(context));
    this.records?.widget.update(recordsInputOf(context, this.records.table));
  }

  public getOutputs(): IOutputs {
    return this.outputs;
  }

  public destroy(): void {
    this.widget?.destroy();
    this.records?.widget.destroy();
    this.widget = undefined;
    this.records = undefined;
    this.context = undefined;
  }
}
