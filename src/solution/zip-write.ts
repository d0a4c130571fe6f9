import JSZip from 'jszip';

/** Every entry gets this time, so the same inputs always give the same bytes. */
export const FIXED_ENTRY_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

/**
 * Writes entries in exactly the given order, deflated, with fixed times, DOS attributes and no
 * folder entries: a deterministic function of its input.
 */
export async function writeZip(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const e of entries) {
    zip.file(e.path, e.bytes, { date: FIXED_ENTRY_DATE, createFolders: false, binary: true });
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
