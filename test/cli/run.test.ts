import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { memoryIo } from '../../src/cli/io';
import { interruptedLine } from '../../src/cli/interrupt';
import { reportFailure, run } from '../../src/cli/run';
import { CrmKitError } from '../../src/errors';

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

  it('offers each command group once: labels holds export, import, check, stats, memory, translate, pull and push', async () => {
    const io = memoryIo(process.cwd());
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out.join('').match(/^ {2}labels /gm)).toHaveLength(1);
    const labels = memoryIo(process.cwd());
    expect(await run(['labels', '--help'], labels)).toBe(0);
    const commands = [...labels.out.join('').matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]);
    expect(commands).toEqual([
      'export',
      'import',
      'check',
      'stats',
      'memory',
      'translate',
      'pull',
      'push',
      'help',
    ]);
  });

  it('reports a file-system failure no command explained as one line with exit 5, not as a bug', () => {
    const io = memoryIo(process.cwd());
    const e = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO', path: '/mnt/usb/labels.zip' });
    expect(reportFailure(e, io)).toBe(5);
    expect(io.err.join('')).toBe('crmkit: /mnt/usb/labels.zip: input/output error\n');
  });

  it('prints a CrmKitError with its problems and exits with its status; a bug is thrown on (exit 70)', () => {
    const io = memoryIo(process.cwd());
    const e = new CrmKitError('VALIDATION', '2 problem(s)', [
      { where: 'a.xlsx › S!C2', message: 'too long' },
    ]);
    expect(reportFailure(e, io)).toBe(4);
    expect(io.err.join('')).toBe('crmkit: 2 problem(s)\n  a.xlsx › S!C2: too long\n');
    expect(() => reportFailure(new TypeError('x is undefined'), io)).toThrow(TypeError);
  });

  it('says on interruption whether anything was written before', () => {
    expect(interruptedLine(0)).toBe('crmkit: interrupted; nothing was written\n');
    expect(interruptedLine(2)).toBe(
      'crmkit: interrupted; 2 file(s) were complete and kept, the unfinished output was removed\n',
    );
  });
});
