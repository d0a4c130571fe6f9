/**
 * The survey definition: which questions are asked, with their texts per Dynamics language (LCID).
 * An empty definition means the built-in one: CSAT 1–5 stars and NPS 0–10 (plus the comment every
 * response has).
 */
import {
  fail,
  isJsonObject,
  parseJsonText,
  SurveyParseError,
  type JsonValue,
  type ParseProblem,
} from './json';

export type QuestionType = 'stars' | 'nps' | 'yesno' | 'choice' | 'text';
export const QUESTION_TYPES: readonly QuestionType[] = ['stars', 'nps', 'yesno', 'choice', 'text'];

/** Text per LCID (as a string key, e.g. "1049"). */
export type LocalizedText = Readonly<Record<string, string>>;

export interface ChoiceOption {
  id: string;
  text: LocalizedText;
}

export interface Question {
  id: string;
  type: QuestionType;
  text: LocalizedText;
  /** A catalogue key used when `text` has no entry (the built-in questions). */
  textKey?: string;
  /** For `choice`. */
  options: readonly ChoiceOption[];
  /** For `text`: the longest answer accepted. */
  maxLength: number;
  /** Which score this question feeds; by default the first `stars` is CSAT, the first `nps` is NPS. */
  metric?: 'csat' | 'nps';
}

export interface SurveyDefinition {
  baseLanguage: number;
  questions: readonly Question[];
}

export const DEFAULT_TEXT_ANSWER_LENGTH = 500;

export const DEFAULT_DEFINITION: SurveyDefinition = {
  baseLanguage: 1033,
  questions: [
    {
      id: 'csat',
      type: 'stars',
      text: {},
      textKey: 'question.csat',
      options: [],
      maxLength: 0,
      metric: 'csat',
    },
    { id: 'nps', type: 'nps', text: {}, textKey: 'question.nps', options: [], maxLength: 0, metric: 'nps' },
  ],
};

function readText(value: JsonValue | undefined, path: string): LocalizedText {
  if (typeof value === 'string' && value.trim() !== '') return { '1033': value };
  if (!isJsonObject(value)) return fail('field', path);
  const text: Record<string, string> = {};
  for (const [lcid, entry] of Object.entries(value)) {
    if (!/^\d+$/.test(lcid) || typeof entry !== 'string') return fail('field', `${path}.${lcid}`);
    text[lcid] = entry;
  }
  if (Object.keys(text).length === 0) return fail('field', path);
  return text;
}

function readId(value: JsonValue | undefined, path: string, seen: Set<string>): string {
  if (typeof value !== 'string' || value.trim() === '') return fail('field', path);
  if (seen.has(value)) return fail('duplicate', path);
  seen.add(value);
  return value;
}

function readQuestion(value: JsonValue, path: string, ids: Set<string>): Question {
  if (!isJsonObject(value)) return fail('field', path);
  const id = readId(value.id, `${path}.id`, ids);
  const type = value.type;
  if (typeof type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(type)) {
    return fail('field', `${path}.type`);
  }
  const options: ChoiceOption[] = [];
  if (type === 'choice') {
    if (!Array.isArray(value.options) || value.options.length === 0) return fail('field', `${path}.options`);
    const optionIds = new Set<string>();
    value.options.forEach((option, i) => {
      const at = `${path}.options[${i}]`;
      if (!isJsonObject(option)) fail('field', at);
      options.push({
        id: readId(option.id, `${at}.id`, optionIds),
        text: readText(option.text, `${at}.text`),
      });
    });
  }
  let maxLength = DEFAULT_TEXT_ANSWER_LENGTH;
  if (value.maxLength !== undefined) {
    const n = value.maxLength;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return fail('field', `${path}.maxLength`);
    maxLength = n;
  }
  const metric = value.metric;
  if (
    metric !== undefined &&
    !((metric === 'csat' && type === 'stars') || (metric === 'nps' && type === 'nps'))
  ) {
    return fail('field', `${path}.metric`);
  }
  return {
    id,
    type: type as QuestionType,
    text: readText(value.text, `${path}.text`),
    options,
    maxLength: type === 'text' ? maxLength : 0,
    ...(metric === undefined ? {} : { metric }),
  };
}

/**
 * Parses a definition column value; empty text gives the built-in definition. Throws
 * `SurveyParseError` with the path of the first problem.
 */
export function parseDefinition(text: string | null | undefined): SurveyDefinition {
  if (text === null || text === undefined || text.trim() === '') return DEFAULT_DEFINITION;
  const root = parseJsonText(text);
  if (!isJsonObject(root)) return fail('notObject', '');
  let baseLanguage = 1033;
  if (root.baseLanguage !== undefined) {
    if (typeof root.baseLanguage !== 'number' || !Number.isInteger(root.baseLanguage)) {
      return fail('field', 'baseLanguage');
    }
    baseLanguage = root.baseLanguage;
  }
  if (!Array.isArray(root.questions) || root.questions.length === 0) return fail('field', 'questions');
  const ids = new Set<string>();
  const questions = root.questions.map((q, i) => readQuestion(q, `questions[${i}]`, ids));
  return { baseLanguage, questions };
}

/** The question's text in the user's language, else the definition's base language, else any. */
export function localized(text: LocalizedText, lcid: number, baseLanguage: number): string | undefined {
  const found = text[String(lcid)] ?? text[String(baseLanguage)] ?? Object.values(text)[0];
  return found === '' ? undefined : found;
}

/** The question that feeds CSAT: marked `metric: "csat"`, else the first stars question. */
export function csatQuestion(definition: SurveyDefinition): Question | undefined {
  const qs = definition.questions;
  return qs.find((q) => q.metric === 'csat') ?? qs.find((q) => q.type === 'stars');
}

/** The question that feeds NPS: marked `metric: "nps"`, else the first NPS question. */
export function npsQuestion(definition: SurveyDefinition): Question | undefined {
  const qs = definition.questions;
  return qs.find((q) => q.metric === 'nps') ?? qs.find((q) => q.type === 'nps');
}

/** The definition to ask; an unreadable one gives the built-in definition and the problem. */
export function readDefinition(text: string | null | undefined): {
  definition: SurveyDefinition;
  problem?: ParseProblem;
} {
  try {
    return { definition: parseDefinition(text) };
  } catch (e) {
    if (!(e instanceof SurveyParseError)) throw e;
    return { definition: DEFAULT_DEFINITION, problem: e.problem };
  }
}
