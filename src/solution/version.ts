/**
 * Solution versions (`MAJOR.MINOR.BUILD.REVISION`) and the control manifest versions derived from
 * them (`MAJOR.MINOR.PATCH`), so that every solution release changes every control's version and
 * model-driven apps never serve a cached old bundle.
 */

export interface SolutionVersion {
  major: number;
  minor: number;
  build: number;
  revision: number;
}

/** The largest revision that still maps one-to-one into a control's patch number. */
export const MAX_REVISION = 999;
const PART_MAX = 2_147_483_647;

export const SOLUTION_VERSION_RULE =
  'must be four whole numbers separated by dots (major.minor.build.revision, e.g. 1.2.0.0), revision at most 999';

/** Parses `1.2.3.4`; undefined when the text is not a valid solution version. */
export function parseSolutionVersion(text: string): SolutionVersion | undefined {
  const m = /^(0|[1-9]\d{0,9})\.(0|[1-9]\d{0,9})\.(0|[1-9]\d{0,9})\.(0|[1-9]\d{0,2})$/.exec(text);
  if (!m) return undefined;
  const [major, minor, build, revision] = [m[1], m[2], m[3], m[4]].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if ([major, minor, build].some((n) => n > PART_MAX) || revision > MAX_REVISION) return undefined;
  return { major, minor, build, revision };
}

export function formatSolutionVersion(v: SolutionVersion): string {
  return `${v.major}.${v.minor}.${v.build}.${v.revision}`;
}

/** `1.2.3.4` → `1_2_3_4`, as in Microsoft's `<UniqueName>_<version>.zip`. */
export function versionForFileName(v: SolutionVersion): string {
  return formatSolutionVersion(v).replace(/\./g, '_');
}

/**
 * The control manifest version for a solution version: MAJOR.MINOR carried over, and PATCH =
 * BUILD × 1000 + REVISION, so that any later solution version gives a later control version.
 */
export function controlVersionFor(v: SolutionVersion): string {
  return `${v.major}.${v.minor}.${v.build * (MAX_REVISION + 1) + v.revision}`;
}

/** Whether a text is a dotted version of two to four whole numbers (what Dataverse accepts anywhere). */
export function isDottedVersion(text: string): boolean {
  return /^\d{1,10}(\.\d{1,10}){1,3}$/.test(text);
}
