/**
 * One benchmark step in a child process of its own (so that steps do not share a heap): wall time
 * of the child (Node start-up included), its CPU time (user + system, all threads: the steadier
 * figure on a busy machine) and its peak RSS, reported by bench/rss-report.mjs on exit.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export interface Figures {
  seconds: number;
  cpu: number;
  mb: number;
}

export interface Outcome extends Figures {
  out: string;
  /** Why the step failed (e.g. out of memory), or undefined when it ran to the end. */
  failed?: string;
}

/** Runs `node [nodeArgs] script args` from the repository root; exit statuses in `ok` count as success. */
export function runNode(
  script: string,
  args: readonly string[],
  nodeArgs: readonly string[] = [],
  ok = [0],
): Outcome {
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [...nodeArgs, '--import', './bench/rss-report.mjs', script, ...args],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1024 ** 3,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const kb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const cpu = Number(/BENCH_CPU_US=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1e6;
  const outcome: Outcome = { seconds, cpu, mb: kb / 1024, out: r.stdout.trim() };
  if (r.status === null || !ok.includes(r.status)) {
    const why = /heap out of memory|Allocation failed/i.test(r.stderr)
      ? 'out of memory'
      : `exit ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`;
    return { ...outcome, failed: why };
  }
  return outcome;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Median of each figure over several runs (a failed run makes the whole step failed). */
export function medianOf(runs: readonly Outcome[]): Outcome {
  const failed = runs.find((r) => r.failed !== undefined)?.failed;
  return {
    seconds: median(runs.map((r) => r.seconds)),
    cpu: median(runs.map((r) => r.cpu)),
    mb: median(runs.map((r) => r.mb)),
    out: runs.at(-1)?.out ?? '',
    ...(failed === undefined ? {} : { failed }),
  };
}
