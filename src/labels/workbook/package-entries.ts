/**
 * The parts of an .xlsx package, found through the zip's central directory (src/zip) so that any
 * part can be read in any order (Excel, LibreOffice and exceljs each store them in a different
 * order). A workbook on disk is read from its file, a part's compressed bytes streamed and
 * inflated as they are scanned, so memory stays flat however large the sheet; a workbook given as
 * a stream is collected in memory first. Sizes are limited twice: by what the directory declares,
 * and while inflating, in case it lies. Part names are only looked up, never used as file paths.
 */
import { ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CrmKitError } from '../../errors';
import { Utf8Text } from '../crm-xml/utf8-text';
import { listEntries, rawEntryBytes, type ZipEntry, type ZipFault } from '../../zip/directory';
import { bytesStream, inflateEntry, inflateEntryStream } from '../../zip/entry-data';
import { ZipFile } from '../../zip/zip-file';

export interface PackageLimits {
  /** Largest inflated size of one part, in bytes. */
  maxEntryBytes: number;
}

export const defaultPackageLimits: PackageLimits = { maxEntryBytes: 1024 ** 3 };

/** A workbook: a file path, its bytes, or a stream of them (a file stream is read as the file). */
export type WorkbookSource = Readable | Uint8Array | { path: string };

/** The parts of one workbook package. */
export interface WorkbookPackage {
  /** The workbook's file and part limit, when it is read from a file (a worker may open it again). */
  file?: { path: string; maxEntryBytes: number };
  has(part: string): boolean;
  /** A whole (small) part as text; undefined when the package has no such part. */
  text(part: string): Promise<string | undefined>;
  /** A part as UTF-8 text chunks (characters never split across chunks). */
  chunks(part: string): AsyncGenerator<string>;
  close(): Promise<void>;
}

function notAWorkbook(fileName: string, why: string): CrmKitError {
  return new CrmKitError('NOT_A_WORKBOOK', `${fileName}: not an .xlsx workbook (${why})`);
}

/** This reader's wording of a zip fault. */
function workbookZipError(fileName: string, fault: ZipFault): CrmKitError {
  switch (fault.kind) {
    case 'no-end':
      return notAWorkbook(fileName, 'not a zip file');
    case 'zip64':
      return notAWorkbook(fileName, 'ZIP64 archives are not supported');
    case 'directory':
    case 'too-many':
    case 'unsafe-name':
      return notAWorkbook(fileName, 'damaged zip directory');
    case 'entry-range':
      return notAWorkbook(fileName, `truncated zip entry ${fault.name}`);
    case 'no-local-header':
      return notAWorkbook(fileName, `damaged zip entry ${fault.name}`);
    case 'encrypted':
      return notAWorkbook(fileName, `${fault.name} is encrypted`);
    case 'method':
      return notAWorkbook(fileName, `${fault.name} uses zip compression method ${fault.method}`);
    case 'inflate':
    case 'mismatch':
      return notAWorkbook(fileName, `${fault.name} cannot be inflated`);
    case 'too-large':
      return new CrmKitError(
        'ZIP_TOO_LARGE',
        `${fileName}: the part ${fault.name.replace(/^\/+/, '')} inflates past the limit of ${fault.limit} bytes`,
      );
  }
}

/** Entries by part name (a leading `/` is dropped). */
function byPartName(entries: readonly ZipEntry[]): Map<string, ZipEntry> {
  return new Map(entries.map((e) => [e.name.replace(/^\/+/, ''), e]));
}

/** The path of a plain file stream (`createReadStream(path)`), read as that file instead. */
function filePathOf(input: WorkbookSource): string | undefined {
  if ('path' in input && typeof input.path === 'string' && !(input instanceof ReadStream)) return input.path;
  if (input instanceof ReadStream && typeof input.path === 'string' && input.bytesRead === 0) {
    const { start } = input as unknown as { start?: number };
    if (start === undefined || start === 0) {
      input.destroy();
      return input.path;
    }
  }
  return undefined;
}

