/**
 * exceljs's streaming WorkbookWriter (4.4.0), made and given crmkit's zip writer: the parts of it
 * this relies on that its typings do not show. Checked, with the other internals, by
 * test/labels/workbook/exceljs-internals.test.ts (exceljs is pinned to one exact version).
 */
import { createRequire } from 'node:module';
import { PassThrough, Readable, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { StreamZipWriter, type StreamZipOptions } from '../../zip/stream-write';

/** What exceljs's WorkbookWriter asks of its zip (archiver's interface) and where it keeps it. */
interface ZipInternals {
  append: (
    source: string | Buffer | Readable | { pipe: (to: Writable) => void },
    data: { name: string },
  ) => void;
  on: (event: string, listener: (e: unknown) => void) => ZipInternals;
  finalize: () => void;
}

interface ZipHolderInternals {
  zip: ZipInternals | { abort: () => unknown };
  stream: Writable;
  promise: Promise<unknown>;
  addThemes: () => Promise<void>;
  addOfficeRels: () => Promise<void>;
}

/**
 * Puts crmkit's streaming zip writer (src/zip/stream-write.ts) in place of the archiver exceljs's
 * WorkbookWriter makes: the same parts in the same order, CRC by zlib rather than in JavaScript,
 * and none of archiver's stream layers on this thread. Call it right after making the
 * WorkbookWriter without a stream of its own: its archiver then holds only the theme and the
 * package relationships (added again here), and is stopped. The zip's bytes go to `out`, ended
 * when the workbook is committed.
 */
export function useStreamZip(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: Writable,
  options: StreamZipOptions,
): StreamZipWriter {
  const book = workbook as unknown as ZipHolderInternals;
  (book.zip as { abort: () => unknown }).abort();
  const writer = new StreamZipWriter(out, options);
  const onError: ((e: unknown) => void)[] = [];
  const zip: ZipInternals = {
    append: (source, { name }) => {
      let data: string | Uint8Array | Readable;
      if (typeof source === 'string' || source instanceof Uint8Array || source instanceof Readable)
        data = source;
      else {
        // exceljs's StreamBuf is no Readable: it writes into what it is piped to, from now on.
        const pass = new PassThrough();
        source.pipe(pass);
        data = pass;
      }
      writer.append(name.replace(/^\/+/, ''), data);
    },
    on: (event, listener) => {
      if (event === 'error') onError.push(listener);
      return zip;
    },
    finalize: () => {
      writer.finish().catch((e: unknown) => onError.forEach((listener) => listener(e)));
    },
  };
  book.zip = zip;
  book.stream = out;
  book.promise = Promise.all([book.addThemes(), book.addOfficeRels()]);
  return writer;
}

/** The options of exceljs's streaming WorkbookWriter. */
export type WorkbookWriterOptions = Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>;

type WorkbookWriterClass = typeof ExcelJS.stream.xlsx.WorkbookWriter;

const requireExceljs = createRequire(import.meta.url);
let workbookWriterClass: WorkbookWriterClass | undefined;

/**
 * exceljs's streaming WorkbookWriter, loaded from its own module (exceljs's index loads its reader,
 * CSV and whole-workbook modules too, which costs an export twice the time to start) when first
 * needed: loading it takes about a tenth of a second, which an export spends while its label
 * reader's thread starts (write-workbooks.ts calls this then), not before.
 */
export function loadWorkbookWriter(): WorkbookWriterClass {
  workbookWriterClass ??= requireExceljs('exceljs/lib/stream/xlsx/workbook-writer.js') as WorkbookWriterClass;
  return workbookWriterClass;
}

export function newWorkbookWriter(options: WorkbookWriterOptions): ExcelJS.stream.xlsx.WorkbookWriter {
  const WorkbookWriter = loadWorkbookWriter();
  return new WorkbookWriter(options);
}
