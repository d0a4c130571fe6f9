import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CrmKitError, ExitCode } from '../../src/errors';
import { inputError, openInput, readInputText, statInput } from '../../src/fs/open-input';
import { ordinaryUser } from '../user/support';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => ({ path: path.join(dir, name), name });

async function refusal(p: Promise<unknown>): Promise<CrmKitError> {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof CrmKitError)) throw new Error(`expected a CrmKitError, got ${String(e)}`);
  return e;
}

/**
 * Opens `file` with openInput in a child process running as the user `nobody`: root reads any
 * file whatever its mode, so a chmod 000 file refuses only an ordinary user.
 */
function openAsNobody(file: string, name: string): string {
  const probe = path.join(dir, 'probe.ts');
  writeFileSync(
    probe,
    `import { openInput } from ${JSON.stringify(path.join(root, 'src/fs/open-input.ts'))};\n` +
      `openInput({ path: ${JSON.stringify(file)}, name: ${JSON.stringify(name)} }).then(\n` +
      `  () => console.log('opened'),\n` +
      `  (e: { code: string; exitCode: number; message: string }) => console.log(e.code, e.exitCode, e.message),\n` +
      `);\n`,
  );
  chmodSync(dir, 0o755);
  chmodSync(probe, 0o644);
  const r = spawnSync(process.execPath, ['--import', 'tsx', probe], {
    cwd: root,
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the probe as nobody failed: ${r.stderr}`);
  return r.stdout.trim();
}

describe('opening an input', () => {
  it('says "no such file", naming the file as the user typed it, with exit status 3', async () => {
    const e = await refusal(
      openInput({ path: path.join(dir, 'sub', 'missing.zip'), name: 'sub/missing.zip' }),
    );
    expect(e.message).toBe('sub/missing.zip: no such file');
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.exitCode).toBe(ExitCode.badInput);
  });

  it('says a folder is a folder, not a file', async () => {
    mkdirSync(path.join(dir, 'past.zip'));
    const e = await refusal(openInput(at('past.zip')));
    expect(e.message).toBe('past.zip: is a folder, not a file');
    expect(e.exitCode).toBe(ExitCode.badInput);
    expect(inputError(Object.assign(new Error('x'), { code: 'EISDIR' }), 'a.xml').message).toBe(
      'a.xml: is a folder, not a file',
    );
  });

  it('says "permission denied" for a file the user may not read (chmod 000), not "no such file"', async () => {
    writeFileSync(path.join(dir, 'secret.xml'), '<x/>');
    chmodSync(path.join(dir, 'secret.xml'), 0o000);
    const expected = 'secret.xml: permission denied';
    if (process.getuid?.() === 0) {
      // Root opens it anyway; the refusal is seen by an ordinary user, so the probe runs as one.
      const user = ordinaryUser();
      if ('skip' in user) {
        console.warn(`skipping the chmod 000 case: ${user.skip}`);
        return;
      }
      console.log('running as root: the chmod 000 case is checked in a child process as the user nobody');
      expect(openAsNobody(path.join(dir, 'secret.xml'), 'secret.xml')).toBe(`FILE_UNREADABLE 3 ${expected}`);
      return;
    }
    const e = await refusal(openInput(at('secret.xml')));
    expect(e.message).toBe(expected);
    expect(e.code).toBe('FILE_UNREADABLE');
  });

  it('maps EPERM like EACCES (simulated: the file system gives it for other reasons than modes)', () => {
    const e = inputError(Object.assign(new Error('x'), { code: 'EPERM' }), 'locked.zip');
    expect(e.message).toBe('locked.zip: permission denied');
    expect(e.exitCode).toBe(ExitCode.badInput);
  });

  it('names any other failure with its code, and passes a CrmKitError through', () => {
    expect(inputError(Object.assign(new Error('x'), { code: 'EIO' }), 'a.zip').message).toBe(
      'a.zip: cannot read (EIO)',
    );
    const own = new CrmKitError('NOT_A_ZIP', 'a.zip: not a zip file');
    expect(inputError(own, 'a.zip')).toBe(own);
  });

  it('accepts a folder where folders are inputs too, and says "no such file or folder" when absent', async () => {
    expect((await statInput(at('past.zip'))).isDirectory()).toBe(true);
    const e = await refusal(statInput(at('gone')));
    expect(e.message).toBe('gone: no such file or folder');
  });

  it('reads a small text input whole, with the same refusals', async () => {
    writeFileSync(path.join(dir, 'keep.txt'), 'Contoso\n');
    expect(await readInputText(at('keep.txt'))).toBe('Contoso\n');
    const e = await refusal(readInputText({ path: path.join(dir, 'nope.txt'), name: '--keep nope.txt' }));
    expect(e.message).toBe('--keep nope.txt: no such file');
  });
});
