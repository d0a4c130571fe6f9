/**
 * Writes a zip entry by entry, into an open file or into memory, deflating with Node's zlib as
 * the bytes stream in. Sizes and CRC are patched into each local header afterwards (positional
 * write), so the archive needs no data descriptors. The same entries, in the same order, with the
 * same time stamp give the same bytes.
 */
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';
import {
  centralDirectory,
  dosDateTime,
  entryHeader,
  nameFlags,
  type DosStamp,
  type ZipEntryRecord,
} from './records';

/** Where the zip's bytes go: positional writes, since a local header is completed after its data. */
export interface ZipTarget {
  writeAt(bytes: Buffer, position: number): Promise<void>;
}

/** A zip built in memory: `bytes()` is the archive once the writer has finished. */
export class MemoryTarget implements ZipTarget {
  private buffer = Buffer.alloc(64 * 1024);
  private size = 0;

  writeAt(bytes: Buffer, position: number): Promise<void> {
    const end = position + bytes.length;
    if (end > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(end, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.size);
      this.buffer = grown;
    }
    bytes.copy(this.buffer, position);
    this.size = Math.max(this.size, end);
    return Promise.resolve();
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.size);
  }
}

function fileTarget(fh: FileHandle): ZipTarget {
  return {
    writeAt: async (bytes, position) => {
      await fh.write(bytes, 0, bytes.length, position);
    },
  };
}

/** How many bytes may wait for DEFLATE before a producer is asked to wait. */
const BUFFERED_BYTES = 4 * 1024 * 1024;

export class ZipWriter {
  private pos = 0;
  private readonly written: ZipEntryRecord[] = [];
  private readonly stamp: DosStamp;
  private readonly target: ZipTarget;

  /** Writes into an open file (the caller closes it) or a target such as a MemoryTarget. */
  constructor(target: FileHandle | ZipTarget, modified: Date = new Date()) {
    this.target = 'writeAt' in target ? target : fileTarget(target);
    this.stamp = dosDateTime(modified);
  }

  /** Adds an entry whose bytes `produce` writes into the given stream (it must not end it). */
  async addEntry(name: string, produce: (input: Writable) => Promise<void>, level = 6): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.pos;
    this.pos += 30 + nameBytes.length;
    // Generous buffers: the producer runs ahead while DEFLATE works on the thread pool (with
    // the 16 KiB defaults each write waits for the one before, and nothing overlaps).
    const deflate = createDeflateRaw({ level, chunkSize: 256 * 1024 });
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const target = this.target;
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        const at = this.pos;
        this.pos += chunk.length;
        compressedSize += chunk.length;
        target.writeAt(chunk, at).then(() => done(), done);
      },
    });
    const finished = new Promise<void>((resolve, reject) => {
      sink.on('finish', resolve);
      sink.on('error', reject);
      deflate.on('error', reject);
    });
    deflate.pipe(sink);
    const input = new Writable({
      highWaterMark: BUFFERED_BYTES,
      write: (chunk: Buffer, _enc, done) => {
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (deflate.write(chunk)) done();
        else deflate.once('drain', () => done());
      },
      final: (done) => {
        deflate.end();
        done();
      },
    });
    // A failed write of the zip (disk full) ends the entry: the producer may be waiting for a drain.
    finished.catch(() => undefined);
    await Promise.race([produce(input), finished]);
    input.end();
    await finished;
    const flags = nameFlags(name, nameBytes);
    const entry: ZipEntryRecord = { name: nameBytes, flags, offset, crc: crc >>> 0, compressedSize, size };
    await target.writeAt(entryHeader(entry, false, this.stamp), offset);
    this.written.push(entry);
  }

  async addBuffer(name: string, data: Uint8Array, level = 6): Promise<void> {
    await this.addEntry(name, (input) => new Promise((resolve) => input.write(data, () => resolve())), level);
  }

  /** Writes the central directory; the caller closes a file. */
  async finish(): Promise<void> {
    const start = this.pos;
    const all = centralDirectory(this.written, start, this.stamp);
    await this.target.writeAt(all, start);
    this.pos += all.length;
  }
}

/** A file of a zip made in memory: its path in the zip and its bytes. */
export interface ZipPart {
  path: string;
  bytes: Uint8Array;
}

/**
 * Zips the parts in memory in exactly the given order, deflated, every entry stamped `modified`,
 * no folder entries: a deterministic function of its input.
 */
export async function zipInMemory(parts: readonly ZipPart[], modified: Date, level = 6): Promise<Uint8Array> {
  const target = new MemoryTarget();
  const zip = new ZipWriter(target, modified);
  for (const part of parts) await zip.addBuffer(part.path, part.bytes, level);
  await zip.finish();
  return target.bytes();
}
