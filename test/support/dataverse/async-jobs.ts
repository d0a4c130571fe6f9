/**
 * Asynchronous operations as Dataverse runs them: an `asyncoperations` row that is waiting, then
 * in progress, then completed (statecode 3) with statuscode 30 succeeded or 31 failed and a
 * message; with an import job, its `importjobs` row's progress grows over the run and its `data`
 * report marks the failed components `result="failure"`. The work itself runs when the job ends.
 */
import { escapeAttribute } from '../../../src/xml/escape';
import type { RecordStore } from './record-store';

export interface JobResult {
  ok: boolean;
  message?: string;
  /** Failed components for the import job's report. */
  failures?: { component: string; message: string }[];
}

export interface JobSpec {
  asyncOperationId: string;
  importJobId?: string;
  name: string;
  solutionName?: string;
  durationMs: number;
  work: () => Promise<JobResult>;
}

function report(result: JobResult): string {
  const rows = (result.failures ?? [])
    .map(
      (f) =>
        `<component name="${escapeAttribute(f.component)}" result="failure" errorcode="0x80048541" errortext="${escapeAttribute(f.message)}" />`,
    )
    .join('');
  return `<importexportxml><components>${rows}</components><result result="${result.ok ? 'success' : 'failure'}" /></importexportxml>`;
}

export class AsyncJobs {
  /** Jobs that are still running. */
  readonly running = new Set<string>();

  constructor(private readonly store: RecordStore) {
    store.define({ entitySet: 'asyncoperations', primaryKey: 'asyncoperationid' });
    store.define({ entitySet: 'importjobs', primaryKey: 'importjobid' });
  }

  start(spec: JobSpec): void {
    const started = Date.now();
    this.store.insert('asyncoperations', {
      asyncoperationid: spec.asyncOperationId,
      name: spec.name,
      statecode: 0,
      statuscode: 0,
      message: null,
      friendlymessage: null,
    });
    if (spec.importJobId !== undefined) {
      this.store.insert('importjobs', {
        importjobid: spec.importJobId,
        progress: 0,
        completedon: null,
        data: null,
        solutionname: spec.solutionName ?? null,
        startedon: new Date(started).toISOString(),
      });
    }
    this.running.add(spec.asyncOperationId);
    const tick = setInterval(
      () => {
        const fraction = Math.min(0.99, (Date.now() - started) / spec.durationMs);
        this.store.update('asyncoperations', spec.asyncOperationId, { statecode: 2, statuscode: 20 });
        if (spec.importJobId !== undefined)
          this.store.update('importjobs', spec.importJobId, { progress: Math.round(fraction * 1000) / 10 });
      },
      Math.max(10, spec.durationMs / 10),
    );
    setTimeout(() => {
      clearInterval(tick);
      void spec
        .work()
        .catch((e: unknown): JobResult => ({ ok: false, message: (e as Error).message }))
        .then((result) => {
          const failure = result.failures?.[0];
          const message = result.ok
            ? null
            : (result.message ??
              (failure === undefined ? 'The job failed' : `${failure.component}: ${failure.message}`));
          this.store.update('asyncoperations', spec.asyncOperationId, {
            statecode: 3,
            statuscode: result.ok ? 30 : 31,
            message,
            friendlymessage: message,
          });
          if (spec.importJobId !== undefined) {
            this.store.update('importjobs', spec.importJobId, {
              progress: 100,
              completedon: new Date().toISOString(),
              data: report(result),
            });
          }
          this.running.delete(spec.asyncOperationId);
        });
    }, spec.durationMs);
  }
}
