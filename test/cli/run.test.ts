import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
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

  it.each([['--version'], ['-V']])('prints the version of package.json with %s and exits 0', async (flag) => {
    const io = memoryIo(process.cwd());
    expect(await run([flag], io)).toBe(0);
    expect(io.out.join('')).toBe(`${packageJson.version}\n`);
  });

  it('offers each command group once: labels holds export, import, check, stats and memory', async () => {
    const io = memoryIo(process.cwd());
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out.join('').match(/^ {2}labels /gm)).toHaveLength(1);
    const labels = memoryIo(process.cwd());
    expect(await run(['labels', '--help'], labels)).toBe(0);
    const commands = [...labels.out.join('').matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]);
    expect(commands).toEqual(['export', 'import', 'check', 'stats', 'memory', 'help']);
  });
});
