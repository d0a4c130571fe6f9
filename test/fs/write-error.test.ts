import { describe, expect, it } from 'vitest';
import { CrmKitError, ExitCode } from '../../src/errors';
import { outputError } from '../../src/fs/write-error';

describe('the error of a failed write', () => {
  it.each([
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EROFS', 'read-only file system'],
    ['ENOSPC', 'no space left on device'],
    ['EDQUOT', 'disk quota exceeded'],
    ['EFBIG', 'file too large for this file system or for the file size limit'],
    ['EISDIR', 'is a folder'],
    ['ENOTDIR', 'a part of the path is a file, not a folder'],
    ['ENOENT', 'this folder does not accept new files'],
    ['EIO', 'input/output error'],
    ['ESOMETHINGNEW', 'ESOMETHINGNEW'],
  ])('says %s in words: "%s", naming the output as typed, exit 5', (code, words) => {
    const e = outputError(Object.assign(new Error(`${code}: …`), { code }), 'out/x.xlsx');
    expect(e.message).toBe(`out/x.xlsx: cannot write (${words})`);
    expect(e.code).toBe('IO');
    expect(e.exitCode).toBe(ExitCode.failure);
  });

  it('passes an error crmkit already explained through unchanged', () => {
    const refused = new CrmKitError('USAGE', '-o x: refused');
    expect(outputError(refused, 'x')).toBe(refused);
  });
});
