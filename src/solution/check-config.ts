/**
 * The configuration web resource of a zip crmkit packed (`<prefix>_/crmkit/config.json`): its shape,
 * checked with the profile's own validator of `defaults`, its solution version, and that the survey
 * control's packed definition is the one the dashboards read.
 */
import type { Problem } from '../errors';
import type { Findings } from './findings';
import { parseJsonText } from './json-syntax';
import type { ControlManifestInfo } from './manifest';
import { defaultsProblems } from './profile';
import { canonicalJson, SURVEY_DEFINITION_INPUT } from './survey-definition';
import { decodeUtf8 } from './xml';

export interface ConfigContext {
  /** The config.json entry (`WebResources/cnt_/crmkit/config.json`). */
  entry: string;
  bytes: Uint8Array;
  /** solution.xml's version, when it has one. */
  solutionVersion: string | undefined;
  /** Every control manifest read, by entry path. */
  manifests: ReadonlyMap<string, ControlManifestInfo>;
  findings: Findings;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with a parsed config.json, each problem naming its field (`survey.maxRecords`);
 * `solutionVersion`, when given, is the version the file must carry.
 */
export function clientConfigProblems(config: unknown, solutionVersion?: string): Problem[] {
  if (!isObject(config))
    return [
      { where: '(file)', message: 'must be a JSON object (the client configuration the widgets read)' },
    ];
  const problems: Problem[] = [];
  if (config.version !== 1)
    problems.push({ where: 'version', message: `must be 1 (got ${JSON.stringify(config.version)})` });
  if (solutionVersion !== undefined && config.solutionVersion !== solutionVersion) {
    problems.push({
      where: 'solutionVersion',
      message: `${JSON.stringify(config.solutionVersion)} is not the solution version ${solutionVersion}`,
    });
  }
  const languages = config.languages;
  if (languages !== undefined && !(Array.isArray(languages) && languages.every((l) => Number.isInteger(l))))
    problems.push({ where: 'languages', message: 'must list language codes (whole numbers)' });
  const defaults = Object.fromEntries(
    (['funnel', 'survey'] as const).filter((k) => config[k] !== undefined).map((k) => [k, config[k]]),
  );
  return [...problems, ...defaultsProblems(defaults)];
}

/** Checks config.json; a file that is not JSON is left to the JSON check of every `.json` web resource. */
export function checkClientConfig(ctx: ConfigContext): void {
  const parsed = parseJsonText(decodeUtf8(ctx.bytes));
  if ('problem' in parsed) return;
  for (const p of clientConfigProblems(parsed.value, ctx.solutionVersion))
    ctx.findings.error(p.where === '(file)' ? ctx.entry : `${ctx.entry} › ${p.where}`, p.message);
  const config = parsed.value;
  const survey = isObject(config) ? config.survey : undefined;
  checkDefinitionAgreement(isObject(survey) ? survey.definition : undefined, ctx);
}

/** The survey control's packed definition (its input's default-value) must be config.json's. */
function checkDefinitionAgreement(definition: unknown, ctx: ConfigContext): void {
  const expected = definition === undefined ? undefined : canonicalJson(definition);
  for (const [manifestPath, info] of ctx.manifests) {
    const input = info.properties.find((p) => p.name === SURVEY_DEFINITION_INPUT && p.usage === 'input');
    if (input === undefined) continue;
    const where = `${manifestPath} › property ${SURVEY_DEFINITION_INPUT}`;
    let actual: string | undefined;
    if (input.defaultValue !== undefined) {
      const parsed = parseJsonText(input.defaultValue);
      if ('problem' in parsed) {
        ctx.findings.error(where, `default-value is ${parsed.problem}`);
        continue;
      }
      actual = canonicalJson(parsed.value);
    }
    if (actual !== expected) {
      const what =
        actual === undefined
          ? `has no default-value, while ${ctx.entry} has a survey.definition`
          : expected === undefined
            ? `has a default-value, while ${ctx.entry} has no survey.definition`
            : `default-value differs from survey.definition in ${ctx.entry}`;
      ctx.findings.error(where, `${what}: the form and the dashboards would show different questions`);
    }
  }
}
