/**
 * What a label is, in words a translator understands ("Table plural name", "Ribbon button label"),
 * and the kind of component it belongs to (for the workbook's Context column and coverage
 * statistics). Derived only from the row key (Entity name, Object ID, Object Column Name): pure.
 */
import type { Label } from './model';

export type ComponentKind =
  | 'table'
  | 'column'
  | 'choice'
  | 'form'
  | 'view'
  | 'chart'
  | 'dashboard'
  | 'ribbon'
  | 'message'
  | 'sitemap'
  | 'app'
  | 'webresource'
  | 'relationship'
  | 'solution'
  | 'publisher'
  | 'workflow'
  | 'other';

/** Every kind, in the order statistics list them. */
export const COMPONENT_KINDS: readonly ComponentKind[] = [
  'table',
  'column',
  'choice',
  'form',
  'view',
  'chart',
  'dashboard',
  'ribbon',
  'message',
  'sitemap',
  'app',
  'webresource',
  'relationship',
  'solution',
  'publisher',
  'workflow',
  'other',
];

export interface LabelDescription {
  kind: ComponentKind;
  context: string;
}

type LabelKeyParts = Pick<Label, 'sheet' | 'entity' | 'objectId' | 'column'>;

/** Component groups whose rows are not a table's own labels (Entity name compared lower-case). */
const groupNames: Readonly<Record<string, { kind: ComponentKind; noun: string }>> = {
  solution: { kind: 'solution', noun: 'Solution' },
  publisher: { kind: 'publisher', noun: 'Publisher' },
  workflow: { kind: 'workflow', noun: 'Process' },
  'workflow categories': { kind: 'workflow', noun: 'Process category' },
  systemform: { kind: 'form', noun: 'Form' },
  savedquery: { kind: 'view', noun: 'View' },
  savedqueryvisualization: { kind: 'chart', noun: 'Chart' },
  dashboard: { kind: 'dashboard', noun: 'Dashboard' },
  sitemap: { kind: 'sitemap', noun: 'Site map item' },
  appmodule: { kind: 'app', noun: 'App' },
  webresource: { kind: 'webresource', noun: 'Web resource' },
  optionset: { kind: 'choice', noun: 'Choice (global)' },
  relationship: { kind: 'relationship', noun: 'Relationship' },
  entityrelationship: { kind: 'relationship', noun: 'Relationship' },
};

/** Ribbon LocLabel ids end with what the text is used for. */
const ribbonParts: readonly (readonly [RegExp, string])[] = [
  [/LabelText$/i, 'Ribbon button label'],
  [/ToolTipTitle$/i, 'Ribbon tooltip title'],
  [/ToolTipDescription$/i, 'Ribbon tooltip description'],
  [/Alt$/i, 'Ribbon image alternative text'],
];

/** A choice value's Object ID carries the value after the choice's id: `<guid>;100000001`. */
const choiceValueId = /[;:|]-?\d+$/;
const looksLikeRibbonId = /\.(Button|Group|Tab|Menu|Flyout|SplitButton|Command)\w*\./i;

function ofGroup(noun: string, column: string): string {
  switch (column.toLowerCase()) {
    case 'friendlyname':
    case 'name':
    case 'localizedname':
    case 'displayname':
    case 'title':
      return `${noun} name`;
    case 'description':
      return `${noun} description`;
    default:
      return `${noun} text (${column})`;
  }
}

function ribbonContext(objectId: string): string {
  for (const [pattern, context] of ribbonParts) if (pattern.test(objectId)) return context;
  return 'Ribbon text';
}

function describeDisplayString(label: LabelKeyParts): LabelDescription {
  if (label.entity === 'RibbonCustomization' || looksLikeRibbonId.test(label.objectId)) {
    return { kind: 'ribbon', context: ribbonContext(label.objectId) };
  }
  return { kind: 'message', context: 'Message' };
}

/** Labels of a table itself and of its columns, choices, forms and views (Entity name = table). */
function describeTableLabel(label: LabelKeyParts): LabelDescription {
  const isChoiceValue = choiceValueId.test(label.objectId);
  // Object Column Name is case-sensitive: `DisplayName` is metadata, `displayname` a form item.
  switch (label.column) {
    case 'LocalizedName':
      return { kind: 'table', context: 'Table name' };
    case 'LocalizedCollectionName':
      return { kind: 'table', context: 'Table plural name' };
    case 'DisplayName':
      return isChoiceValue
        ? { kind: 'choice', context: 'Choice value' }
        : { kind: 'column', context: 'Column label' };
    case 'Description':
      return isChoiceValue
        ? { kind: 'choice', context: 'Choice value description' }
        : { kind: 'column', context: 'Column or table description' };
    case 'displayname':
      return { kind: 'form', context: 'Form tab, section or field label' };
    case 'name':
      return { kind: 'form', context: 'Form, view or chart name' };
    case 'description':
      return { kind: 'form', context: 'Form, view or chart description' };
    default:
      return { kind: 'other', context: `Text (${label.column})` };
  }
}

/** The kind and a readable context of a label, from its key alone. */
export function describeLabel(label: LabelKeyParts): LabelDescription {
  if (label.sheet === 'Display Strings') return describeDisplayString(label);
  if (label.entity === 'RibbonCustomization' || looksLikeRibbonId.test(label.objectId)) {
    return { kind: 'ribbon', context: ribbonContext(label.objectId) };
  }
  const group = groupNames[label.entity.toLowerCase()];
  if (group !== undefined) return { kind: group.kind, context: ofGroup(group.noun, label.column) };
  if (label.entity === '') return { kind: 'other', context: `Text (${label.column})` };
  return describeTableLabel(label);
}
