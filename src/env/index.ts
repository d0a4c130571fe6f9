/**
 * Dynamics environments as a library (the node side): the address, sign-in (token, client
 * credentials, device code), the one Web API client, and the calls the environment commands make.
 * Every failure is a CrmKitError with exit status 6.
 */
export { parseEnvUrl, envUrlFrom, isLoopback, type EnvUrl } from './url';
export { connect, type ConnectOptions } from './connect';
export { createWebApi, defaultRetryLimits, type WebApi, type ServiceWait, type RetryLimits } from './web-api';
export { tokenSource, type TokenSource, type TokenKind } from './auth/token-source';
export { login, logout, type SignedIn } from './auth/device-code';
export { configDir } from './auth/config-dir';
export { DEFAULT_PUBLIC_CLIENT_ID } from './auth/msal-config';
export { deadline, parseTimeout, formatDuration, DEFAULT_TIMEOUT_MS } from './deadline';
export { checkEnvironment, type EnvironmentReport } from './check';
export { commandPrivileges, type EnvCommand } from './privileges';
export {
  findSolution,
  unmanagedSolution,
  exportTranslation,
  translationsFileName,
  type SolutionInfo,
} from './solutions';
export { waitForJob, type JobProgress, type WaitOptions } from './jobs';
export { importFailures } from './job-report';
export {
  importTranslation,
  importSolution,
  publishAll,
  type JobOptions,
  type StartedJob,
  type FinishedJob,
  type SolutionImportOptions,
} from './imports';
export { pullTranslations, withTemporaryFile, type PulledTranslations } from './download';
export { pacImport, pacImportArguments, type PacImportOptions } from './pac';
