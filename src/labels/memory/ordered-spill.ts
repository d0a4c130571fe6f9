/**
 * Records kept on disk in the order added, read back in that order as often as needed: what lets
 * `labels export --memory` and `--consistency` scan each file's XML once. The first pass writes
 * every label (and every past translation) here; the later passes replay them, which costs a
 * fraction of scanning the XML again, with memory flat (read back in small pieces). Records are
 * encoded as src/fs/record-spill.ts does (any text round-trips). The file is removed on `discard`
 * and when the command is interrupted (see temp-files.ts). A write the disk refuses (full, past
 * the file size limit) is an IO error naming the file and what the file system said.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeComplete, encode } from '../../fs/record-spill';
import { trackTemp, untrackTemp } from '../../fs/temp-files';
import { isFileSystemError, outputError } from '../../fs/write-error';

/** Bytes gathered before a write, and read back at a time. */
const PIECE_BYTES = 64 * 1024;

export interface OrderedSpill {
  add(fields: readonly string[]): void;
  readonly count: number;
  /**
   * Every record in the order added, a piece at a time; `pace` is awaited between pieces (the
   * consumer's back-pressure). Call once adding is over; may be called again.
   */
  replay(onRecord: (fields: string[]) => void, pace?: () => Promise<void>): Promise<void>;
  /** Removes the file (idempotent). */
  discard(): void;
}

export function createOrderedSpill(dir = tmpdir()): OrderedSpill {
  const file = path.join(dir, `crmkit-labels-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  trackTemp(file);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (e) {
    untrackTemp(file, false);
    throw isFileSystemError(e) ? outputError(e, file) : e;
  }
  let buffer = Buffer.allocUnsafe(PIECE_BYTES);
  let used = 0;
  let count = 0;
  let removed = false;

  const writeAll = (bytes: Uint8Array): void => {
    if (fd === undefined) throw new Error('records added after the spill was read');
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      // A full disk (or a file size limit) is the user's to fix, not a crash: say which file.
      throw isFileSystemError(e) ? outputError(e, file) : e;
    }
  };
  const flush = (): void => {
    if (used > 0) writeAll(buffer.subarray(0, used));
    used = 0;
  };
  const close = (): void => {
    if (fd === undefined) return;
    flush();
    closeSync(fd);
    fd = undefined;
    buffer = Buffer.alloc(0);
  };

  return {
    add(fields) {
      const record = encode(fields);
      count++;
      // At most 3 bytes of UTF-8 per UTF-16 unit.
      if (used + record.length * 3 > PIECE_BYTES) {
        flush();
        if (record.length * 3 > PIECE_BYTES) {
          writeAll(Buffer.from(record, 'utf8'));
          return;
        }
      }
      used += buffer.write(record, used, 'utf8');
    },
    get count() {
      return count;
    },
    async replay(onRecord, pace) {
      close();
      const fh = await open(file, 'r');
      try {
        const decoder = new TextDecoder();
        const piece = Buffer.allocUnsafe(PIECE_BYTES);
        const records: string[][] = [];
        let carry = '';
        for (;;) {
          const { bytesRead } = await fh.read(piece, 0, PIECE_BYTES, null);
          const text = carry + decoder.decode(piece.subarray(0, bytesRead), { stream: bytesRead > 0 });
          carry = text.slice(decodeComplete(text, records));
          for (const r of records) onRecord(r);
          records.length = 0;
          if (bytesRead === 0) break;
          await pace?.();
        }
        if (carry !== '') throw new Error(`${file}: the spilled records end mid-record`);
      } finally {
        await fh.close();
      }
    },
    discard() {
      if (removed) return;
      removed = true;
      try {
        if (fd !== undefined) closeSync(fd);
      } finally {
        fd = undefined;
        rmSync(file, { force: true });
        untrackTemp(file, false);
      }
    },
  };
}
