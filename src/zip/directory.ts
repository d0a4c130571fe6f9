/**
 * The one place that parses zip structures: the end-of-central-directory record, the central
 * directory, local headers, entry names. Pure functions over bytes; what went wrong is a typed
 * ZipFault, which each caller turns into its own message (`fail`). Entry names are only compared,
 * never used as paths; unsafe ones are refused or reported, as the caller asks.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Everything that can be wrong with a zip, for callers to word. */
export type ZipFault =
  | { kind: 'no-end' }
  | { kind: 'zip64' }
  | { kind: 'directory' }
  | { kind: 'too-many'; count: number; max: number }
  | { kind: 'unsafe-name'; name: string }
  | { kind: 'entry-range'; name: string }
  | { kind: 'no-local-header'; name: string }
  | { kind: 'encrypted'; name: string }
  | { kind: 'method'; name: string; method: number }
  | { kind: 'inflate'; name: string; detail: string }
  | { kind: 'mismatch'; name: string }
  | { kind: 'too-large'; name: string; limit: number; declared?: number };

export type Fail = (fault: ZipFault) => Error;

export interface ListOptions {
  /** `refuse` (default) fails on a name like `../x`; `keep` lists it (for reports). */
  unsafeNames?: 'refuse' | 'keep';
  /** Most entries accepted (default: no limit beyond the format's 65,535). */
  maxEntries?: number;
  /** Names use UTF-8 only when the entry says so (flag 0x800), else Latin-1; default always UTF-8. */
  honourUtf8Flag?: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
export const LOCAL_HEADER = 0x04034b50;
/** The most bytes after the EOCD record (its comment) plus the record. */
export const MAX_TAIL = 22 + 0xffff;

/** True when a file's first bytes are a zip's (`PK`); what follows is for the reader to judge. */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b;
}

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

export interface DirectoryPlace {
  count: number;
  offset: number;
  size: number;
}

/** Finds the central directory from the last bytes of the file (`tail`, at most MAX_TAIL). */
export function locateDirectory(tail: Buffer, fileSize: number, fail: Fail): DirectoryPlace {
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fail({ kind: 'no-end' });
  const count = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  const offset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw fail({ kind: 'zip64' });
  if (offset + size > fileSize) throw fail({ kind: 'directory' });
  return { count, offset, size };
}

/** Parses `count` central directory records from `cd` (the directory's bytes). */
export function parseDirectory(
  cd: Buffer,
  count: number,
  fileSize: number,
  options: ListOptions,
  fail: Fail,
): ZipEntry[] {
  if (options.maxEntries !== undefined && count > options.maxEntries) {
    throw fail({ kind: 'too-many', count, max: options.maxEntries });
  }
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw fail({ kind: 'directory' });
    const flags = cd.readUInt16LE(p + 8);
    const nameLength = cd.readUInt16LE(p + 28);
    if (p + 46 + nameLength > cd.length) throw fail({ kind: 'directory' });
    const encoding = options.honourUtf8Flag === true && (flags & 0x800) === 0 ? 'latin1' : 'utf8';
    const name = cd.toString(encoding, p + 46, p + 46 + nameLength);
    if (options.unsafeNames !== 'keep' && isUnsafeEntryName(name)) throw fail({ kind: 'unsafe-name', name });
    const entry: ZipEntry = {
      name,
      flags,
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    };
    if (entry.localHeaderOffset + 30 + entry.compressedSize > fileSize)
      throw fail({ kind: 'entry-range', name });
    entries.push(entry);
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return entries;
}

/** Lists the entries of a zip held in memory. */
export function listEntries(bytes: Buffer, options: ListOptions, fail: Fail): ZipEntry[] {
  if (bytes.length < 22) throw fail({ kind: 'no-end' });
  const tail = bytes.subarray(Math.max(0, bytes.length - MAX_TAIL));
  const place = locateDirectory(tail, bytes.length, fail);
  return parseDirectory(
    bytes.subarray(place.offset, place.offset + place.size),
    place.count,
    bytes.length,
    options,
    fail,
  );
}

/**
 * Checks what must hold before an entry is inflated (not encrypted, a known method, a declared
 * size within `limit`).
 */
export function checkEntry(entry: ZipEntry, limit: number, fail: Fail): void {
  if (entry.flags & 1) throw fail({ kind: 'encrypted', name: entry.name });
  if (entry.method !== 0 && entry.method !== 8) {
    throw fail({ kind: 'method', name: entry.name, method: entry.method });
  }
  if (entry.size > limit) throw fail({ kind: 'too-large', name: entry.name, limit, declared: entry.size });
}

/** Where an entry's data starts, from its 30-byte local header; checks it lies inside the file. */
export function dataStart(header: Buffer, entry: ZipEntry, fileSize: number, fail: Fail): number {
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) {
    throw fail({ kind: 'no-local-header', name: entry.name });
  }
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) throw fail({ kind: 'entry-range', name: entry.name });
  return start;
}

/** The compressed bytes of an entry of a zip held in memory. */
export function rawEntryBytes(bytes: Buffer, entry: ZipEntry, fail: Fail): Buffer {
  const at = entry.localHeaderOffset;
  const start = dataStart(bytes.subarray(at, at + 30), entry, bytes.length, fail);
  return bytes.subarray(start, start + entry.compressedSize);
}
