/**
 * Writes a zip front to back into a stream, which cannot seek: each entry's local header leaves
 * CRC and sizes out (general purpose flag 8), a data descriptor after the DEFLATE data gives them,
 * and the central directory at the end gives them again. Entries are written one at a time, in
 * the order they are added; a streamed entry's bytes may arrive before its turn and wait in its
 * stream. CRC with zlib's own crc32, DEFLATE on the thread pool. Archives past 4 GiB (ZIP64) are
 * refused. write.ts is the seeking writer, which needs no data descriptors.
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';
import {
  centralDirectory,
  dosDateTime,
  entryHeader,
  nameFlags,
  type DosStamp,
  type ZipEntryRecord,
} from './records';

/** What an entry's bytes come from: all at once, or a stream of Buffers (or strings). */
export type EntrySource = string | Uint8Array | Readable;

export interface StreamZipOptions {
  /** DEFLATE level (0–9). */
  level: number;
  /** zlib's memory level (1–9, default 8): 9 gives level 1 a larger hash table, a few percent faster on large XML. */
  memLevel?: number;
  /** Bytes DEFLATE hands back at a time. */
  chunkSize?: number;
  /** The entries' time stamp (default: now). */
  modified?: Date;
}

const LIMIT = 0xffffffff;

export class StreamZipWriter {
  private pos = 0;
  private readonly written: ZipEntryRecord[] = [];
  private readonly stamp: DosStamp;
  /** Entries written so far, in order; each waits for the one before. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly out: Writable,
    private readonly options: StreamZipOptions,
  ) {
    this.stamp = dosDateTime(options.modified ?? new Date());
  }

  /** The first failure (of the stream, of DEFLATE, of a source), once there is one. */
  failure: unknown = undefined;

  /** Adds an entry, written once those added before it are. A failure shows in finish() and `failure`. */
  append(name: string, source: EntrySource): void {
    this.queue = this.queue.then(() => this.entry(name, source));
    this.queue.catch((e: unknown) => {
      this.failure ??= e;
    });
  }

  /** Writes the central directory once every entry is written, and ends the stream. */
  async finish(): Promise<void> {
    await this.queue;
    const start = this.pos;
    await this.write(centralDirectory(this.written, start, this.stamp));
    this.out.end();
  }

  private async write(bytes: Buffer): Promise<void> {
    this.pos += bytes.length;
    if (this.pos > LIMIT) throw new Error('the zip would pass 4 GiB, which needs ZIP64');
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }

  private async entry(name: string, source: EntrySource): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const flags = 0x8 | nameFlags(name, nameBytes);
    const entry: ZipEntryRecord = {
      name: nameBytes,
      flags,
      offset: this.pos,
      crc: 0,
      compressedSize: 0,
      size: 0,
    };
    await this.write(entryHeader(entry, false, this.stamp));
    const deflate = createDeflateRaw({
      level: this.options.level,
      chunkSize: this.options.chunkSize,
      ...(this.options.memLevel === undefined ? {} : { memLevel: this.options.memLevel }),
    });
    const compressed = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        entry.compressedSize += chunk.length;
        await this.write(chunk);
      }
    })();
    // Bytes taken in while the compressed ones go out: a failure of either ends both.
    const taken = (async () => {
      const chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string> =
        typeof source === 'string' || source instanceof Uint8Array ? [source] : source;
      for await (const piece of chunks) {
        const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        entry.crc = crc32(chunk, entry.crc);
        entry.size += chunk.length;
        if (entry.size > LIMIT) throw new Error(`${name} would pass 4 GiB, which needs ZIP64`);
        if (!deflate.write(chunk)) await once(deflate, 'drain');
      }
      deflate.end();
    })();
    try {
      await Promise.all([taken, compressed]);
    } catch (e) {
      deflate.destroy();
      throw e;
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressedSize, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.write(descriptor);
    this.written.push(entry);
  }
}
