/**
 * The features as the commands call them, each loaded on first use: `crmkit --help`, `--version`
 * and a mistyped command parse no spreadsheet, zip or XML code. The CLI bundle keeps each feature
 * in a chunk of its own (scripts/build-cli.js); a test (test/e2e/startup.test.ts) checks what
 * `--help` loads. Only light modules (report text, version rules, durations) are imported up front;
 * the environment commands load src/env (its sign-in library) when they run.
 */
import type * as Env from '../env';
import type * as Labels from '../labels';
import type * as Solution from '../solution';

export type {
  ExportFormat,
  ExportResult,
  Lcid,
  PushInput,
  PushPlan,
  QaProblem,
  TranslateResult,
  XliffVersion,
} from '../labels';
export type { EnvironmentReport, JobProgress, StartedJob, WebApi } from '../env';
export type { SolutionCheckReport } from '../solution';
export { conflictProblems, perLanguageText, pushJson, pushReport } from '../labels/push/report';
export { formatDuration, parseTimeout } from '../env/deadline';
export { envUrlFrom } from '../env/url';
export { problemsJson, problemsTable, statsJson, statsTable } from '../labels/check/report';
export { SOLUTION_VERSION_RULE, parseSolutionVersion } from '../solution/version';
export { formatFindings } from '../solution/findings';
export type { PackageKind } from '../solution';

const labels = (): Promise<typeof Labels> => import('../labels');
const solution = (): Promise<typeof Solution> => import('../solution');
/** The environments library, for the commands that call several of its functions. */
export const loadEnv = (): Promise<typeof Env> => import('../env');
/** The labels library, for the commands that call several of its functions. */
export const loadLabels = labels;
/** The file-kind rules of the labels library (which names are XLIFF), without its spreadsheet code. */
export const loadExportFormat = (): Promise<typeof import('../labels/export-format')> =>
  import('../labels/export-format');

export const exportLabels = async (o: Labels.ExportOptions): Promise<Labels.ExportResult> =>
  (await labels()).exportLabels(o);
export const importLabels = async (o: Labels.ImportOptions): Promise<Labels.ImportSummary> =>
  (await import('../labels/import')).importLabels(o);
export const checkLabels = async (o: Labels.CheckOptions): Promise<Labels.CheckResult> =>
  (await labels()).checkLabels(o);
export const labelStats = async (o: Labels.StatsOptions): Promise<Labels.CoverageStats> =>
  (await labels()).labelStats(o);
export const buildMemory = async (o: Labels.BuildMemoryOptions): Promise<Labels.BuiltMemory> =>
  (await labels()).buildMemory(o);

export const packClients = async (o: Solution.PackClientsOptions): ReturnType<typeof Solution.packClients> =>
  (await solution()).packClients(o);
export const checkSolutionFile = async (
  o: Solution.CheckFileOptions,
): Promise<Solution.SolutionCheckReport> => (await solution()).checkSolutionFile(o);
