/**
 * Every error a user can cause, in one place. Each has a stable `code` (for scripts and tests)
 * and an exit code; the CLI catches them once in `run()` and prints the one-line message.
 * Anything that is not a CrmKitError is a bug and is reported with its stack.
 */

export const ExitCode = {
  ok: 0,
  /** A check ran and found problems (labels check, solution check). */
  findings: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** An input file is unreadable, malformed, hostile or of the wrong kind. */
  badInput: 3,
  /** The input is readable but its content is refused (validation of edits, profiles). */
  invalid: 4,
  /** Something outside the input failed (a build, the file system). */
  failure: 5,
  /** A Dynamics environment failed: address, sign-in, privilege, the service, a job, a time-out. */
  environment: 6,
  /** A bug in crmkit (not a CrmKitError): reported with its stack and "please report". */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ErrorCode =
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'NOT_A_ZIP'
  | 'ZIP_ENTRY_MISSING'
  | 'ZIP_TOO_LARGE'
  | 'ZIP_UNSAFE_PATH'
  | 'XML_MALFORMED'
  | 'XML_DOCTYPE'
  | 'NOT_TRANSLATIONS'
  | 'NOT_A_WORKBOOK'
  | 'WORKBOOK_LAYOUT'
  | 'OUTPUT_HAS_EDITS'
  | 'WORKBOOK_MISMATCH'
  | 'VALIDATION'
  | 'MERGE_CONFLICT'
  | 'PUSH_CONFLICT'
  | 'TMX_MALFORMED'
  | 'XLIFF_MALFORMED'
  | 'PROFILE_INVALID'
  | 'BUILD_FAILED'
  | 'IO'
  | 'ENV_URL'
  | 'ENV_UNREACHABLE'
  | 'ENV_AUTH'
  | 'ENV_PRIVILEGE'
  | 'ENV_SERVICE'
  | 'ENV_SOLUTION'
  | 'ENV_JOB_FAILED'
  | 'ENV_TIMEOUT'
  | 'GLOSSARY_MALFORMED'
  | 'MT_CONFIG'
  | 'MT_FAILED';

const exitCodes: Record<ErrorCode, ExitCode> = {
  USAGE: ExitCode.usage,
  FILE_NOT_FOUND: ExitCode.badInput,
  FILE_UNREADABLE: ExitCode.badInput,
  NOT_A_ZIP: ExitCode.badInput,
  ZIP_ENTRY_MISSING: ExitCode.badInput,
  ZIP_TOO_LARGE: ExitCode.badInput,
  ZIP_UNSAFE_PATH: ExitCode.badInput,
  XML_MALFORMED: ExitCode.badInput,
  XML_DOCTYPE: ExitCode.badInput,
  NOT_TRANSLATIONS: ExitCode.badInput,
  NOT_A_WORKBOOK: ExitCode.badInput,
  /** A crmkit workbook whose label sheets or columns were renamed, moved or deleted. */
  WORKBOOK_LAYOUT: ExitCode.badInput,
  /** `labels export` would overwrite a workbook holding a translator's edits (use --force). */
  OUTPUT_HAS_EDITS: ExitCode.invalid,
  WORKBOOK_MISMATCH: ExitCode.invalid,
  VALIDATION: ExitCode.invalid,
  MERGE_CONFLICT: ExitCode.invalid,
  /** `labels push`: rows the push edits were changed in the environment since their export (use --force). */
  PUSH_CONFLICT: ExitCode.invalid,
  TMX_MALFORMED: ExitCode.badInput,
  XLIFF_MALFORMED: ExitCode.badInput,
  PROFILE_INVALID: ExitCode.invalid,
  BUILD_FAILED: ExitCode.failure,
  IO: ExitCode.failure,
  /** `--env` is no https address (plain http only to a loopback address). */
  ENV_URL: ExitCode.environment,
  /** DNS, TLS, a refused or dropped connection, or a host that is no Dataverse Web API. */
  ENV_UNREACHABLE: ExitCode.environment,
  /** No token could be had, or the environment refused it. */
  ENV_AUTH: ExitCode.environment,
  /** The user lacks a privilege the command needs (the message names it). */
  ENV_PRIVILEGE: ExitCode.environment,
  /** Any other error the Web API answered: its Dataverse code and message. */
  ENV_SERVICE: ExitCode.environment,
  /** The solution named is not in the environment, or is managed. */
  ENV_SOLUTION: ExitCode.environment,
  /** An import or publish job ended failed or canceled. */
  ENV_JOB_FAILED: ExitCode.environment,
  /** A request or the whole wait took longer than allowed. */
  ENV_TIMEOUT: ExitCode.environment,
  /** A glossary (TBX, CSV) that cannot be read. */
  GLOSSARY_MALFORMED: ExitCode.badInput,
  /** A machine translation service is not configured (key, region, model, address). */
  MT_CONFIG: ExitCode.usage,
  /** A machine translation service refused or failed a request, or answered wrongly. */
  MT_FAILED: ExitCode.failure,
};

/** A problem with a place, collected rather than thrown one by one. */
export interface Problem {
  /** Where: `file`, `file › Sheet!C14`, `row key`, `profile.field`. */
  where: string;
  message: string;
}

export class CrmKitError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  /** Further problems of the same kind, when several were collected before failing. */
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'CrmKitError';
    this.code = code;
    this.exitCode = exitCodes[code];
    this.problems = problems;
  }
}

export function isCrmKitError(e: unknown): e is CrmKitError {
  return e instanceof CrmKitError;
}

/**
 * How a worker thread's failure crosses to the thread that started it: a CrmKitError as its code,
 * message and problems (thrown again as the same error there), anything else as a crash with its stack.
 */
export type ThreadFailure =
  | { type: 'error'; code: ErrorCode; message: string; problems: Problem[] }
  | { type: 'crash'; message: string };

export function threadFailure(e: unknown): ThreadFailure {
  if (isCrmKitError(e)) return { type: 'error', code: e.code, message: e.message, problems: [...e.problems] };
  return { type: 'crash', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

/** The error a ThreadFailure stands for, to throw on this thread. */
export function errorOfThreadFailure(m: ThreadFailure): Error {
  return m.type === 'error' ? new CrmKitError(m.code, m.message, m.problems) : new Error(m.message);
}

/** Formats a place: `file › Sheet!D14` (sheet and cell optional). */
export function at(file: string, sheet?: string, cell?: string): string {
  if (sheet === undefined) return file;
  return cell === undefined ? `${file} › ${sheet}` : `${file} › ${sheet}!${cell}`;
}
