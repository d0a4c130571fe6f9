/**
 * Sending work to an environment: ImportTranslationAsync and ImportSolutionAsync, each with an
 * ImportJobId crmkit makes, then waiting for it (jobs.ts); and PublishAllXmlAsync.
 */
import { randomUUID } from 'node:crypto';
import { CrmKitError } from '../errors';
import { waitForJob, type JobProgress } from './jobs';
import type { WebApi } from './web-api';

export interface JobOptions {
  onProgress?: (p: JobProgress) => void;
  /** Called as soon as the job is started: its ids, for "check it later" after Ctrl-C. */
  onStarted?: (ids: StartedJob) => void;
  pollMs?: number;
}

export interface StartedJob {
  importJobId: string;
  asyncOperationId: string;
}

export interface FinishedJob extends StartedJob {
  elapsedMs: number;
}

function asyncOperationIdOf(body: unknown, call: string): string {
  const id = (body as { AsyncOperationId?: unknown } | undefined)?.AsyncOperationId;
  if (typeof id !== 'string' || id === '')
    throw new CrmKitError('ENV_SERVICE', `${call} returned no AsyncOperationId`);
  return id;
}

async function runImport(
  api: WebApi,
  call: string,
  body: Record<string, unknown>,
  what: string,
  o: JobOptions,
): Promise<FinishedJob> {
  const importJobId = randomUUID();
  const answer = await api.post(call, { ...body, ImportJobId: importJobId });
  const started = { importJobId, asyncOperationId: asyncOperationIdOf(answer, call) };
  o.onStarted?.(started);
  const { elapsedMs } = await waitForJob(api, {
    ...started,
    what,
    onProgress: o.onProgress,
    pollMs: o.pollMs,
  });
  return { ...started, elapsedMs };
}

/** ImportTranslationAsync of a translations zip, waited for. */
export function importTranslation(api: WebApi, zip: Uint8Array, o: JobOptions = {}): Promise<FinishedJob> {
  return runImport(
    api,
    'ImportTranslationAsync',
    { TranslationFile: Buffer.from(zip).toString('base64') },
    'the translations import',
    o,
  );
}

export interface SolutionImportOptions extends JobOptions {
  overwriteUnmanaged: boolean;
  publishWorkflows: boolean;
}

/** ImportSolutionAsync of a solution zip, waited for. */
export function importSolution(api: WebApi, zip: Uint8Array, o: SolutionImportOptions): Promise<FinishedJob> {
  return runImport(
    api,
    'ImportSolutionAsync',
    {
      CustomizationFile: Buffer.from(zip).toString('base64'),
      OverwriteUnmanagedCustomizations: o.overwriteUnmanaged,
      PublishWorkflows: o.publishWorkflows,
    },
    'the solution import',
    o,
  );
}

/** PublishAllXmlAsync, waited for. */
export async function publishAll(
  api: WebApi,
  o: Omit<JobOptions, 'onStarted'> = {},
): Promise<{ elapsedMs: number }> {
  const answer = await api.post('PublishAllXmlAsync');
  return waitForJob(api, {
    asyncOperationId: asyncOperationIdOf(answer, 'PublishAllXmlAsync'),
    what: 'publishing',
    ...o,
  });
}
