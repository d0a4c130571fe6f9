import { crc32, inflateRawSync } from 'node:zlib';
import { CrmKitError } from '../errors';

export interface ZipLimits {
  /** Largest inflated size of one entry. */
  maxEntryBytes: number;
  /** Largest inflated size of all entries together. */
  maxTotalBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipRead {
  /** Entry names in the order of the central directory. */
  names: string[];
  /** Inflated bytes per entry name (folder entries have none). */
  files: Map<string, Uint8Array>;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/**
 * Reads a zip without trusting it: central directory parsed by hand, stored and deflated entries
 * only, every entry's declared and actual inflated size held to the limits.
 */
export function readZip(bytes: Uint8Array, where: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipRead {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = (why: string): CrmKitError =>
    new CrmKitError('NOT_A_ZIP', `${where}: not a readable zip (${why})`);
  const eocd = buf.length >= 22 ? findEndOfCentralDirectory(buf) : -1;
  if (eocd < 0) throw notZip('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw notZip('zip64 archives are not supported');
  if (count > limits.maxEntries) {
    throw new CrmKitError(
      'ZIP_TOO_LARGE',
      `${where}: ${count} entries, at most ${limits.maxEntries} are read`,
    );
  }
  const names: string[] = [];
  const files = new Map<string, Uint8Array>();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw notZip('damaged central directory');
    const flags = buf.readUInt16LE(p + 8);
    const crc = buf.readUInt32LE(p + 16);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const declaredSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    names.push(name);
    if (name.endsWith('/')) continue;
    if (flags & 0x1) throw notZip(`${name} is encrypted`);
    if (declaredSize > limits.maxEntryBytes) {
      throw new CrmKitError(
        'ZIP_TOO_LARGE',
        `${where}: ${name} declares ${declaredSize} bytes, more than the limit of ${limits.maxEntryBytes}`,
      );
    }
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) {
      throw notZip(`${name} has no local header`);
    }
    const dataStart =
      localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buf.length) throw notZip(`${name} is truncated`);
    const raw = buf.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: limits.maxEntryBytes });
      } catch (e) {
        if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new CrmKitError(
            'ZIP_TOO_LARGE',
            `${where}: ${name} inflates to more than the limit of ${limits.maxEntryBytes} bytes`,
          );
        }
        throw notZip(`${name} cannot be inflated`);
      }
    } else throw notZip(`${name} uses compression method ${method}`);
    if (crc32(data) >>> 0 !== crc) throw notZip(`${name} is damaged (CRC mismatch)`);
    total += data.length;
    if (total > limits.maxTotalBytes) {
      throw new CrmKitError(
        'ZIP_TOO_LARGE',
        `${where}: entries inflate to more than ${limits.maxTotalBytes} bytes`,
      );
    }
    files.set(name, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return { names, files };
}
