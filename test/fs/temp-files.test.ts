import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  abandonTempFilesSync,
  removeStaleTempFiles,
  tempOwner,
  tempPathFor,
  trackTemp,
} from '../../src/fs/temp-files';

const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-temps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

function file(name: string, ageSeconds: number): void {
  const p = path.join(dir, name);
  writeFileSync(p, 'half a workbook');
  const t = new Date(Date.now() - ageSeconds * 1000);
  utimesSync(p, t, t);
}

describe('temporary files of the atomic writer', () => {
  it("recognises only its own names for the output, with the owner's process id", () => {
    const target = path.join(dir, 'book.xlsx');
    expect(tempOwner(target, path.basename(tempPathFor(target)))).toBe(process.pid);
    expect(tempOwner(target, '.book.xlsx.123-0a1b2c3d.tmp')).toBe(123);
    expect(tempOwner(target, '.other.xlsx.123-0a1b2c3d.tmp')).toBeUndefined();
    expect(tempOwner(target, '.book.xlsx.123-0a1b2c3d.tmp.keep')).toBeUndefined();
    expect(tempOwner(target, 'book.xlsx')).toBeUndefined();
  });

  it('removes the stale ones of the same output and never a file a running command may be writing', async () => {
    const dead = deadPid();
    file(`.book.xlsx.${dead}-00000001.tmp`, 120); // killed run, untouched for 2 minutes: removed
    file(`.book.xlsx.${dead}-00000002.tmp`, 5); // written to 5 s ago (another machine?): kept
    file(`.book.xlsx.${process.pid}-00000003.tmp`, 120); // this process: kept
    file(`.book.xlsx.1-00000004.tmp`, 3600); // process 1 runs: kept
    file(`.other.xlsx.${dead}-00000005.tmp`, 120); // another output: kept
    file(`notes.txt`, 3600);
    const removed = await removeStaleTempFiles(path.join(dir, 'book.xlsx'));
    expect(removed.map((f) => path.basename(f))).toEqual([`.book.xlsx.${dead}-00000001.tmp`]);
    expect(readdirSync(dir).sort()).toEqual(
      [
        `.book.xlsx.${dead}-00000002.tmp`,
        `.book.xlsx.${process.pid}-00000003.tmp`,
        `.book.xlsx.1-00000004.tmp`,
        `.other.xlsx.${dead}-00000005.tmp`,
        'notes.txt',
      ].sort(),
    );
  });

  it('removes the files being written at once when the command is interrupted', () => {
    const temp = tempPathFor(path.join(dir, 'interrupted.xlsx'));
    writeFileSync(temp, 'half');
    trackTemp(temp);
    expect(abandonTempFilesSync()).toEqual({ removed: 1, completed: 0 });
    expect(existsSync(temp)).toBe(false);
  });
});
