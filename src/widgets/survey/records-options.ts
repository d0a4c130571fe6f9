/**
 * What the survey control in records mode is given: the host's input (the response table, the
 * open record, the user) and the widget's options (strings, formats, the Web API, the metadata,
 * where the summary scores go).
 */
import type { Translate } from '../shared/i18n';
import type { SurveyOutputs } from './aggregates';
import type { RecordsApi } from './records-sync';
import type { SurveyViewContext } from './view-context';
import type { SurveyHostInput } from './widget-options';

export interface RecordsHostInput extends Omit<SurveyHostInput, 'value' | 'maxLength'> {
  /** The response table's logical name (the `responseTable` input). */
  table: string;
  /** The open record; the id is absent while a new record is not saved. */
  entityType: string | undefined;
  recordId: string | undefined;
}

export interface RecordsWidgetOptions {
  t: Translate;
  formats: SurveyViewContext['formats'];
  lcid: number;
  /** The host's Web API; null when the host offers none. */
  api: RecordsApi | null;
  /** PCF's `utils.getEntityMetadata`: the table's choice options and the record's entity set. */
  metadata?: (entityName: string, attributes?: string[]) => PromiseLike<unknown>;
  /** The summary scores after each change (the host writes them into the bound columns). */
  onChange: (outputs: SurveyOutputs) => void;
}
