/**
 * The per-client configuration web resource, `<prefix>_/crmkit/config.json`, shipped beside the
 * pages by `crmkit solution` and read by them as `./config.json`. A page's `data` parameter wins
 * over it; it wins over the built-in defaults. Every value is validated like a `data` parameter.
 *
 * Shape (all fields optional; unknown fields are ignored so that newer files still load):
 *
 * ```json
 * {
 *   "version": 1,
 *   "funnel": {
 *     "table": "opportunity", "stage": "salesstage", "amount": "estimatedvalue",
 *     "segment": "customertypecode", "stageOrder": ["Qualify", "Develop", "Propose", "Close"],
 *     "filter": "open", "period": "all", "currency": "EUR"
 *   },
 *   "survey": {
 *     "table": "account", "responses": "crmkit_surveyresponses", "filter": "all", "period": "12m",
 *     "maxRecords": 20000, "title": "…",
 *     "definition": { "…": "the survey definition document of the survey control" }
 *   }
 * }
 * ```
 *
 * Each section takes the same names as the page's `data` parameter (docs/dashboards.md). The
 * survey page reads individual responses from the `responses` column, so score columns
 * (`csat`, `nps`, `count`) are accepted here for the profile's sake but not read.
 */
import { ConfigError } from './data-params';

export interface ClientConfig {
  funnel: Map<string, string>;
  survey: Map<string, string>;
  /** The survey definition document, validated later by the survey model. */
  surveyDefinition?: unknown;
}

export const emptyClientConfig = (): ClientConfig => ({ funnel: new Map(), survey: new Map() });

function section(value: unknown, name: string, skip: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  if (value === undefined) return out;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError([{ param: `config.json › ${name}`, key: 'param.notJson', values: {} }]);
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (skip.includes(key)) continue;
    if (typeof v === 'string' || typeof v === 'number') out.set(key, String(v));
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
      out.set(key, v.map(String).join('\n'));
    }
  }
  return out;
}

/** Parses config.json's text; a malformed file is a ConfigError naming it. */
export function parseClientConfig(text: string): ClientConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError([{ param: 'config.json', key: 'param.notJson', values: {} }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError([{ param: 'config.json', key: 'param.notJson', values: {} }]);
  }
  const root = parsed as Record<string, unknown>;
  const survey = root.survey as Record<string, unknown> | undefined;
  const config: ClientConfig = {
    funnel: section(root.funnel, 'funnel'),
    survey: section(survey, 'survey', ['definition']),
  };
  if (survey !== undefined && typeof survey === 'object' && survey.definition !== undefined) {
    config.surveyDefinition = survey.definition;
  }
  return config;
}

/** Reads `./config.json` beside the page; absent (404, offline) means no client configuration. */
export async function loadClientConfig(fetchFn: typeof fetch, baseUrl: string): Promise<ClientConfig> {
  let response: Response;
  try {
    response = await fetchFn(new URL('./config.json', baseUrl).href, { credentials: 'same-origin' });
  } catch {
    return emptyClientConfig();
  }
  if (!response.ok) return emptyClientConfig();
  return parseClientConfig(await response.text());
}
