/**
 * A choice column's options as the funnel's known stages (`FunnelOptions.knownStages`): key and
 * rank the option's value, label the user's label, aliases its labels in the org's other languages.
 * Reads the two shapes Dynamics gives options in: the Web API's `OptionMetadata` (`Value`, `Label`
 * with `LocalizedLabels[]` and `UserLocalizedLabel`), also found in a PCF attribute's
 * `attributeDescriptor.OptionSet` (where `Label` may be the user's label as a plain string), and
 * the PCF attribute's own `OptionSet`, a map keyed by value of `{ value, text }`.
 */
import type { StageRef } from './types';

type Loose = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The user's label and every label of an option's `Label` (a Label object or a plain string). */
function labelsOf(label: unknown): { user: string | undefined; all: string[] } {
  const plain = text(label);
  if (plain !== undefined) return { user: plain, all: [plain] };
  if (!isObject(label)) return { user: undefined, all: [] };
  const user = isObject(label.UserLocalizedLabel) ? text(label.UserLocalizedLabel.Label) : undefined;
  const localized = Array.isArray(label.LocalizedLabels) ? (label.LocalizedLabels as unknown[]) : [];
  const all = localized.flatMap((l) => {
    const t = isObject(l) ? text(l.Label) : undefined;
    return t === undefined ? [] : [t];
  });
  return { user: user ?? all[0], all: user === undefined ? all : [user, ...all] };
}

function stageOf(value: unknown, label: unknown): StageRef | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  const key = String(value);
  const { user, all } = labelsOf(label);
  const shown = user ?? key;
  const aliases = [...new Set(all.filter((l) => l !== shown))];
  return aliases.length === 0
    ? { key, label: shown, rank: value }
    : { key, label: shown, rank: value, aliases };
}

/** Known stages from an array of OptionMetadata (`Value`, `Label`); anything else gives none. */
export function stagesFromOptionMetadata(options: unknown): StageRef[] {
  if (!Array.isArray(options)) return [];
  const stages: StageRef[] = [];
  const seen = new Set<string>();
  for (const option of options as unknown[]) {
    const stage = isObject(option) ? stageOf(option.Value, option.Label) : undefined;
    if (stage === undefined || seen.has(stage.key)) continue;
    seen.add(stage.key);
    stages.push(stage);
  }
  return stages;
}

/**
 * Known stages from one attribute of PCF's `getEntityMetadata(…).Attributes.get(column)`:
 * `attributeDescriptor.OptionSet` (OptionMetadata) when present, else the attribute's `OptionSet`
 * map of `{ value, text }`; none for a column that is not a choice.
 */
export function stagesFromPcfAttribute(attribute: unknown): StageRef[] {
  if (!isObject(attribute)) return [];
  const descriptor = isObject(attribute.attributeDescriptor) ? attribute.attributeDescriptor : undefined;
  const fromDescriptor = stagesFromOptionMetadata(descriptor?.OptionSet);
  if (fromDescriptor.length > 0) return fromDescriptor;
  const map = attribute.OptionSet;
  if (!isObject(map) || Array.isArray(map)) return [];
  return stagesFromOptionMetadata(
    Object.values(map).map((o) => (isObject(o) ? { Value: o.value, Label: o.text } : o)),
  );
}

/**
 * The attribute `column` of what PCF's `getEntityMetadata(entity, [column])` resolves with: its
 * `Attributes` collection answers `get(name)` (an array of attributes is searched by `LogicalName`).
 */
export function stagesFromPcfMetadata(metadata: unknown, column: string): StageRef[] {
  const attributes = isObject(metadata) ? metadata.Attributes : undefined;
  if (Array.isArray(attributes))
    return stagesFromPcfAttribute(
      (attributes as unknown[]).find((a) => isObject(a) && a.LogicalName === column),
    );
  const get = isObject(attributes) ? attributes.get : undefined;
  if (typeof get !== 'function') return [];
  return stagesFromPcfAttribute((get as (name: string) => unknown).call(attributes, column));
}
