/**
 * The web resource's `data` parameter, as Dynamics passes it when the page is placed on a form or
 * dashboard ("Custom Parameter (data)"): either `table=opportunity&segment=customertypecode` or a
 * JSON object. Every value is validated before it can reach a query: names must be Dataverse
 * logical names, ids GUIDs, periods one of the documented forms. Problems are collected with the
 * parameter they concern and a catalogue key, so the page shows them in the user's language.
 */
import { parsePeriod, type PeriodSpec } from './period';
import { hasPrevious } from './previous-period';

/** One thing wrong with the configuration; `key` is a `dashboard.param.*` catalogue key. */
export interface ConfigProblem {
  param: string;
  key: string;
  values: Record<string, string>;
}

export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.param}: ${p.key}`).join('; '));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** A campaign as the `campaign` parameter names it: by id, or by a name the page resolves. */
export type CampaignRef = { kind: 'id'; id: string } | { kind: 'name'; name: string };

/** Which records a page reads: open ones (statecode 0), all, or those of a saved view. */
export type RecordFilter = { kind: 'open' } | { kind: 'all' } | { kind: 'view'; viewId: string };

const logicalName = /^[a-z][a-z0-9_]{0,99}$/;
const guid = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
const maxValueLength = 2000;

/** Reads the raw key/value pairs of the `data` parameter from a page's query string. */
export function readDataParameter(search: string): {
  values: Map<string, string>;
  problems: ConfigProblem[];
} {
  const values = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  const data = new URLSearchParams(search).get('data');
  if (data === null || data.trim() === '') return { values, problems };
  const text = data.trim();
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      problems.push({ param: 'data', key: 'param.notJson', values: {} });
      return { values, problems };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      problems.push({ param: 'data', key: 'param.notJson', values: {} });
      return { values, problems };
    }
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        values.set(key, String(value));
      } else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
        values.set(key, value.map(String).join(','));
      } else {
        problems.push({ param: key, key: 'param.notText', values: {} });
      }
    }
    return { values, problems };
  }
  for (const [key, value] of new URLSearchParams(text)) {
    if (values.has(key)) problems.push({ param: key, key: 'param.twice', values: {} });
    values.set(key, value);
  }
  return { values, problems };
}

/**
 * Validates the parameters of one page. Call a reader method per known parameter (each returns the
 * value or the default), then `finish()`: it throws a ConfigError listing every problem, unknown
 * parameters included.
 */
export class ParamReader {
  private readonly known = new Set<string>();
  private readonly problems: ConfigProblem[];

  /**
   * @param values the `data` parameter's values (these win, and unknown keys are refused)
   * @param fallbacks values from the client's config.json (unknown keys ignored)
   * @param fallbackLabel how a problem in a fallback value is located, e.g. `config.json › funnel.`
   */
  constructor(
    private readonly values: ReadonlyMap<string, string>,
    initialProblems: readonly ConfigProblem[] = [],
    private readonly fallbacks: ReadonlyMap<string, string> = new Map(),
    private readonly fallbackLabel = '',
  ) {
    this.problems = [...initialProblems];
  }

  private raw(param: string): string | undefined {
    this.known.add(param);
    const value = (this.values.get(param) ?? this.fallbacks.get(param))?.trim();
    if (value === undefined || value === '') return undefined;
    if (value.length > maxValueLength) {
      this.problem(param, 'param.tooLong', { max: String(maxValueLength) });
      return undefined;
    }
    return value;
  }

  private problem(param: string, key: string, values: Record<string, string> = {}): void {
    const fromFallback = !this.values.has(param) && this.fallbacks.has(param);
    this.problems.push({ param: fromFallback ? `${this.fallbackLabel}${param}` : param, key, values });
  }

  /** A table or column logical name (`opportunity`, `new_csat`). */
  name(param: string, fallback: string): string;
  name(param: string, fallback?: string): string | undefined;
  name(param: string, fallback?: string): string | undefined {
    const value = this.raw(param);
    if (value === undefined) {
      if (fallback === undefined) this.problem(param, 'param.required');
      return fallback;
    }
    const lower = value.toLowerCase();
    if (!logicalName.test(lower)) {
      this.problem(param, 'param.notName', { value });
      return fallback;
    }
    return lower;
  }

  /** A logical name that may be switched off with `none`; undefined when absent or `none`. */
  optionalName(param: string, fallback?: string): string | undefined {
    const value = this.raw(param);
    if (value === undefined) return fallback;
    if (value.toLowerCase() === 'none') return undefined;
    const lower = value.toLowerCase();
    if (!logicalName.test(lower)) {
      this.problem(param, 'param.notName', { value });
      return fallback;
    }
    return lower;
  }

  /** A custom table's logical name, `<prefix>_<name>`; undefined when absent or `none`. */
  customName(param: string): string | undefined {
    const name = this.optionalName(param);
    if (name === undefined || /^[a-z][a-z0-9]*_[a-z0-9]/.test(name)) return name;
    this.problem(param, 'param.notCustom', { value: name });
    return undefined;
  }

  /** A whole number from `min` to `max`. */
  count(param: string, fallback: number, min: number, max: number): number {
    const value = this.raw(param);
    if (value === undefined) return fallback;
    const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (n >= min && n <= max) return n;
    this.problem(param, 'param.notCount', { value, min: String(min), max: String(max) });
    return fallback;
  }

  /** A list separated by commas, semicolons or new lines. */
  list(param: string, fallback: readonly string[] = []): string[] {
    const value = this.raw(param);
    if (value === undefined) return [...fallback];
    const items = value
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (items.length > 100) {
      this.problem(param, 'param.tooMany', { max: '100' });
      return [...fallback];
    }
    return items;
  }

  /** `open`, `all`, or a saved view: `view:<guid>` or the bare GUID. */
  filter(param: string, fallback: RecordFilter): RecordFilter {
    const value = this.raw(param);
    if (value === undefined) return fallback;
    const lower = value.toLowerCase();
    if (lower === 'open' || lower === 'all') return { kind: lower };
    const id = guid.exec(lower.startsWith('view:') ? lower.slice(5) : lower);
    if (id === null) {
      this.problem(param, 'param.notFilter', { value });
      return fallback;
    }
    return { kind: 'view', viewId: id[1]! };
  }

  period(param: string, fallback: PeriodSpec): PeriodSpec {
    const value = this.raw(param);
    if (value === undefined) return fallback;
    const spec = parsePeriod(value);
    if (spec === undefined) {
      this.problem(param, 'param.notPeriod', { value });
      return fallback;
    }
    return spec;
  }

  choice<T extends string>(param: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(param);
    if (value === undefined) return fallback;
    const found = allowed.find((a) => a === value.toLowerCase());
    if (found === undefined) {
      this.problem(param, 'param.notChoice', { value, allowed: allowed.join(', ') });
      return fallback;
    }
    return found;
  }

  /** An ISO 4217 currency code (`EUR`). */
  currency(param: string): string | undefined {
    const value = this.raw(param);
    if (value === undefined) return undefined;
    if (!/^[a-z]{3}$/i.test(value)) {
      this.problem(param, 'param.notCurrency', { value });
      return undefined;
    }
    return value.toUpperCase();
  }

  /** Free text shown as text (a title). */
  text(param: string, maxLength = 200): string | undefined {
    const value = this.raw(param);
    if (value === undefined) return undefined;
    if (value.length > maxLength) {
      this.problem(param, 'param.tooLong', { max: String(maxLength) });
      return undefined;
    }
    return value;
  }

  /** A campaign's id (a GUID) or name (text the page resolves to exactly one campaign); required. */
  campaign(param: string): CampaignRef | undefined {
    const value = this.raw(param);
    if (value === undefined) {
      this.problem(param, 'param.required');
      return undefined;
    }
    const id = guid.exec(value);
    if (id !== null) return { kind: 'id', id: id[1]!.toLowerCase() };
    if (value.length > 200) {
      this.problem(param, 'param.tooLong', { max: '200' });
      return undefined;
    }
    return { kind: 'name', name: value };
  }

  /** `none` or `previous` (the period of the same length before `period`, which needs a start). */
  compare(param: string, period: PeriodSpec): 'none' | 'previous' {
    const value = this.choice(param, ['none', 'previous'] as const, 'none');
    if (value === 'previous' && !hasPrevious(period)) {
      this.problem(param, 'param.compareNoStart');
      return 'none';
    }
    return value;
  }

  /** Reports a problem found by a reader outside this class (a segment path). */
  invalid(param: string, key: string, values: Record<string, string> = {}): void {
    this.problem(param, key, values);
  }

  /** Throws a ConfigError when any parameter was unknown or malformed. */
  finish(): void {
    for (const key of this.values.keys()) {
      if (!this.known.has(key)) {
        this.problem(key, 'param.unknown', { known: [...this.known].join(', ') });
      }
    }
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}
