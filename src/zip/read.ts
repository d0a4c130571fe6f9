/**
 * Reads the labels' zip files (Export Translations zips) with limits, through the shared zip
 * parser: an entry is streamed from the file and refused when its declared size is over the limit
 * before anything is inflated, or when the inflated bytes pass the limit (a zip that lies about
 * sizes). Entry names are only compared, never used as paths; `..` or absolute names are refused.
 */
import { CrmKitError } from '../errors';
import type { ZipEntry, ZipFault } from './directory';
import { ZipFile } from './zip-file';

export { isUnsafeEntryName, looksLikeZip, type ZipEntry } from './directory';

export const DEFAULT_MAX_ENTRY_SIZE = 1024 * 1024 * 1024;

/** This reader's wording of a fault (`where` names the zip). */
function labelsZipError(where: string, fault: ZipFault): CrmKitError {
  const notZip = (why: string): CrmKitError =>
    new CrmKitError('NOT_A_ZIP', `${where}: not a zip file (${why})`);
  const entry = (name: string, what: string): CrmKitError =>
    new CrmKitError('NOT_A_ZIP', `${where} › ${name}: entry ${what}`);
  switch (fault.kind) {
    case 'no-end':
      return notZip('no end-of-central-directory record');
    case 'zip64':
      return notZip('zip64 archives are not supported');
    case 'directory':
      return notZip('broken central directory');
    case 'too-many':
      return notZip(`${fault.count} entries`);
    case 'unsafe-name':
      return new CrmKitError(
        'ZIP_UNSAFE_PATH',
        `${where}: entry name "${fault.name}" is an unsafe path; refusing the zip`,
      );
    case 'entry-range':
      return notZip(`entry ${fault.name} out of range`);
    case 'no-local-header':
      return entry(fault.name, 'has no local header');
    case 'encrypted':
      return entry(fault.name, 'is encrypted');
    case 'method':
      return entry(fault.name, `uses compression method ${fault.method}`);
    case 'inflate':
      return entry(fault.name, `cannot be inflated (${fault.detail})`);
    case 'mismatch':
      return entry(fault.name, 'is corrupt (size or CRC mismatch)');
    case 'too-large':
      return new CrmKitError(
        'ZIP_TOO_LARGE',
        `${where} › ${fault.name}: inflates past the limit of ${formatSize(fault.limit)} (raise it with --max-size)`,
      );
  }
}

export class ZipReader {
  private constructor(private readonly zip: ZipFile) {}

  get entries(): readonly ZipEntry[] {
    return this.zip.entries;
  }

  /** Opens `path`; `where` names it in messages. Refuses a non-zip or an unsafe entry name. */
  static async open(path: string, where: string): Promise<ZipReader> {
    return new ZipReader(await ZipFile.open(path, (fault) => labelsZipError(where, fault)));
  }

  find(name: string): ZipEntry | undefined {
    return this.zip.find(name);
  }

  close(): Promise<void> {
    return this.zip.close();
  }

  /** Streams the entry's bytes, inflating; refuses an entry bigger than `maxSize` bytes. */
  stream(entry: ZipEntry, maxSize: number): AsyncGenerator<Buffer> {
    return this.zip.stream(entry, { limit: maxSize });
  }

  /** The whole entry in memory (for small parts such as `[Content_Types].xml`). */
  read(entry: ZipEntry, maxSize: number): Promise<Buffer> {
    return this.zip.read(entry, { limit: maxSize });
  }
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MiB`;
  return `${bytes} bytes`;
}
