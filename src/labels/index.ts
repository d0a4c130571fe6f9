/**
 * The labels feature as a library: the operations behind `crmkit labels …`. Each takes a typed
 * options object (files as absolute path + the name messages use) and plain progress callbacks,
 * and returns a summary for the caller to print. Errors the user can fix are CrmKitErrors.
 */
export type { NamedFile } from '../fs/open-input';
export type { ProgressCallbacks } from './progress-callbacks';
export type { Lcid } from './crm-xml/model';
export { exportLabels, type ExportOptions, type ExportResult, type ExportedWorkbook } from './export';
export { isXliffName, type ExportFormat } from './export-format';
export type { XliffVersion } from './xliff';
export { importLabels, ImportRefused, type ImportOptions, type ImportSummary } from './import';
export { checkLabels, type CheckOptions, type CheckResult } from './check-labels';
export { labelStats, type StatsOptions } from './label-stats';
export { buildMemory, type BuildMemoryOptions, type BuiltMemory } from './build-memory';
export type { CoverageStats } from './check/stats';
export type { ProblemCode, QaProblem, Severity } from './check/problem';
export { placedProblem, problemsJson, problemsTable, statsJson, statsTable } from './check/report';
export { planPush } from './push/plan';
export { conflictProblems, perLanguageText, pushJson, pushReport } from './push/report';
export type { ChangedBy, LabelChange, PushConflict, PushInput, PushOptions, PushPlan } from './push/types';
export { translateLabels, type TranslateOptions, type TranslateResult } from './translate/translate-labels';
