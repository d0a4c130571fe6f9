/**
 * Writes a zip into an open file, entry by entry, deflating with Node's zlib as the bytes stream
 * in. Sizes and CRC are patched into each local header afterwards (positional write), so the
 * archive needs no data descriptors.
 */
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';

/** How many bytes may wait for DEFLATE before a producer is asked to wait. */
const BUFFERED_BYTES = 4 * 1024 * 1024;

interface Written {
  name: Buffer;
  offset: number;
  crc: number;
  compressedSize: number;
  size: number;
}

/** DOS date and time of a Date (local fields as zip tools expect). */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  };
}

export class ZipWriter {
  private pos = 0;
  private readonly written: Written[] = [];
  private readonly stamp: { date: number; time: number };

  constructor(
    private readonly fh: FileHandle,
    modified: Date = new Date(),
  ) {
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
    const fh = this.fh;
    const sink = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        const at = this.pos;
        this.pos += chunk.length;
        compressedSize += chunk.length;
        fh.write(chunk, 0, chunk.length, at).then(() => done(), done);
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
    await produce(input);
    input.end();
    await finished;
    const entry: Written = { name: nameBytes, offset, crc: crc >>> 0, compressedSize, size };
    await fh.write(this.header(entry, false), 0, 30 + nameBytes.length, offset);
    this.written.push(entry);
  }

  async addBuffer(name: string, data: Buffer, level = 6): Promise<void> {
    await this.addEntry(name, (input) => new Promise((resolve) => input.write(data, () => resolve())), level);
  }

  /** Writes the central directory; the caller closes the file. */
  async finish(): Promise<void> {
    const start = this.pos;
    const parts = this.written.map((e) => this.header(e, true));
    const cd = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(start, 16);
    const all = Buffer.concat([cd, end]);
    await this.fh.write(all, 0, all.length, start);
    this.pos += all.length;
  }

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
    b.writeUInt16LE(0, p + 2); // flags
    b.writeUInt16LE(8, p + 4); // deflate
    b.writeUInt16LE(this.stamp.time, p + 6);
    b.writeUInt16LE(this.stamp.date, p + 8);
    b.writeUInt32LE(e.crc, p + 10);
    b.writeUInt32LE(e.compressedSize, p + 14);
    b.writeUInt32LE(e.size, p + 18);
    b.writeUInt16LE(e.name.length, p + 22);
    b.writeUInt16LE(0, p + 24); // extra
    if (central) {
      // comment, disk, internal attrs (2+2+2), external attrs (4), local header offset
      b.writeUInt32LE(e.offset, p + 36);
      e.name.copy(b, 46);
    } else {
      e.name.copy(b, 30);
    }
    return b;
  }
}
