/**
 * Records mode in the PCF context: whether the control runs in it (`responseTable` is set, or the
 * control sits on a number column), what the records widget needs, and the scores as bound outputs.
 */
import type { IOutputs } from './manifest-types';
import type { SurveyOutputs } from '../../../src/widgets/survey/aggregates';
import type { RecordsHostInput } from '../../../src/widgets/survey/records-options';
import type { SurveyContext } from './host-input';
import type { RecordContextInfo } from './stored-value';

/** The summary a number column bound to `responses` holds: NPS (whole number) or CSAT (decimal). */
export function summaryKindOf(columnType: string | undefined): 'nps' | 'csat' | undefined {
  if (columnType?.startsWith('Whole') === true) return 'nps';
  return columnType === 'Decimal' || columnType === 'FP' ? 'csat' : undefined;
}

/**
 * The response table in records mode; '' when the control sits on a number column without one
 * (the widget says what is missing); undefined in column mode.
 */
export function recordsTableOf(context: SurveyContext): string | undefined {
  const table = context.parameters.responseTable.raw?.trim() ?? '';
  if (table !== '') return table;
  return summaryKindOf(context.parameters.responses.type) === undefined ? undefined : '';
}

export function recordsInputOf(context: SurveyContext, table: string): RecordsHostInput {
  const info: RecordContextInfo | undefined = context.mode.contextInfo;
  const width = context.mode.allocatedWidth;
  return {
    table,
    entityType: info?.entityTypeName,
    recordId: info?.entityId,
    definition: context.parameters.definition.raw ?? null,
    readable: context.parameters.responses.security?.readable ?? true,
    editable: !context.mode.isControlDisabled,
    userId: context.userSettings.userId,
    userName: context.userSettings.userName,
    ...(typeof width === 'number' && width > 0 ? { width } : {}),
  };
}

/** The scores for the bound columns; `responses` only when it is bound to a number column. */
export function recordsOutputsOf(columnType: string | undefined, scores: SurveyOutputs): IOutputs {
  const kind = summaryKindOf(columnType);
  return {
    ...(kind === undefined ? {} : { responses: scores[kind] }),
    csat: scores.csat ?? undefined,
    nps: scores.nps ?? undefined,
    responseCount: scores.responseCount,
  };
}
