/**
 * The parts of an .xlsx package, read through the zip's central directory so that any part can
 * be read in any order (Excel, LibreOffice and exceljs each store them in a different order).
 * Sizes are limited twice: by what the directory declares, and while inflating, in case it lies.
 * Part names are only looked up, never used as file paths.
 */
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { CrmKitError } from '../errors';

export interface PackageEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  dataOffset: number;
}

export interface PackageLimits {
  /** Largest inflated size of one part, in bytes. */
  maxEntryBytes: number;
}

export const defaultPackageLimits: PackageLimits = { maxEntryBytes: 1024 ** 3 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function notAWorkbook(fileName: string, why: string): CrmKitError {
  return new CrmKitError('NOT_A_WORKBOOK', `${fileName}: not an .xlsx workbook (${why})`);
}

/** Lists the parts of a zip held in memory, by name (a leading `/` is dropped). */
export function readPackageEntries(zip: Buffer, fileName: string): Map<string, PackageEntry> {
  const from = Math.max(0, zip.length - 65_557);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notAWorkbook(fileName, 'not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw notAWorkbook(fileName, 'ZIP64 archives are not supported');
  const entries = new Map<string, PackageEntry>();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL) {
      throw notAWorkbook(fileName, 'damaged zip directory');
    }
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const uncompressedSize = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength).replace(/^\/+/, '');
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) {
      throw notAWorkbook(fileName, `damaged zip entry ${name}`);
    }
    const dataOffset = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (dataOffset + compressedSize > zip.length) throw notAWorkbook(fileName, `truncated zip entry ${name}`);
    entries.set(name, { name, method, compressedSize, uncompressedSize, dataOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function tooLarge(fileName: string, entry: PackageEntry, limits: PackageLimits): CrmKitError {
  return new CrmKitError(
    'ZIP_TOO_LARGE',
    `${fileName}: the part ${entry.name} inflates past the limit of ${limits.maxEntryBytes} bytes`,
  );
}

function checkMethod(zip: Buffer, entry: PackageEntry, fileName: string, limits: PackageLimits): Buffer {
  if (entry.method !== 0 && entry.method !== 8) {
    throw notAWorkbook(fileName, `${entry.name} uses zip compression method ${entry.method}`);
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) throw tooLarge(fileName, entry, limits);
  return zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

/** A whole (small) part as text. */
export function entryText(zip: Buffer, entry: PackageEntry, fileName: string, limits: PackageLimits): string {
  const data = checkMethod(zip, entry, fileName, limits);
  if (entry.method === 0) return data.toString('utf8');
  try {
    return inflateRawSync(data, { maxOutputLength: limits.maxEntryBytes }).toString('utf8');
  } catch (e) {
    if (e instanceof RangeError) throw tooLarge(fileName, entry, limits);
    throw notAWorkbook(fileName, `${entry.name} cannot be inflated`);
  }
}

/** A part as a stream of text chunks (UTF-8 decoded, characters never split across chunks). */
export async function* entryChunks(
  zip: Buffer,
  entry: PackageEntry,
  fileName: string,
  limits: PackageLimits,
): AsyncGenerator<string> {
  const data = checkMethod(zip, entry, fileName, limits);
  if (entry.method === 0) {
    yield data.toString('utf8');
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 512 * 1024 });
  Readable.from([data]).pipe(inflate);
  let bytes = 0;
  let pending: Buffer | undefined;
  try {
    for await (const piece of inflate as AsyncIterable<Buffer>) {
      bytes += piece.length;
      if (bytes > limits.maxEntryBytes) throw tooLarge(fileName, entry, limits);
      const chunk = pending === undefined ? piece : Buffer.concat([pending, piece]);
      // Decode up to the last complete UTF-8 sequence; the rest waits for the next piece.
      const end = completeUtf8Length(chunk);
      pending = end < chunk.length ? chunk.subarray(end) : undefined;
      yield chunk.toString('utf8', 0, end);
    }
    if (pending !== undefined) yield pending.toString('utf8');
  } catch (e) {
    if (e instanceof CrmKitError) throw e;
    throw notAWorkbook(fileName, `${entry.name} cannot be inflated`);
  } finally {
    inflate.destroy();
  }
}

/** The length of the longest prefix of buf that ends on a UTF-8 character boundary. */
export function completeUtf8Length(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const byte = buf[n - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Collects a stream into memory, refusing more than `maxBytes`. */
export async function readAll(input: Readable, fileName: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes) {
      input.destroy();
      throw new CrmKitError('ZIP_TOO_LARGE', `${fileName}: larger than ${maxBytes} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
