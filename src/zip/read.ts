/**
 * Reads zip files with limits: the central directory is parsed from the end of the file, an entry
 * is streamed (inflated with Node's zlib) and refused when its declared size is over the limit
 * before anything is inflated, or when the inflated bytes pass the limit (a zip that lies about
 * sizes). Entry names are only compared, never used as paths; `..` or absolute names are refused.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { CrmKitError } from '../errors';

export const DEFAULT_MAX_ENTRY_SIZE = 1024 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** True for names that would escape a folder if someone used them as paths. */
export function isUnsafeEntryName(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.startsWith('\\') ||
    /^[A-Za-z]:/.test(name) ||
    name.split(/[/\\]/).some((part) => part === '..') ||
    name.includes('\u0000')
  );
}

export class ZipReader {
  private constructor(
    private readonly path: string,
    private readonly fh: FileHandle,
    readonly entries: readonly ZipEntry[],
    private readonly where: string,
  ) {}

  /** Opens `path`; `where` names it in messages. Refuses a non-zip or an unsafe entry name. */
  static async open(path: string, where: string): Promise<ZipReader> {
    const fh = await open(path, 'r');
    try {
      const entries = await readCentralDirectory(fh, where);
      return new ZipReader(path, fh, entries, where);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  find(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  async close(): Promise<void> {
    await this.fh.close();
  }

  /** Streams the entry's bytes, inflating; refuses an entry bigger than `maxSize` bytes. */
  async *stream(entry: ZipEntry, maxSize: number): AsyncGenerator<Buffer> {
    const tooLarge = (): CrmKitError =>
      new CrmKitError(
        'ZIP_TOO_LARGE',
        `${this.where} › ${entry.name}: inflates past the limit of ${formatSize(maxSize)} (raise it with --max-size)`,
      );
    if (entry.size > maxSize) throw tooLarge();
    if (entry.flags & 1) throw this.corrupt(entry, 'is encrypted');
    if (entry.method !== 0 && entry.method !== 8)
      throw this.corrupt(entry, `uses compression method ${entry.method}`);
    const header = Buffer.alloc(30);
    await this.fh.read(header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== LOCAL) throw this.corrupt(entry, 'has no local header');
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (entry.compressedSize === 0) {
      if (entry.size !== 0) throw this.corrupt(entry, 'is truncated');
      return;
    }
    const raw = createReadStream(this.path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: 256 * 1024,
    });
    let source: Readable = raw;
    if (entry.method === 8) {
      const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
      raw.on('error', (e) => inflate.destroy(e));
      source = raw.pipe(inflate);
    }
    let size = 0;
    let crc = 0;
    try {
      for await (const chunk of source) {
        const buf = chunk as Buffer;
        size += buf.length;
        if (size > maxSize) throw tooLarge();
        crc = crc32(buf, crc);
        yield buf;
      }
    } catch (e) {
      if (e instanceof CrmKitError) throw e;
      throw this.corrupt(entry, `cannot be inflated (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      raw.destroy();
      source.destroy();
    }
    if (size !== entry.size || crc >>> 0 !== entry.crc32 >>> 0)
      throw this.corrupt(entry, 'is corrupt (size or CRC mismatch)');
  }

  /** The whole entry in memory (for small parts such as `[Content_Types].xml`). */
  async read(entry: ZipEntry, maxSize: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.stream(entry, maxSize)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  private corrupt(entry: ZipEntry, what: string): CrmKitError {
    return new CrmKitError('NOT_A_ZIP', `${this.where} › ${entry.name}: entry ${what}`);
  }
}

async function readCentralDirectory(fh: FileHandle, where: string): Promise<ZipEntry[]> {
  const notZip = (why: string): CrmKitError =>
    new CrmKitError('NOT_A_ZIP', `${where}: not a zip file (${why})`);
  const { size } = await fh.stat();
  const tailSize = Math.min(size, 22 + 65535);
  const tail = Buffer.alloc(tailSize);
  await fh.read(tail, 0, tailSize, size - tailSize);
  let eocd = -1;
  for (let i = tailSize - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw notZip('no end-of-central-directory record');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw notZip('zip64 archives are not supported');
  if (cdOffset + cdSize > size) throw notZip('central directory out of range');
  const cd = Buffer.alloc(cdSize);
  await fh.read(cd, 0, cdSize, cdOffset);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw notZip('broken central directory');
    const nameLength = cd.readUInt16LE(p + 28);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
    if (isUnsafeEntryName(name)) {
      throw new CrmKitError(
        'ZIP_UNSAFE_PATH',
        `${where}: entry name "${name}" is an unsafe path; refusing the zip`,
      );
    }
    const entry: ZipEntry = {
      name,
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    };
    if (entry.localHeaderOffset + 30 + entry.compressedSize > size)
      throw notZip(`entry ${name} out of range`);
    entries.push(entry);
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return entries;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MiB`;
  return `${bytes} bytes`;
}
