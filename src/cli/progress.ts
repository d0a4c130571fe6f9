/**
 * A progress line for long work (export, import, check on large files): rows processed and time
 * elapsed, redrawn in place on stderr at most a few times a second. Silent when stderr is not a
 * terminal or `--quiet` is given, so logs and pipes stay clean.
 */
import type { CliIo } from './io';

export interface Progress {
  /** Adds processed rows; cheap enough to call once per row. */
  tick(rows?: number): void;
  /** Sets the phase shown before the counts ("reading", "writing ru.xlsx"). */
  phase(name: string): void;
  /** Clears the line. Call once when the work ends, also on failure. */
  done(): void;
  readonly rows: number;
}

export interface ProgressOptions {
  quiet?: boolean;
  /** Milliseconds between redraws. */
  intervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 60
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

export function formatProgress(phase: string, rows: number, ms: number): string {
  return `${phase}: ${rows.toLocaleString('en-US')} rows, ${elapsed(ms)}`;
}

export function createProgress(io: CliIo, label: string, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 200;
  const enabled = io.isTTY && options.quiet !== true;
  const start = now();
  let rows = 0;
  let phase = label;
  let lastDraw = start;
  let drawn = 0;

  const draw = (t: number): void => {
    const line = formatProgress(phase, rows, t - start);
    io.stderr(`\r${line}${' '.repeat(Math.max(0, drawn - line.length))}`);
    drawn = line.length;
    lastDraw = t;
  };

  return {
    get rows() {
      return rows;
    },
    tick(n = 1) {
      rows += n;
      // Checking the clock only every 1024 rows keeps this out of the hot loop's profile.
      if (!enabled || (rows & 1023) !== 0) return;
      const t = now();
      if (t - lastDraw >= interval) draw(t);
    },
    phase(name) {
      phase = name;
      if (enabled) draw(now());
    },
    done() {
      if (enabled && drawn > 0) io.stderr(`\r${' '.repeat(drawn)}\r`);
      drawn = 0;
    },
  };
}

/** The plain callbacks a library operation reports progress through, drawn by a progress line. */
export interface ProgressFeed {
  onRows: (n: number) => void;
  onPhase: (name: string) => void;
}

/** Runs `work` with a progress line fed by its callbacks; the line is cleared at the end, also on failure. */
export async function withProgress<T>(
  io: CliIo,
  label: string,
  quiet: boolean | undefined,
  work: (feed: ProgressFeed) => Promise<T>,
): Promise<T> {
  const progress = createProgress(io, label, { quiet: quiet === true });
  try {
    return await work({ onRows: (n) => progress.tick(n), onPhase: (name) => progress.phase(name) });
  } finally {
    progress.done();
  }
}
