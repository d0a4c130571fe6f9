import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io';
import { run } from '../../src/cli/run';

describe('crmkit run()', () => {
  it('prints help and exits 0 with --help', async () => {
    const io = memoryIo(process.cwd());
    const code = await run(['--help'], io);
    expect(code).toBe(0);
    expect(io.out.join('')).toContain('Usage: crmkit');
  });

  it('exits 2 with a usage message on an unknown command', async () => {
    const io = memoryIo(process.cwd());
    const code = await run(['no-such-command'], io);
    expect(code).toBe(2);
    expect(io.err.join('')).toMatch(/unknown command|too many arguments/);
  });
});
