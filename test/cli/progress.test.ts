import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io';
import { createProgress, formatProgress } from '../../src/cli/progress';

function ttyIo(): ReturnType<typeof memoryIo> {
  return { ...memoryIo(process.cwd()), isTTY: true };
}

describe('progress line', () => {
  it('redraws rows and elapsed time in place on a terminal, then clears the line', () => {
    const io = ttyIo();
    let t = 0;
    const progress = createProgress(io, 'checking', { now: () => t, intervalMs: 100 });
    t = 50;
    progress.tick(1024);
    expect(io.err).toEqual([]); // too soon to redraw
    t = 1500;
    progress.tick(1024);
    expect(io.err.join('')).toBe('\rchecking: 2,048 rows, 1.5 s');
    progress.done();
    expect(io.err.at(-1)).toBe(`\r${' '.repeat('checking: 2,048 rows, 1.5 s'.length)}\r`);
  });

  it('stays silent when stderr is not a terminal', () => {
    const io = memoryIo(process.cwd());
    let t = 0;
    const progress = createProgress(io, 'checking', { now: () => (t += 1000) });
    for (let i = 0; i < 5000; i++) progress.tick();
    progress.phase('writing');
    progress.done();
    expect(io.err).toEqual([]);
    expect(progress.rows).toBe(5000);
  });

  it('stays silent with --quiet even on a terminal', () => {
    const io = ttyIo();
    let t = 0;
    const progress = createProgress(io, 'reading', { quiet: true, now: () => (t += 1000) });
    progress.tick(4096);
    progress.phase('writing');
    progress.done();
    expect(io.err).toEqual([]);
  });

  it('shows minutes for long work', () => {
    expect(formatProgress('importing', 1_234_567, 125_000)).toBe('importing: 1,234,567 rows, 2 min 05 s');
  });
});
