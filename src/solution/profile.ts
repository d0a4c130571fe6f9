import { Ajv, type ErrorObject } from 'ajv';
import schema from '../../solutions/client-profile.schema.json';
import { CrmKitError, type Problem } from '../errors';
import { parseDefinition } from '../widgets/survey/definition';
import { parseJsonText } from './json-syntax';
import type { ClientProfile, SolutionSource } from './model';

const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
ajv.addVocabulary(['x-rule']);
const validateSchema = ajv.compile(schema);

/**
 * `/publisher/prefix` → `publisher.prefix`, `/languages/1` → `languages[1]`,
 * `/solution/displayNames/1033` → `solution.displayNames.1033` (indices only inside arrays).
 */
function fieldPath(root: unknown, instancePath: string, extra?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  let out = '';
  let node: unknown = root;
  for (const p of parts) {
    out += Array.isArray(node) ? `[${p}]` : out === '' ? p : `.${p}`;
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[p] : undefined;
  }
  return out === '' ? '(profile)' : out;
}

function ruleOf(e: ErrorObject): string | undefined {
  const parent: unknown = e.parentSchema;
  if (typeof parent !== 'object' || parent === null) return undefined;
  const rule = (parent as Record<string, unknown>)['x-rule'];
  return typeof rule === 'string' ? rule : undefined;
}

/** A value as a message shows it: `1234`, `"de"`; anything else by its kind. */
function gotText(data: unknown): string {
  if (typeof data === 'string' || typeof data === 'number') return JSON.stringify(data);
  return data === null ? 'null' : Array.isArray(data) ? 'a list' : `a ${typeof data}`;
}

function describe(e: ErrorObject, root: unknown): Problem {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return {
        where: fieldPath(root, e.instancePath, String(params.missingProperty)),
        message: 'is required',
      };
    case 'additionalProperties':
      return {
        where: fieldPath(root, e.instancePath, String(params.additionalProperty)),
        message: 'is not a profile field (check the spelling)',
      };
    case 'uniqueItems': {
      const list = Array.isArray(e.data) ? (e.data as unknown[]) : [];
      const dup = list[Number(params.j)];
      return {
        where: fieldPath(root, e.instancePath),
        message: `lists ${JSON.stringify(dup)} twice; ${ruleOf(e) ?? 'each item must appear once'}`,
      };
    }
    case 'type':
      return { where: fieldPath(root, e.instancePath), message: `must be ${String(params.type)}` };
    default: {
      const rule = ruleOf(e);
      // a rule that names the value itself ("{got} is not a language code …") reads better so
      if (rule?.includes('{got}') === true)
        return { where: fieldPath(root, e.instancePath), message: rule.replace('{got}', gotText(e.data)) };
      const shown =
        typeof e.data === 'string' || typeof e.data === 'number' ? ` (got ${JSON.stringify(e.data)})` : '';
      return {
        where: fieldPath(root, e.instancePath),
        message: `${rule ?? e.message ?? 'is invalid'}${shown}`,
      };
    }
  }
}

function objectAt(data: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** Rules the JSON Schema cannot express (they need the whole profile); safe on any shape. */
function crossChecks(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const languages = (data as { languages?: unknown } | null)?.languages;
  const base: unknown = Array.isArray(languages) ? languages[0] : undefined;
  if (typeof base !== 'number') return problems;
  for (const section of ['publisher', 'solution'] as const) {
    const texts = objectAt(objectAt(data, section), 'displayNames');
    if (texts && typeof texts[String(base)] !== 'string') {
      problems.push({
        where: `${section}.displayNames`,
        message: `needs a text for the base language ${base} (languages[0])`,
      });
    }
  }
  return problems;
}

/** The survey definition is checked by the survey widget's own parser, so both agree on it. */
function definitionChecks(p: ClientProfile): Problem[] {
  return definitionProblems(p.defaults?.survey?.definition, 'defaults.survey.definition');
}

function definitionProblems(definition: unknown, where: string): Problem[] {
  if (definition === undefined) return [];
  try {
    parseDefinition(JSON.stringify(definition));
    return [];
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return [
      {
        where,
        message: `is not a survey definition the survey control accepts (${detail})`,
      },
    ];
  }
}

/** Widgets must exist in the solution source (the schema's list is checked against it by a test). */
function widgetChecks(p: ClientProfile, source: SolutionSource): Problem[] {
  const known = new Set(source.widgets.map((w) => w.id));
  return p.widgets.flatMap((w, i) =>
    known.has(w)
      ? []
      : [
          {
            where: `widgets[${i}]`,
            message: `"${w}" is not a widget crmkit ships (${[...known].join(', ')})`,
          },
        ],
  );
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.where}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Validates a parsed profile against the shipped JSON Schema and the solution source, collecting
 * every problem; throws PROFILE_INVALID listing them all, or returns the typed profile.
 */
export function validateProfile(data: unknown, where: string, source: SolutionSource): ClientProfile {
  const problems: Problem[] = [];
  if (!validateSchema(data)) {
    problems.push(
      ...(validateSchema.errors ?? [])
        // the inner enum error already names the language code and the rule
        .filter((e) => e.keyword !== 'propertyNames')
        .map((e) => describe(e, data)),
    );
  } else {
    const profile = data as unknown as ClientProfile;
    problems.push(...widgetChecks(profile, source), ...definitionChecks(profile));
  }
  problems.push(...crossChecks(data));
  if (problems.length > 0) {
    const list = dedupe(problems).map((p) => ({ where: `${where} › ${p.where}`, message: p.message }));
    throw new CrmKitError(
      'PROFILE_INVALID',
      `${where}: the client profile has ${list.length} problem${list.length === 1 ? '' : 's'}`,
      list,
    );
  }
  return data as ClientProfile;
}

/** Parses profile JSON text (refusing non-JSON with its line and column) and validates it. */
export function parseProfile(json: string, where: string, source: SolutionSource): ClientProfile {
  const parsed = parseJsonText(json);
  if ('problem' in parsed) {
    const at = parsed.place === undefined ? where : `${where}:${parsed.place}`;
    throw new CrmKitError('PROFILE_INVALID', `${at}: ${parsed.problem}`, [
      { where: at, message: parsed.problem },
    ]);
  }
  return validateProfile(parsed.value, where, source);
}

const validateDefaultsSchema = ajv.getSchema(`${schema.$id}#/properties/defaults`);

/**
 * Validates a `defaults` object (`{ funnel, survey }`, as config.json carries it) with the same
 * schema and survey parser as a profile's; problems name fields as `survey.maxRecords`.
 */
export function defaultsProblems(defaults: unknown): Problem[] {
  if (validateDefaultsSchema === undefined) throw new Error('the profile schema has no defaults');
  if (!validateDefaultsSchema(defaults))
    return dedupe((validateDefaultsSchema.errors ?? []).map((e) => describe(e, defaults)));
  const survey = (defaults as { survey?: { definition?: unknown } }).survey;
  return definitionProblems(survey?.definition, 'survey.definition');
}
