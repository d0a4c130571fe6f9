/**
 * The survey response's own columns. Choice values follow Dataverse's rule for a publisher's
 * options: the publisher's option value prefix times 10,000, plus the option's number.
 */
import { columnSpec, type Choice, type ColumnSpec } from './column-spec';
import type { LabelKey } from './labels';
import type { TableNames } from './names';

/** The choices of `<prefix>_channel` and `<prefix>_role`, in order (their values count up from the prefix). */
export const CHANNELS = ['phone', 'visit', 'email', 'meeting', 'other'] as const;
export const ROLES = ['sales', 'service', 'delivery', 'other'] as const;

export function choiceValue(optionValuePrefix: number, index: number): number {
  return optionValuePrefix * 10000 + index;
}

function choices(kind: 'channel' | 'role', ids: readonly string[], optionValuePrefix: number): Choice[] {
  return ids.map((id, i) => ({
    value: choiceValue(optionValuePrefix, i),
    label: `opt.${kind}.${id}` as LabelKey,
  }));
}

function custom(
  physical: string,
  key: string,
  type: ColumnSpec['type'],
  extra: Partial<ColumnSpec>,
): ColumnSpec {
  return columnSpec(physical, key, type, { custom: true, ...extra });
}

/** The custom columns, in the order exports write them (by schema name). */
export function customColumns(names: TableNames, optionValuePrefix: number): ColumnSpec[] {
  const c = names.column;
  return [
    custom(c('answers'), 'answers', 'ntext', { format: 'text', maxLength: 1048576 }),
    custom(c('channel'), 'channel', 'picklist', {
      appDefault: -1,
      options: { kind: 'picklist', items: choices('channel', CHANNELS, optionValuePrefix) },
    }),
    custom(c('contactid'), 'contactid', 'lookup', { lookupStyle: 'single', lookupTypes: [2] }),
    custom(c('csat'), 'csat', 'int', { ime: 'disabled', format: 'none', min: 1, max: 5 }),
    custom(c('definitionversion'), 'definitionversion', 'nvarchar', {
      format: 'text',
      maxLength: 100,
      length: 200,
    }),
    custom(c('nps'), 'nps', 'int', { ime: 'disabled', format: 'none', min: 0, max: 10 }),
    custom(c('respondent'), 'respondent', 'nvarchar', { format: 'text', maxLength: 200, length: 400 }),
    custom(c('role'), 'role', 'picklist', {
      appDefault: -1,
      options: { kind: 'picklist', items: choices('role', ROLES, optionValuePrefix) },
    }),
  ];
}
