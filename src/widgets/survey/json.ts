/** JSON values as stored in a Dataverse text column, and small readers over `unknown`. */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries of `source` whose keys are not in `known` (kept so that writing back loses nothing). */
export function unknownFields(source: JsonObject, known: readonly string[]): JsonObject {
  // fromEntries defines own properties, so even a "__proto__" key is kept as data.
  return Object.fromEntries(Object.entries(source).filter(([key]) => !known.includes(key)));
}

/** Why a stored text could not be read, as a code the view localizes plus the place. */
export interface ParseProblem {
  code: 'notJson' | 'notObject' | 'version' | 'field' | 'duplicate';
  /** JSON path of the offending value, e.g. `responses[3].answers.nps`. */
  path: string;
  /** For `version`: the version found. */
  version?: string;
}

export class SurveyParseError extends Error {
  readonly problem: ParseProblem;
  constructor(problem: ParseProblem) {
    super(`${problem.code} at ${problem.path === '' ? '(root)' : problem.path}`);
    this.name = 'SurveyParseError';
    this.problem = problem;
  }
}

export function fail(code: ParseProblem['code'], path: string): never {
  throw new SurveyParseError({ code, path });
}

/** Parses JSON text; a syntax error becomes a `notJson` problem. */
export function parseJsonText(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return fail('notJson', '');
  }
}
