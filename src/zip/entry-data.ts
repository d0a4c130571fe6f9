/**
 * An entry's bytes, inflated with Node's zlib under a size limit: checked against the declared
 * size before anything is inflated and counted while inflating (a zip that lies about sizes),
 * then optionally verified against the directory's size and CRC. Whole (in memory) or streamed.
 */
import { Readable } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { checkEntry, type Fail, type ZipEntry } from './directory';

export interface EntryReadOptions {
  /** Largest inflated size accepted, in bytes. */
  limit: number;
  /** What to verify once inflated: nothing, the CRC, or the CRC and the size (default). */
  verify?: 'none' | 'crc' | 'crc-and-size';
}

function verify(entry: ZipEntry, size: number, crc: number, options: EntryReadOptions, fail: Fail): void {
  const what = options.verify ?? 'crc-and-size';
  if (what === 'none') return;
  if (crc >>> 0 !== entry.crc32 >>> 0 || (what === 'crc-and-size' && size !== entry.size)) {
    throw fail({ kind: 'mismatch', name: entry.name });
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Inflates a whole entry from its compressed bytes (for parts that fit in memory). */
export function inflateEntry(raw: Buffer, entry: ZipEntry, options: EntryReadOptions, fail: Fail): Buffer {
  checkEntry(entry, options.limit, fail);
  let data: Buffer;
  if (entry.method === 0) {
    if (raw.length > options.limit) throw fail({ kind: 'too-large', name: entry.name, limit: options.limit });
    data = raw;
  } else {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, options.limit) });
    } catch (e) {
      if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw fail({ kind: 'too-large', name: entry.name, limit: options.limit });
      }
      throw fail({ kind: 'inflate', name: entry.name, detail: describe(e) });
    }
  }
  if (options.verify !== 'none') verify(entry, data.length, crc32(data), options, fail);
  return data;
}

/**
 * Streams an entry's inflated bytes from its compressed bytes (`raw`, read lazily, e.g. from the
 * file). `raw` is destroyed when the stream ends or fails.
 */
export async function* inflateEntryStream(
  raw: Readable,
  entry: ZipEntry,
  options: EntryReadOptions,
  fail: Fail,
): AsyncGenerator<Buffer> {
  try {
    checkEntry(entry, options.limit, fail);
  } catch (e) {
    raw.destroy();
    throw e;
  }
  let source: Readable = raw;
  if (entry.method === 8) {
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    raw.on('error', (e) => inflate.destroy(e));
    source = raw.pipe(inflate);
  }
  const checking = options.verify !== 'none';
  let size = 0;
  let crc = 0;
  let failure: Error | undefined;
  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > options.limit)
        throw (failure = fail({ kind: 'too-large', name: entry.name, limit: options.limit }));
      if (checking) crc = crc32(buf, crc);
      yield buf;
    }
  } catch (e) {
    if (e === failure) throw e;
    throw fail({ kind: 'inflate', name: entry.name, detail: describe(e) });
  } finally {
    raw.destroy();
    source.destroy();
  }
  if (checking) verify(entry, size, crc, options, fail);
}

/** The compressed bytes of an entry held in memory, as a stream. */
export function bytesStream(raw: Buffer): Readable {
  return Readable.from([raw], { objectMode: false });
}
