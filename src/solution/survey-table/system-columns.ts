/**
 * The columns every custom activity inherits from activitypointer, as a real export of a custom
 * activity writes them (tsykes-ctecs/PurchaseRequisitionData, Entity.xml of cttech_OF95ApprovalUser),
 * limited to the elements the 9.0 schema knows. Which of them Dataverse would add by itself on
 * import is unverified, so all are written.
 */
import { ADVANCED_FORM_GRID as AFG, columnSpec, type ColumnSpec, type LocalOptions } from './column-spec';

type Extra = Partial<ColumnSpec>;
const USER = [8] as const;
const PARTIES = [8, 1, 2] as const;

function col(
  physical: string,
  type: ColumnSpec['type'],
  api: string,
  introduced: string,
  extra: Extra = {},
): ColumnSpec {
  return columnSpec(physical, physical.toLowerCase(), type, { api, introduced, ...extra });
}
const date = (p: string, api: string, v: string, x: Extra = {}): ColumnSpec =>
  col(p, 'datetime', api, v, { ime: 'inactive', format: 'datetime', dateBehavior: true, ...x });
const party = (
  p: string,
  types: readonly number[] | undefined,
  style: 'single' | 'multi' = 'multi',
): ColumnSpec =>
  col(p, 'partylist', 'cru', '5.0.0.0', {
    mask: 'ValidForForm|ValidForGrid',
    logical: true,
    lookupStyle: style,
    ...(types ? { lookupTypes: types } : {}),
  });
const user = (p: string, x: Extra = {}): ColumnSpec =>
  col(p, 'lookup', 'r', '5.0.0.0', { lookupStyle: 'single', lookupTypes: USER, ...x });
const yesNo: LocalOptions = {
  kind: 'bit',
  items: [
    { value: 0, label: 'opt.no' },
    { value: 1, label: 'opt.yes' },
  ],
};
const bit = (p: string, api: string, x: Extra = {}): ColumnSpec =>
  col(p, 'bit', api, '5.0.0.0', { appDefault: 0, options: yesNo, ...x });
const int = (p: string, api: string, v: string, min: number, x: Extra = {}): ColumnSpec =>
  col(p, 'int', api, v, { ime: 'disabled', format: '', min, max: 2147483647, ...x });
const text = (p: string, v: string, maxLength: number, x: Extra = {}): ColumnSpec =>
  col(p, 'nvarchar', 'cru', v, { format: 'text', maxLength, length: maxLength * 2, ...x });

const STATES: LocalOptions = {
  kind: 'state',
  items: [
    { value: 0, label: 'opt.state.open', defaultStatus: 1, invariant: 'Open' },
    { value: 1, label: 'opt.state.completed', defaultStatus: 2, invariant: 'Completed' },
    { value: 2, label: 'opt.state.canceled', defaultStatus: 3, invariant: 'Canceled' },
    { value: 3, label: 'opt.state.scheduled', defaultStatus: 4, invariant: 'Scheduled' },
  ],
};
const STATUSES: LocalOptions = {
  kind: 'status',
  items: [
    { value: 1, label: 'opt.state.open', state: 0 },
    { value: 2, label: 'opt.state.completed', state: 1 },
    { value: 3, label: 'opt.state.canceled', state: 2 },
    { value: 4, label: 'opt.state.scheduled', state: 3 },
  ],
};
const PRIORITIES: LocalOptions = {
  kind: 'picklist',
  items: [
    { value: 0, label: 'opt.priority.low' },
    { value: 1, label: 'opt.priority.normal' },
    { value: 2, label: 'opt.priority.high' },
  ],
};
const INSTANCE_TYPES: LocalOptions = {
  kind: 'picklist',
  items: [
    { value: 0, label: 'opt.instance.single' },
    { value: 1, label: 'opt.instance.master' },
    { value: 2, label: 'opt.instance.instance' },
    { value: 3, label: 'opt.instance.exception' },
    { value: 4, label: 'opt.instance.future' },
  ],
};
const HIDDEN = { mask: undefined } as const;

