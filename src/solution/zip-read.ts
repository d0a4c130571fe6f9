/**
 * Reads a solution zip held in memory, through the shared zip parser (src/zip): stored and
 * deflated entries only, every entry's declared and actual inflated size held to the limits, CRC
 * checked. Unsafe entry names are kept in the listing: the check reports them as findings.
 */
import { CrmKitError } from '../errors';
import { listEntries, rawEntryBytes, type ZipFault } from '../zip/directory';
import { inflateEntry } from '../zip/entry-data';

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

/** This reader's wording of a fault (`where` names the zip). */
function solutionZipError(where: string, fault: ZipFault): CrmKitError {
  const notZip = (why: string): CrmKitError =>
    new CrmKitError('NOT_A_ZIP', `${where}: not a readable zip (${why})`);
  switch (fault.kind) {
    case 'no-end':
      return notZip('no end of central directory');
    case 'zip64':
      return notZip('zip64 archives are not supported');
    case 'directory':
      return notZip('damaged central directory');
    case 'too-many':
      return new CrmKitError(
        'ZIP_TOO_LARGE',
        `${where}: ${fault.count} entries, at most ${fault.max} are read`,
      );
    case 'unsafe-name':
      return notZip(`${fault.name} is an unsafe name`);
    case 'entry-range':
      return notZip(`${fault.name} is truncated`);
    case 'no-local-header':
      return notZip(`${fault.name} has no local header`);
    case 'encrypted':
      return notZip(`${fault.name} is encrypted`);
    case 'method':
      return notZip(`${fault.name} uses compression method ${fault.method}`);
    case 'inflate':
      return notZip(`${fault.name} cannot be inflated`);
    case 'mismatch':
      return notZip(`${fault.name} is damaged (CRC mismatch)`);
    case 'too-large':
      return new CrmKitError(
        'ZIP_TOO_LARGE',
        fault.declared === undefined
          ? `${where}: ${fault.name} inflates to more than the limit of ${fault.limit} bytes`
          : `${where}: ${fault.name} declares ${fault.declared} bytes, more than the limit of ${fault.limit}`,
      );
  }
}

/** Reads every entry of a zip without trusting it; throws CrmKitError NOT_A_ZIP or ZIP_TOO_LARGE. */
export function readZip(bytes: Uint8Array, where: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipRead {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (fault: ZipFault): CrmKitError => solutionZipError(where, fault);
  const entries = listEntries(
    buf,
    { unsafeNames: 'keep', maxEntries: limits.maxEntries, honourUtf8Flag: true },
    fail,
  );
  const names: string[] = [];
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    names.push(entry.name);
    if (entry.name.endsWith('/')) continue;
    const inflated = inflateEntry(
      rawEntryBytes(buf, entry, fail),
      entry,
      { limit: limits.maxEntryBytes, verify: 'crc' },
      fail,
    );
    // A stored entry's bytes are a view of the input: copied so the result owns its bytes.
    const data = entry.method === 0 ? Buffer.from(inflated) : inflated;
    total += data.length;
    if (total > limits.maxTotalBytes) {
      throw new CrmKitError(
        'ZIP_TOO_LARGE',
        `${where}: entries inflate to more than ${limits.maxTotalBytes} bytes`,
      );
    }
    files.set(entry.name, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return { names, files };
}
