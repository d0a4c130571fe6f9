/**
 * Streams a CrmTranslations.xml (as bytes) through the scanner: labels go to the visitor, the
 * SHA-256 fingerprint of the bytes is computed on the way, and — when an output is given — the
 * file is copied to it (as its own bytes, patched-bytes.ts) with only the labels the visitor
 * changed rewritten.
 */
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { CrmKitError } from '../../errors';
import type { TranslationsHeader } from './model';
import { LabelRowSink, type TranslationsVisitor } from './labels-sink';
import { PatchedBytes } from './patched-bytes';
import { SpreadsheetHandler } from './spreadsheet';
import { Utf8Text } from './utf8-text';
import { XmlScanner } from './xml-scan';

export type { TranslationsVisitor } from './labels-sink';

export interface TranslationsReadResult {
  header: TranslationsHeader;
  /** SHA-256 (hex) of the input bytes. */
  fingerprint: string;
  /** Rows of both label sheets. */
  labelCount: number;
}

/** Bytes decoded at a time: the text stays under V8's large-object size (128 KB) even as UTF-16. */
const DECODE_BYTES = 32 * 1024;

export interface ReadTranslationsOptions {
  /** Read the rows Dynamics writes in one walk each (default); false reads every row tag by tag. */
  wholeRows?: boolean;
  /** Compute the SHA-256 fingerprint of the bytes (default); false leaves the result's empty. */
  fingerprint?: boolean;
}

/**
 * Reads `input` (UTF-8 bytes of CrmTranslations.xml). `where` names the file in messages.
 * With `output`, writes the patched file there (the caller ends the stream).
 */
export async function readTranslations(
  input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  where: string,
  visitor: TranslationsVisitor,
  output?: Writable,
  options: ReadTranslationsOptions = {},
): Promise<TranslationsReadResult> {
  const sink = new LabelRowSink(visitor, where);
  const handler = new SpreadsheetHandler(sink, where, options.wholeRows ?? true);
  const patched = output === undefined ? undefined : new PatchedBytes();
  const scanner = new XmlScanner(handler, where, patched);
  handler.scanner = scanner;
  sink.scanner = scanner;
  const hash = options.fingerprint === false ? undefined : createHash('sha256');
  const text = new Utf8Text(() => new CrmKitError('XML_MALFORMED', `${where}: not valid UTF-8 text`));
  // The scanner may keep the start of a row waiting for its end: whatever else fails (the input,
  // its UTF-8) lets the scanner read that text first, so that an error in it wins as it would
  // have when read at once.
  let scanning = false;
  const scan = (piece: string): void => {
    scanning = true;
    scanner.write(piece);
    scanning = false;
  };
  try {
    for await (const chunk of input) {
      hash?.update(chunk);
      // Decoded in small pieces: a string of a whole 256 KB chunk would be born in V8's large-object
      // space, freed only by full collections, and the heap would grow with the file.
      for (let at = 0; at < chunk.length; at += DECODE_BYTES) {
        const piece = text.decode(chunk.subarray(at, at + DECODE_BYTES));
        patched?.add(piece, text.decodedBytes());
        scan(piece);
      }
      if (output !== undefined && patched !== undefined) await flush(output, patched.take());
    }
    text.end();
  } catch (e) {
    if (!scanning) scanner.flush();
    throw e;
  }
  scanner.end();
  if (output !== undefined && patched !== undefined) await flush(output, patched.end());
  return { header: sink.header(), fingerprint: hash?.digest('hex') ?? '', labelCount: sink.labelCount };
}
async function flush(output: Writable, bytes: Buffer): Promise<void> {
  if (bytes.length === 0) return;
  if (!output.write(bytes)) {
    await new Promise<void>((resolve, reject) => {
      const onDrain = (): void => {
        output.off('error', onError);
        resolve();
      };
      const onError = (e: Error): void => {
        output.off('drain', onDrain);
        reject(e);
      };
      output.once('drain', onDrain);
      output.once('error', onError);
    });
  }
}
