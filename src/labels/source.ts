/**
 * Opens a translations input — an "Export Translations" zip or a bare CrmTranslations.xml — and
 * hands out its XML bytes as a stream (inflated with limits) and, for a zip, `[Content_Types].xml`.
 */
import { createReadStream } from 'node:fs';
import { CrmKitError } from '../errors';
import { openInput } from '../fs/open-input';
import { DEFAULT_MAX_ENTRY_SIZE, looksLikeZip, ZipReader, type ZipEntry } from '../zip/read';

export const TRANSLATIONS_ENTRY = 'CrmTranslations.xml';
export const CONTENT_TYPES_ENTRY = '[Content_Types].xml';

export interface TranslationsSource {
  kind: 'zip' | 'xml';
  /** How it was opened (a worker thread can open it again). */
  origin: { file: string; name: string; maxSize: number };
  /** How messages name the XML: `file.zip › CrmTranslations.xml` or `file.xml`. */
  where: string;
  /** The XML's size in bytes: the file's, or as the zip declares it (for planning, not trusted). */
  xmlSize: number;
  xml(): AsyncIterable<Buffer>;
  /** `[Content_Types].xml` byte for byte (zip only). */
  contentTypes(): Promise<Buffer>;
  close(): Promise<void>;
}

async function sniff(file: string, name: string): Promise<{ kind: 'zip' | 'xml'; size: number }> {
  const fh = await openInput({ path: file, name });
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    if (looksLikeZip(head.subarray(0, bytesRead))) return { kind: 'zip', size };
    if (/\.zip$/i.test(name)) throw new CrmKitError('NOT_A_ZIP', `${name}: not a zip file`);
    const text = head
      .toString('utf8', 0, bytesRead)
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (text.startsWith('<') || bytesRead === 0) return { kind: 'xml', size };
    throw new CrmKitError('NOT_A_ZIP', `${name}: neither a zip nor an XML file`);
  } finally {
    await fh.close();
  }
}

/** `file` is the resolved path, `name` the path as the user wrote it (for messages). */
export async function openTranslationsSource(
  file: string,
  name: string,
  maxSize = DEFAULT_MAX_ENTRY_SIZE,
): Promise<TranslationsSource> {
  const origin = { file, name, maxSize };
  const sniffed = await sniff(file, name);
  if (sniffed.kind === 'xml') {
    return {
      kind: 'xml',
      origin,
      where: name,
      xmlSize: sniffed.size,
      xml: () => createReadStream(file, { highWaterMark: 256 * 1024 }),
      contentTypes: () => Promise.reject(new Error('an XML input has no [Content_Types].xml')),
      close: () => Promise.resolve(),
    };
  }
  const zip = await ZipReader.open(file, name);
  const find = (entryName: string): ZipEntry | undefined =>
    zip.find(entryName) ?? zip.entries.find((e) => e.name.toLowerCase() === entryName.toLowerCase());
  const xmlEntry = find(TRANSLATIONS_ENTRY);
  if (xmlEntry === undefined) {
    await zip.close();
    throw new CrmKitError(
      'ZIP_ENTRY_MISSING',
      `${name}: no ${TRANSLATIONS_ENTRY} at the root of the zip; is it an "Export Translations" zip?`,
    );
  }
  return {
    kind: 'zip',
    origin,
    where: `${name} › ${xmlEntry.name}`,
    xmlSize: xmlEntry.size,
    xml: () => zip.stream(xmlEntry, maxSize),
    contentTypes: async () => {
      const entry = find(CONTENT_TYPES_ENTRY);
      if (entry === undefined) {
        throw new CrmKitError(
          'ZIP_ENTRY_MISSING',
          `${name}: no ${CONTENT_TYPES_ENTRY} at the root of the zip`,
        );
      }
      return zip.read(entry, Math.min(maxSize, 16 * 1024 * 1024));
    },
    close: () => zip.close(),
  };
}