export async function openWorkbookPackage(
  input: WorkbookSource,
  fileName: string,
  limits: PackageLimits,
  maxFileBytes: number,
): Promise<WorkbookPackage> {
  const fail = (fault: ZipFault): CrmKitError => workbookZipError(fileName, fault);
  const tooBig = (): CrmKitError =>
    new CrmKitError('ZIP_TOO_LARGE', `${fileName}: larger than ${maxFileBytes} bytes`);
  const options = { limit: limits.maxEntryBytes, verify: 'none' } as const;
  const path = input instanceof Uint8Array ? undefined : filePathOf(input);
  if (path !== undefined) {
    if ((await stat(path)).size > maxFileBytes) throw tooBig();
    const zip = await ZipFile.open(path, fail, { unsafeNames: 'keep' });
    const entries = byPartName(zip.entries);
    const entryOf = (part: string): ZipEntry => {
      const entry = entries.get(part);
      if (entry === undefined)
        throw new CrmKitError('NOT_A_WORKBOOK', `${fileName}: the part ${part} is missing`);
      return entry;
    };
    return {
      file: { path, maxEntryBytes: limits.maxEntryBytes },
      has: (part) => entries.has(part),
      text: async (part) => {
        const entry = entries.get(part);
        return entry === undefined ? undefined : (await zip.read(entry, options)).toString('utf8');
      },
      chunks: (part) => utf8Chunks(zip.stream(entryOf(part), options)),
      close: () => zip.close(),
    };
  }
  const zip =
    input instanceof Uint8Array
      ? Buffer.from(input.buffer, input.byteOffset, input.byteLength)
      : await readAll(input as Readable, fileName, maxFileBytes);
  if (zip.length > maxFileBytes) throw tooBig();
  const entries = byPartName(listEntries(zip, { unsafeNames: 'keep' }, fail));
  const entryOf = (part: string): ZipEntry => {
    const entry = entries.get(part);
    if (entry === undefined)
      throw new CrmKitError('NOT_A_WORKBOOK', `${fileName}: the part ${part} is missing`);
    return entry;
  };
  return {
    has: (part) => entries.has(part),
    text: (part) => {
      const entry = entries.get(part);
      if (entry === undefined) return Promise.resolve(undefined);
      return Promise.resolve(
        inflateEntry(rawEntryBytes(zip, entry, fail), entry, options, fail).toString('utf8'),
      );
    },
    chunks: (part) => {
      const entry = entryOf(part);
      return utf8Chunks(
        inflateEntryStream(bytesStream(rawEntryBytes(zip, entry, fail)), entry, options, fail),
      );
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Decodes UTF-8 byte chunks into text chunks (a character split across two waits for the next).
 * Bytes that are not UTF-8 become U+FFFD as the standard decoder makes them: valid text is
 * decoded the fast way (utf8-text.ts), and from the first invalid byte on, the standard decoder
 * takes over, given the bytes held back so far.
 */
export async function* utf8Chunks(bytes: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<string> {
  const invalid = new Error('not UTF-8');
  const fast = new Utf8Text(() => invalid);
  let decoder: TextDecoder | undefined;
  for await (const piece of smallPieces(bytes)) {
    if (decoder === undefined) {
      const held = fast.pending;
      try {
        const text = fast.decode(piece);
        if (text !== '') yield text;
        continue;
      } catch (e) {
        if (e !== invalid) throw e;
        decoder = new TextDecoder('utf-8', { ignoreBOM: true });
        yield decoder.decode(held === undefined ? piece : Buffer.concat([held, piece]), { stream: true });
        continue;
      }
    }
    yield decoder.decode(piece, { stream: true });
  }
  if (decoder === undefined) {
    const held = fast.pending;
    if (held !== undefined) decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    if (decoder === undefined || held === undefined) return;
    const rest = decoder.decode(held);
    if (rest !== '') yield rest;
    return;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/**
 * Bytes decoded at a time: the text of a piece (two bytes a character once one is not Latin-1)
 * stays under V8's large-object size (128 KB), so it is born and dies in the young generation;
 * a string of a whole 256 KB inflated chunk would wait for a full collection.
 */
const DECODE_BYTES = 32 * 1024;

async function* smallPieces(bytes: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of bytes) {
    if (chunk.length <= DECODE_BYTES) yield chunk;
    else for (let at = 0; at < chunk.length; at += DECODE_BYTES) yield chunk.subarray(at, at + DECODE_BYTES);
  }
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
