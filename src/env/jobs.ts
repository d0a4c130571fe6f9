/**
 * Waiting for asynchronous work: polls `asyncoperations(<id>)` until it is completed, showing the
 * import job's progress (`importjobs(<id>)`), and turns a failed job into one ENV_JOB_FAILED line
 * with the reason in words (the import job's report names the component and its error).
 */
import { CrmKitError } from '../errors';
import { sleep } from './deadline';
import { importFailures } from './job-report';
import type { WebApi } from './web-api';

export interface JobProgress {
  /** Percent done, when the import job says. */
  percent: number | undefined;
  elapsedMs: number;
}

export interface WaitOptions {
  asyncOperationId: string;
  /** The import job to show progress of and read the failure report from. */
  importJobId?: string;
  onProgress?: (p: JobProgress) => void;
  pollMs?: number;
  /** What the job does, for messages: "the translations import". */
  what: string;
}

const stateCompleted = 3;
const statusSucceeded = 30;

interface AsyncOperation {
  statecode?: unknown;
  statuscode?: unknown;
  message?: unknown;
  friendlymessage?: unknown;
}

async function progressOf(api: WebApi, importJobId: string | undefined): Promise<number | undefined> {
  if (importJobId === undefined) return undefined;
  const job = (await api
    .get(`importjobs(${importJobId})?$select=progress,completedon`)
    .catch(() => undefined)) as { progress?: unknown } | undefined;
  return typeof job?.progress === 'number' ? job.progress : undefined;
}

/** Why the job failed, in words: the import job's failed components, else the operation's message. */
async function failureReason(api: WebApi, o: WaitOptions, op: AsyncOperation): Promise<string> {
  if (o.importJobId !== undefined) {
    const job = (await api
      .get(`importjobs(${o.importJobId})?$select=data,solutionname`)
      .catch(() => undefined)) as { data?: unknown } | undefined;
    const failures = typeof job?.data === 'string' ? importFailures(job.data) : [];
    if (failures.length > 0)
      return (
        failures.slice(0, 5).join('; ') + (failures.length > 5 ? `; and ${failures.length - 5} more` : '')
      );
  }
  const friendly =
    typeof op.friendlymessage === 'string' && op.friendlymessage !== '' ? op.friendlymessage : undefined;
  const message = typeof op.message === 'string' && op.message !== '' ? op.message : undefined;
  return (friendly ?? message ?? 'no reason given').split('\n')[0]!.trim();
}

export async function waitForJob(api: WebApi, o: WaitOptions): Promise<{ elapsedMs: number }> {
  const start = Date.now();
  for (;;) {
    const op = (await api.get(
      `asyncoperations(${o.asyncOperationId})?$select=statecode,statuscode,message,friendlymessage`,
    )) as AsyncOperation;
    const elapsedMs = Date.now() - start;
    if (op.statecode === stateCompleted) {
      if (op.statuscode === statusSucceeded) {
        o.onProgress?.({ percent: 100, elapsedMs });
        return { elapsedMs };
      }
      const how = op.statuscode === 32 ? 'was canceled' : 'failed';
      const job = o.importJobId === undefined ? '' : ` (import job ${o.importJobId})`;
      throw new CrmKitError('ENV_JOB_FAILED', `${o.what}${job} ${how}: ${await failureReason(api, o, op)}`);
    }
    o.onProgress?.({ percent: await progressOf(api, o.importJobId), elapsedMs });
    await sleep(o.pollMs ?? 2000, api.signal);
  }
}
