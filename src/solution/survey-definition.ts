/**
 * The client's survey definition travels twice in a packed solution: in `config.json` (read by the
 * survey dashboard) and as the `default-value` of the survey control's `definition` input in its
 * packed ControlManifest.xml (what the control gets on a form that leaves the property unset), so
 * the form and the dashboards ask and count the same questions.
 */
import type { ClientProfile } from './model';

/** The widget whose control carries the definition (the profile's `defaults.survey` is its section). */
export const SURVEY_WIDGET = 'survey';
/** The control's input property (ControlManifest.Input.xml) that takes the definition document. */
export const SURVEY_DEFINITION_INPUT = 'definition';
/** The control's input property naming the survey response table (records mode); pack sets it per client. */
export const SURVEY_RESPONSE_TABLE_INPUT = 'responseTable';

/** The profile's definition as the control reads it: compact JSON; undefined when the profile has none. */
export function definitionDefault(profile: ClientProfile): string | undefined {
  const definition = profile.defaults?.survey?.definition;
  return definition === undefined ? undefined : JSON.stringify(definition);
}

/** JSON with object keys sorted, so that two documents can be compared whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
