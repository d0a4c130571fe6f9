/**
 * What a label is, in words a translator understands ("Table plural name", "Ribbon button label"),
 * and the kind of component it belongs to (for the workbook's Context column and coverage
 * statistics). Derived only from the row key (Entity name, Object ID, Object Column Name): pure.
 */
import { contexts, isUiLcid, nouns, type NounId, type Phrase } from './context-texts';
import type { Label, Lcid } from './model';

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
const groupNames: Readonly<Record<string, { kind: ComponentKind; noun: NounId }>> = {
  solution: { kind: 'solution', noun: 'solution' },
  publisher: { kind: 'publisher', noun: 'publisher' },
  workflow: { kind: 'workflow', noun: 'process' },
  'workflow categories': { kind: 'workflow', noun: 'processCategory' },
  systemform: { kind: 'form', noun: 'form' },
  savedquery: { kind: 'view', noun: 'view' },
  savedqueryvisualization: { kind: 'chart', noun: 'chart' },
  dashboard: { kind: 'dashboard', noun: 'dashboard' },
  sitemap: { kind: 'sitemap', noun: 'sitemap' },
  appmodule: { kind: 'app', noun: 'app' },
  webresource: { kind: 'webresource', noun: 'webresource' },
  optionset: { kind: 'choice', noun: 'globalChoice' },
  relationship: { kind: 'relationship', noun: 'relationship' },
  entityrelationship: { kind: 'relationship', noun: 'relationship' },
};

/** Ribbon LocLabel ids end with what the text is used for. */
const ribbonParts: readonly (readonly [RegExp, Phrase])[] = [
  [/LabelText$/i, contexts.ribbonLabel],
  [/ToolTipTitle$/i, contexts.ribbonTooltipTitle],
  [/ToolTipDescription$/i, contexts.ribbonTooltipDescription],
  [/Alt$/i, contexts.ribbonAlt],
];

/** A choice value's Object ID carries the value after the choice's id: `<guid>;100000001`. */
const choiceValueId = /[;:|]-?\d+$/;
const looksLikeRibbonId = /\.(Button|Group|Tab|Menu|Flyout|SplitButton|Command)\w*\./i;

/** What a description is before it is put into words: a phrase, maybe with the column name. */
interface Described {
  kind: ComponentKind;
  phrase: Phrase;
  /** Object Column Name shown in parentheses after the phrase. */
  detail?: string;
}

function ofGroup(kind: ComponentKind, id: NounId, column: string): Described {
  const noun = nouns[id];
  switch (column.toLowerCase()) {
    case 'friendlyname':
    case 'name':
    case 'localizedname':
    case 'displayname':
    case 'title':
      return { kind, phrase: noun.name };
    case 'description':
      return { kind, phrase: noun.description };
    default:
      return { kind, phrase: noun.text, detail: column };
  }
}

function ribbon(objectId: string): Described {
  for (const [pattern, p] of ribbonParts) if (pattern.test(objectId)) return { kind: 'ribbon', phrase: p };
  return { kind: 'ribbon', phrase: contexts.ribbonText };
}

/** Labels of a table itself and of its columns, choices, forms and views (Entity name = table). */
function describeTableLabel(label: LabelKeyParts): Described {
  const isChoiceValue = choiceValueId.test(label.objectId);
  // Object Column Name is case-sensitive: `DisplayName` is metadata, `displayname` a form item.
  switch (label.column) {
    case 'LocalizedName':
      return { kind: 'table', phrase: contexts.tableName };
    case 'LocalizedCollectionName':
      return { kind: 'table', phrase: contexts.tablePlural };
    case 'DisplayName':
      return isChoiceValue
        ? { kind: 'choice', phrase: contexts.choiceValue }
        : { kind: 'column', phrase: contexts.columnLabel };
    case 'Description':
      return isChoiceValue
        ? { kind: 'choice', phrase: contexts.choiceDescription }
        : { kind: 'column', phrase: contexts.columnDescription };
    case 'displayname':
      return { kind: 'form', phrase: contexts.formItem };
    case 'name':
      return { kind: 'form', phrase: contexts.formViewChartName };
    case 'description':
      return { kind: 'form', phrase: contexts.formViewChartDescription };
    default:
      return { kind: 'other', phrase: contexts.text, detail: label.column };
  }
}

function describe(label: LabelKeyParts): Described {
  if (label.entity === 'RibbonCustomization' || looksLikeRibbonId.test(label.objectId))
    return ribbon(label.objectId);
  if (label.sheet === 'Display Strings') return { kind: 'message', phrase: contexts.message };
  const entity = label.entity.toLowerCase();
  // Own keys only: an entity named `constructor` or `__proto__` is a table, not a group.
  const group = Object.hasOwn(groupNames, entity) ? groupNames[entity] : undefined;
  if (group !== undefined) return ofGroup(group.kind, group.noun, label.column);
  if (label.entity === '') return { kind: 'other', phrase: contexts.text, detail: label.column };
  return describeTableLabel(label);
}

/**
 * The kind and a readable context of a label, from its key alone. The context is in the given
 * language when it is one of the product's four (English, Russian, Bulgarian, Ukrainian), else
 * in English.
 */
export function describeLabel(label: LabelKeyParts, lcid: Lcid = 1033): LabelDescription {
  const { kind, phrase, detail } = describe(label);
  const words = phrase[isUiLcid(lcid) ? lcid : 1033];
  return { kind, context: detail === undefined ? words : `${words} (${detail})` };
}
