import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CrmKitError } from '../../src/errors';
import { abandonStream, writeAllAtomically, writeAtomically, writeFileAtomically } from '../../src/fs/atomic';

const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic output', () => {
  it('renames the finished file into place and leaves no temporary file', async () => {
    const out = path.join(dir, 'atomic', 'ok.txt');
    mkdirSync(path.dirname(out));
    await writeAtomically(out, (temp) => writeFile(temp, 'done'));
    expect(readdirSync(path.dirname(out))).toEqual(['ok.txt']);
  });

  it('removes the temporary file and writes nothing when the writer fails', async () => {
    const folder = path.join(dir, 'atomic-fail');
    mkdirSync(folder);
    await expect(
      writeAtomically(path.join(folder, 'out.txt'), async (temp) => {
        await writeFile(temp, 'half');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('leaves no temporary file when a stream opened on it fails before its file is even open', async () => {
    const folder = path.join(dir, 'atomic-stream');
    mkdirSync(folder);
    for (let i = 0; i < 25; i++) {
      await expect(
        writeAtomically(path.join(folder, 'out.xlsx'), async (temp) => {
          const out = createWriteStream(temp);
          await abandonStream(out);
          // The pending open has finished and its file is closed: removing the file now is final.
          expect(out.closed).toBe(true);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it('says which folder is missing', async () => {
    await expect(
      writeAtomically(path.join(dir, 'nope', 'x.txt'), () => Promise.resolve()),
    ).rejects.toMatchObject({
      code: 'IO',
    });
    await expect(
      writeAtomically({ path: path.join(dir, 'nope', 'x.txt'), name: 'nope/x.txt' }, () => Promise.resolve()),
    ).rejects.toThrow('nope/x.txt: cannot write, folder nope does not exist');
  });

  it('writes bytes into a folder it creates, leaving only the file', async () => {
    const out = path.join(dir, 'made', 'deeper', 'solution.zip');
    await writeFileAtomically(out, new Uint8Array([1, 2, 3]), { createFolder: true });
    expect([...readFileSync(out)]).toEqual([1, 2, 3]);
    expect(readdirSync(path.dirname(out))).toEqual(['solution.zip']);
  });

  it('replaces an existing file whole', async () => {
    const out = path.join(dir, 'replace.txt');
    writeFileSync(out, 'old and longer');
    await writeFileAtomically(out, new TextEncoder().encode('new'));
    expect(readFileSync(out, 'utf8')).toBe('new');
  });

  it('reports a folder it cannot create as an IO error that names the file', async () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, '');
    await expect(
      writeFileAtomically(path.join(blocker, 'x.zip'), new Uint8Array(1), { createFolder: true }),
    ).rejects.toThrow(`${blocker}/x.zip: cannot write (a part of the path is a file, not a folder)`);
  });

  it('reports a target it cannot rename over as an IO error and leaves no temporary file', async () => {
    const folder = path.join(dir, 'rename-fail');
    mkdirSync(path.join(folder, 'taken'), { recursive: true });
    writeFileSync(path.join(folder, 'taken', 'inside'), '');
    await expect(
      writeFileAtomically({ path: path.join(folder, 'taken'), name: 'taken' }, new Uint8Array(1)),
    ).rejects.toThrow(new CrmKitError('IO', 'taken: cannot write (is a folder)'));
    expect(readdirSync(folder)).toEqual(['taken']);
  });

  it('ends the write at once when a stream on the temporary file fails, though the writer waits forever', async () => {
    const folder = path.join(dir, 'stream-fails');
    mkdirSync(folder);
    const write = writeAtomically(
      { path: path.join(folder, 'out.xlsx'), name: 'out.xlsx' },
      (_temp, openStream) => {
        rmSync(folder, { recursive: true }); // the folder vanishes: the stream's open fails
        openStream().write('rows');
        return new Promise<never>(() => undefined);
      },
    );
    await expect(write).rejects.toThrow(
      new CrmKitError('IO', 'out.xlsx: cannot write (this folder does not accept new files)'),
    );
  });

  it('writes several outputs together and names the one whose stream failed', async () => {
    const folder = path.join(dir, 'several');
    mkdirSync(path.join(folder, 'b'), { recursive: true });
    const outputs = [
      { path: path.join(folder, 'a.txt'), name: 'a.txt' },
      { path: path.join(folder, 'b', 'b.txt'), name: 'b/b.txt' },
    ];
    const failing = writeAllAtomically(outputs, async (temps) => {
      temps[0]!.openStream().end('a');
      rmSync(path.join(folder, 'b'), { recursive: true });
      temps[1]!.openStream().write('b');
      await new Promise<never>(() => undefined);
    });
    await expect(failing).rejects.toThrow('b/b.txt: cannot write (this folder does not accept new files)');
    expect(readdirSync(folder)).toEqual([]);
    mkdirSync(path.join(folder, 'b'));
    await writeAllAtomically(outputs, (temps) => Promise.all(temps.map((t) => writeFile(t.path, 'ok'))));
    expect(readFileSync(outputs[1]!.path, 'utf8')).toBe('ok');
    expect(readdirSync(folder)).toEqual(['a.txt', 'b']);
  });

  it('refuses a target that is a folder before doing any work', async () => {
    const folder = path.join(dir, 'is-folder');
    mkdirSync(path.join(folder, 'out.zip'), { recursive: true });
    let worked = false;
    await expect(
      writeAtomically({ path: path.join(folder, 'out.zip'), name: 'out.zip' }, () => {
        worked = true;
        return Promise.resolve();
      }),
    ).rejects.toThrow('out.zip: cannot write (is a folder)');
    expect(worked).toBe(false);
  });
});
