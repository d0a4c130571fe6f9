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

/** What an entry's bytes come from: all at once, or a stream of Buffers (or strings). */
export type EntrySource = string | Uint8Array | Readable;

export interface StreamZipOptions {
  /** DEFLATE level (0–9). */
  level: number;
  /** Bytes DEFLATE hands back at a time. */
  chunkSize?: number;
  /** The entries' time stamp (default: now). */
  modified?: Date;
}

interface Written {
  name: Buffer;
  flags: number;
  offset: number;
  crc: number;
  compressedSize: number;
  size: number;
}

const LIMIT = 0xffffffff;

/** DOS date and time of a Date (local fields as zip tools expect). */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  };
}

export class StreamZipWriter {
  private pos = 0;
  private readonly written: Written[] = [];
  private readonly stamp: { date: number; time: number };
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
    const directory = Buffer.concat(this.written.map((e) => this.header(e, true)));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.write(Buffer.concat([directory, end]));
    this.out.end();
  }

  private async write(bytes: Buffer): Promise<void> {
    this.pos += bytes.length;
    if (this.pos > LIMIT) throw new Error('the zip would pass 4 GiB, which needs ZIP64');
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }

  private async entry(name: string, source: EntrySource): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const flags = 0x8 | (nameBytes.length === name.length ? 0 : 0x800); // longer in UTF-8: not ASCII
    const entry: Written = { name: nameBytes, flags, offset: this.pos, crc: 0, compressedSize: 0, size: 0 };
    await this.write(this.header(entry, false));
    const deflate = createDeflateRaw({ level: this.options.level, chunkSize: this.options.chunkSize });
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

  /** A local header (CRC and sizes left 0: the data descriptor has them) or a central directory entry. */
  private header(e: Written, central: boolean): Buffer {
    const b = Buffer.alloc((central ? 46 : 30) + e.name.length);
    let p = 0;
    b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, p);
    p += 4;
    if (central) {
      b.writeUInt16LE(20, p);
      p += 2;
    }
    b.writeUInt16LE(20, p); // version needed
    b.writeUInt16LE(e.flags, p + 2);
    b.writeUInt16LE(8, p + 4); // deflate
    b.writeUInt16LE(this.stamp.time, p + 6);
    b.writeUInt16LE(this.stamp.date, p + 8);
    if (central) {
      b.writeUInt32LE(e.crc >>> 0, p + 10);
      b.writeUInt32LE(e.compressedSize, p + 14);
      b.writeUInt32LE(e.size, p + 18);
    }
    b.writeUInt16LE(e.name.length, p + 22);
    if (central) {
      // extra, comment, disk, internal and external attributes stay 0; then the local header's offset
      b.writeUInt32LE(e.offset, p + 36);
      e.name.copy(b, 46);
    } else {
      e.name.copy(b, 30);
    }
    return b;
  }
}
