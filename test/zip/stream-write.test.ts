import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { listEntries, rawEntryBytes, type ZipFault } from '../../src/zip/directory';
import { inflateEntry } from '../../src/zip/entry-data';
import { StreamZipWriter, type EntrySource } from '../../src/zip/stream-write';

const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-stream-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fail = (fault: ZipFault): Error => new Error(`zip fault ${fault.kind}`);

/** A sink that keeps what it is given, slowly (a write in three waits a turn), as a file might. */
function slowSink(): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  let n = 0;
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      if (++n % 3 === 0) setImmediate(done);
      else done();
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks) };
}

async function zipOf(entries: readonly (readonly [string, EntrySource])[]): Promise<Buffer> {
  const { sink, bytes } = slowSink();
  const zip = new StreamZipWriter(sink, { level: 1, chunkSize: 4096 });
  for (const [name, source] of entries) zip.append(name, source);
  const finished = new Promise((resolve) => sink.on('finish', resolve));
  await zip.finish();
  await finished;
  return bytes();
}

/** The entries read back with crmkit's reader, the CRC and the size checked. */
function readBack(zip: Buffer): [string, Buffer][] {
  return listEntries(zip, { unsafeNames: 'keep' }, fail).map((entry) => [
    entry.name,
    inflateEntry(rawEntryBytes(zip, entry, fail), entry, { limit: 2 ** 30, verify: 'crc-and-size' }, fail),
  ]);
}

describe('the streaming zip writer', () => {
  it('writes the entries in the order added, each reading back byte for byte with its CRC checked', async () => {
    const noise = randomBytes(300_000);
    const streamed = new PassThrough();
    const zipping = zipOf([
      ['xl/theme/theme1.xml', '<a>тема</a>'],
      ['_rels/.rels', Buffer.from('rels')],
      ['xl/worksheets/sheet1.xml', streamed],
      ['empty.xml', ''],
      ['noise.bin', noise],
      ['Ünïcode name.xml', Readable.from([Buffer.from('a'), 'б', Buffer.from('c')])],
    ]);
    // The streamed entry's bytes arrive before its turn, and wait in its stream.
    streamed.write('<row r="1"/>');
    streamed.end('<row r="2"/>'.repeat(10_000));
    const zip = await zipping;
    const expected: [string, Buffer][] = [
      ['xl/theme/theme1.xml', Buffer.from('<a>тема</a>')],
      ['_rels/.rels', Buffer.from('rels')],
      ['xl/worksheets/sheet1.xml', Buffer.from(`<row r="1"/>${'<row r="2"/>'.repeat(10_000)}`)],
      ['empty.xml', Buffer.alloc(0)],
      ['noise.bin', noise],
      ['Ünïcode name.xml', Buffer.from('aбc')],
    ];
    expect(readBack(zip)).toEqual(expected);
    const jszip = await JSZip.loadAsync(zip, { checkCRC32: true });
    for (const [name, data] of expected) expect(await jszip.file(name)!.async('nodebuffer')).toEqual(data);
  });

  it('makes an archive unzip finds sound', async () => {
    const zip = await zipOf([
      ['a.xml', '<a/>'.repeat(1000)],
      ['b/c.xml', Readable.from(['x', 'y'])],
    ]);
    const file = path.join(dir, 'sound.zip');
    writeFileSync(file, zip);
    expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('reads back any entries, whatever their sizes and however they arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.uint8Array({ maxLength: 20_000 }),
            fc.boolean(),
            fc.array(fc.nat(20_000), { maxLength: 4 }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (entries) => {
          const sources = entries.map(([data, streamed, cuts]): EntrySource => {
            if (!streamed) return data;
            const at = [0, ...cuts.map((c) => Math.min(c, data.length)).sort((a, b) => a - b), data.length];
            return Readable.from(at.slice(1).map((end, i) => Buffer.from(data.subarray(at[i], end))));
          });
          const zip = await zipOf(sources.map((source, i) => [`e${i}.bin`, source] as const));
          expect(readBack(zip)).toEqual(entries.map(([data], i) => [`e${i}.bin`, Buffer.from(data)]));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reports a failing stream from finish(), and as its failure, instead of writing on', async () => {
    const sink = new Writable({
      write(_chunk, _enc, done) {
        done(new Error('disk full'));
      },
    });
    sink.on('error', () => undefined);
    const zip = new StreamZipWriter(sink, { level: 1 });
    zip.append('a.xml', '<a/>');
    zip.append('b.xml', '<b/>');
    await expect(zip.finish()).rejects.toThrow('disk full');
    expect(zip.failure).toBeInstanceOf(Error);
  });
});
