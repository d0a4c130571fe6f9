/**
 * What every environment command shares: the options (`--env`, `--timeout`, `--quiet`), opening
 * the session with waits and job progress shown on stderr, and the note printed on Ctrl-C while a
 * job runs on in Dynamics.
 */
import type { Command } from 'commander';
import type { CommandContext } from './context';
import {
  formatDuration,
  loadEnv,
  parseTimeout,
  type JobProgress,
  type StartedJob,
  type WebApi,
} from './features';
import { setInterruptNote } from './interrupt';

export interface EnvCliOptions {
  env?: string;
  timeout: string;
  clientId?: string;
  quiet?: boolean;
}

/** `--env`, `--timeout`, `--client-id` (`--quiet` comes with each command's own options). */
export function envOptions(command: Command): Command {
  return command
    .option('--env <url>', 'the environment, e.g. https://contoso.crm4.dynamics.com (default: CRMKIT_ENV)')
    .option('--timeout <time>', 'give up after this long, e.g. 30m, 90s, 2h', '30m')
    .option('--client-id <id>', 'the public client (app registration) of crmkit env login');
}

export async function openEnv(ctx: CommandContext, o: EnvCliOptions): Promise<WebApi> {
  const timeoutMs = parseTimeout(o.timeout);
  const { connect } = await loadEnv();
  return connect({
    env: o.env,
    variables: ctx.io.env,
    clientId: o.clientId,
    timeoutMs,
    onWait: (w) => {
      if (o.quiet !== true) {
        ctx.io.stderr(
          `${w.status === 429 ? 'throttled' : 'busy'} (HTTP ${w.status}): waiting ${formatDuration(w.ms)} as asked, then trying again (attempt ${w.attempt} of ${w.maxAttempts})\n`,
        );
      }
    },
  });
}

/** A job's progress line on a terminal: `importing: 40 %, 12 s`. */
export function jobProgress(
  ctx: CommandContext,
  label: string,
  quiet: boolean | undefined,
): {
  onProgress: (p: JobProgress) => void;
  done: () => void;
} {
  let drawn = 0;
  const enabled = ctx.io.isTTY && quiet !== true;
  return {
    onProgress: (p) => {
      if (!enabled) return;
      const line = `${label}: ${p.percent === undefined ? '' : `${Math.round(p.percent)} %, `}${formatDuration(p.elapsedMs)}`;
      ctx.io.stderr(`\r${line}${' '.repeat(Math.max(0, drawn - line.length))}`);
      drawn = line.length;
    },
    done: () => {
      if (drawn > 0) ctx.io.stderr(`\r${' '.repeat(drawn)}\r`);
      drawn = 0;
    },
  };
}

/** On Ctrl-C while `job` runs: its ids and how to look at it later. */
export function noteRunningJob(api: WebApi, job: StartedJob | undefined): void {
  setInterruptNote(
    job === undefined
      ? undefined
      : `crmkit: the job goes on in ${api.url.origin}: import job ${job.importJobId} (async operation ${job.asyncOperationId}); ` +
          `see Settings › Solutions › History, or GET ${api.url.apiBase}importjobs(${job.importJobId})\n`,
  );
}
