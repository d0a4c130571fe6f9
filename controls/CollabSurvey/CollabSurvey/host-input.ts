/** Reading the PCF context into the widget's input, and the widget's result into bound outputs. */
import type { IInputs, IOutputs } from './manifest-types';
import type { SurveyOutputs } from '../../../src/widgets/survey/aggregates';
import type { SurveyHostInput } from '../../../src/widgets/survey/widget';
import type { RecordContextInfo } from './stored-value';

/** The parts of the PCF context the control reads (tests pass typed mocks of just these). */
export interface SurveyContext {
  parameters: IInputs;
  mode: Pick<ComponentFramework.Mode, 'allocatedWidth' | 'isControlDisabled' | 'trackContainerResize'> & {
    contextInfo?: RecordContextInfo;
  };
  userSettings: Pick<
    ComponentFramework.UserSettings,
    'languageId' | 'userId' | 'userName' | 'getTimeZoneOffsetMinutes'
  >;
  resources: Pick<ComponentFramework.Resources, 'getString'>;
  /** Null when the host offers no Web API (the manifest does not require it). */
  webAPI?: Pick<
    ComponentFramework.WebApi,
    'retrieveRecord' | 'retrieveMultipleRecords' | 'createRecord' | 'updateRecord' | 'deleteRecord'
  > | null;
  /** Records mode reads the response table's choice options and the record's entity set here. */
  utils?: Partial<Pick<ComponentFramework.Utility, 'getEntityMetadata'>>;
}

/** What the widget needs to know from the PCF context, read in one place. */
export function hostInputOf(context: SurveyContext): SurveyHostInput {
  const responses = context.parameters.responses;
  const security = responses.security;
  const maxLength = (responses.attributes as { MaxLength?: unknown } | undefined)?.MaxLength;
  const width = context.mode.allocatedWidth;
  return {
    value: typeof responses.raw === 'string' ? responses.raw : null,
    definition: context.parameters.definition?.raw ?? null,
    readable: security?.readable ?? true,
    editable: !context.mode.isControlDisabled && (security?.editable ?? true),
    ...(typeof maxLength === 'number' && maxLength > 0 ? { maxLength } : {}),
    userId: context.userSettings.userId,
    userName: context.userSettings.userName,
    ...(typeof width === 'number' && width > 0 ? { width } : {}),
  };
}

/** The bound values handed back to the form (null clears an optional score column). */
export function outputsOf(value: string, scores: SurveyOutputs): IOutputs {
  return {
    responses: value,
    csat: scores.csat ?? undefined,
    nps: scores.nps ?? undefined,
    responseCount: scores.responseCount,
  };
}