/** The 62 inherited columns, in the order exports write them (by schema name). */
export const SYSTEM_COLUMNS: readonly ColumnSpec[] = [
  col('ActivityAdditionalParams', 'ntext', 'cru', '7.1.0.0', {
    audit: false,
    format: 'textarea',
    maxLength: 8192,
  }),
  col('ActivityId', 'primarykey', 'cr', '5.0.0.0', {
    required: 'systemrequired',
    mask: 'ValidForAdvancedFind|RequiredForGrid',
    audit: false,
  }),
  col('ActivityTypeCode', 'picklist', 'r', '5.0.0.0', {
    required: 'systemrequired',
    mask: 'ObjectTypeCode|ValidForAdvancedFind|ValidForGrid',
    appDefault: -1,
    optionSetName: 'activitypointer_activitytypecode',
  }),
  int('ActualDurationMinutes', 'cru', '5.0.0.0', 0, { format: 'duration' }),
  date('ActualEnd', 'cru', '5.0.0.0'),
  date('ActualStart', 'cru', '5.0.0.0'),
  party('BCC', PARTIES),
  party('CC', PARTIES),
  col('Community', 'picklist', 'cru', '6.1.0.0', {
    mask: 'ValidForAdvancedFind|ValidForGrid',
    appDefault: -1,
    optionSetName: 'socialprofile_community',
  }),
  user('CreatedBy'),
  date('CreatedOn', 'r', '5.0.0.0'),
  user('CreatedOnBehalfBy', { audit: false }),
  party('Customers', [1, 2]),
  date('DeliveryLastAttemptedOn', 'r', '6.0.0.0'),
  col('DeliveryPriorityCode', 'picklist', 'cr', '6.0.0.0', {
    appDefault: 1,
    optionSetName: 'activitypointer_deliveryprioritycode',
  }),
  col('Description', 'ntext', 'cru', '5.0.0.0', {
    mask: `${AFG}|RequiredForForm`,
    format: '',
    maxLength: 2000,
  }),
  text('ExchangeItemId', '8.2.0.0', 200, { mask: 'ValidForAdvancedFind' }),
  text('ExchangeWebLink', '8.2.0.0', 1250, { mask: 'ValidForAdvancedFind' }),
  party('From', PARTIES, 'single'),
  int('ImportSequenceNumber', 'cr', '5.0.0.0', -2147483648, { mask: 'ValidForAdvancedFind' }),
  col('InstanceTypeCode', 'picklist', 'r', '5.0.0.0', {
    required: 'systemrequired',
    mask: 'ValidForAdvancedFind|ValidForGrid',
    appDefault: 0,
    options: INSTANCE_TYPES,
  }),
  bit('IsBilled', 'cru', { mask: 'ValidForAdvancedFind' }),
  bit('IsMapiPrivate', 'cru', HIDDEN),
  col('IsRegularActivity', 'bit', 'r', '5.0.0.0', {
    required: 'systemrequired',
    mask: 'ValidForAdvancedFind',
    appDefault: 1,
    optionSetName: 'activitypointer_isregularactivity',
  }),
  bit('IsWorkflowCreated', 'cru', { mask: 'ValidForAdvancedFind' }),
  date('LastOnHoldTime', 'cru', '8.1.0.0'),
  bit('LeftVoiceMail', 'cru'),
  user('ModifiedBy'),
  date('ModifiedOn', 'r', '5.0.0.0'),
  user('ModifiedOnBehalfBy', { audit: false }),
  int('OnHoldTime', 'r', '8.1.0.0', -2147483648),
  party('OptionalAttendees', undefined),
  party('Organizer', USER, 'single'),
  date('OverriddenCreatedOn', 'cr', '5.0.0.0', { mask: 'ValidForAdvancedFind|ValidForGrid', format: 'date' }),
  col('OwnerId', 'owner', 'cru', '5.0.0.0', {
    required: 'systemrequired',
    mask: `${AFG}|RequiredForForm`,
    lookupStyle: 'single',
    lookupTypes: [8, 9],
  }),
  user('OwningBusinessUnit', { lookupTypes: [10] }),
  user('OwningTeam', { ...HIDDEN, audit: false, logical: true, lookupTypes: [9] }),
  user('OwningUser', { ...HIDDEN, audit: false, logical: true }),
  party('Partners', [1, 2]),
  date('PostponeActivityProcessingUntil', 'r', '6.0.0.0', HIDDEN),
  col('PriorityCode', 'picklist', 'cru', '5.0.0.0', { appDefault: 1, options: PRIORITIES }),
  col('ProcessId', 'uniqueidentifier', 'cru', '6.0.0.0', HIDDEN),
  col('RegardingObjectId', 'lookup', 'cru', '5.0.0.0', { lookupStyle: 'single' }),
  party('RequiredAttendees', undefined),
  party('Resources', USER),
  int('ScheduledDurationMinutes', 'cru', '5.0.0.0', 0, { format: 'duration' }),
  date('ScheduledEnd', 'cru', '5.0.0.0'),
  date('ScheduledStart', 'cru', '5.0.0.0'),
  user('SenderMailboxId', { ...HIDDEN, lookupTypes: [9606] }),
  date('SentOn', 'r', '6.0.0.0'),
  col('SeriesId', 'uniqueidentifier', 'r', '5.0.0.0', { ...HIDDEN, audit: false }),
  col('SLAId', 'lookup', 'cru', '8.1.0.0', { lookupStyle: 'single', lookupTypes: [9750] }),
  user('SLAInvokedId', { ...HIDDEN, introduced: '8.1.0.0', lookupTypes: [9750] }),
  date('SortDate', 'cru', '8.2.0.0'),
  col('StageId', 'uniqueidentifier', 'cru', '6.0.0.0', { mask: 'ValidForGrid' }),
  col('StateCode', 'state', 'ru', '5.0.0.0', { required: 'systemrequired', options: STATES }),
  col('StatusCode', 'status', 'cru', '5.0.0.0', { options: STATUSES }),
  text('Subject', '5.0.0.0', 400, {
    mask: `QueueItemTitle|PrimaryName|${AFG}|RequiredForForm|RequiredForGrid`,
    length: 1600,
  }),
  int('TimeZoneRuleVersionNumber', 'cru', '5.0.0.0', -1, { ...HIDDEN, audit: false }),
  party('To', PARTIES),
  text('TraversedPath', '7.0.0.0', 1250, HIDDEN),
  int('UTCConversionTimeZoneCode', 'cru', '5.0.0.0', -1, { ...HIDDEN, audit: false }),
];
