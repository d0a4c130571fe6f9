/**
 * Records grouped by key, on disk once there are many: the first `memoryLimit` records are held in
 * memory; past that, every record goes to one of `partitions` temporary files chosen by a hash of
 * its key. Read back one group at a time (all records of one key are in the same group, in the
 * order added), so work that groups by key (check's variants, the memory build) keeps its peak
 * memory flat however large the input. The files are removed when read, on `discard`, and when
 * the command is interrupted (see temp-files.ts).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { trackTemp, untrackTemp } from './temp-files';

export interface SpillOptions {
  /** Records held in memory before they go to disk (default 20,000). */
  memoryLimit?: number;
  /** Files the records are spread over once on disk (default 256). */
  partitions?: number;
  /** Folder of the temporary files (default the system's). */
  dir?: string;
}

export interface RecordSpill {
  /** Adds a record (its fields; `key` decides its group). */
  add(key: string, fields: readonly string[]): void;
  /** Records added so far. */
  readonly count: number;
  /** True once records went to disk. */
  readonly spilled: boolean;
  /** The groups, each read whole and removed; one group of everything when nothing went to disk. */
  groups(): Generator<string[][]>;
  /**
   * The groups as groups() gives them, each read from disk a piece at a time as it is iterated (so
   * a group of a million records costs no more memory than its consumer keeps): iterate each
   * group once, before asking for the next.
   */
  groupStreams(): Generator<Iterable<string[]>>;
  /** Removes the files left (after a failure, or when the groups were not all read). */
  discard(): void;
}

/** A refusal of the file system (no space, past the file size limit, no permission…), not a bug. */
const isFileSystemError = (e: unknown): boolean =>
  typeof (e as { code?: unknown } | null)?.code === 'string' &&
  (e as { syscall?: unknown }).syscall !== undefined;

/** FNV-1a over the UTF-16 code units: cheap, and spreads texts evenly. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Fields as `<length>:<text>` (length in UTF-16 units): any text round-trips, separators included. */
export function encode(fields: readonly string[]): string {
  let s = `${fields.length}:`;
  for (const f of fields) s += `${f.length}:${f}`;
  return s;
}

/** Bytes buffered per file before a write: the records' strings die young (never reach the old heap). */
const BUFFER_BYTES = 1 << 14;

/**
 * The records of `text` that are complete, and where the first incomplete one starts (records
 * may be cut where a read ended).
 */
export function decodeComplete(text: string, into: string[][]): number {
  let i = 0;
  const number = (at: number): [number, number] | undefined => {
    const colon = text.indexOf(':', at);
    return colon === -1 ? undefined : [Number(text.slice(at, colon)), colon + 1];
  };
  for (;;) {
    const head = number(i);
    if (head === undefined) return i;
    let [count, at] = head;
    const fields: string[] = [];
    for (; count > 0; count--) {
      const field = number(at);
      if (field === undefined || field[1] + field[0] > text.length) return i;
      fields.push(text.slice(field[1], field[1] + field[0]));
      at = field[1] + field[0];
    }
    into.push(fields);
    i = at;
  }
}

/** Bytes read from a partition at a time: the text stays out of V8's large-object space. */
const READ_BYTES = 32 * 1024;

/** A partition file's records (its first `bytes` bytes, all by default), read in small pieces. */
function readPartition(file: string, bytes = Infinity, records: string[][] = []): string[][] {
  const decoder = new TextDecoder();
  const piece = Buffer.allocUnsafe(READ_BYTES);
  const fd = openSync(file, 'r');
  try {
    let carry = '';
    for (let left = bytes; ;) {
      const n = readSync(fd, piece, 0, Math.min(READ_BYTES, left), null);
      left -= n;
      const text = carry + decoder.decode(piece.subarray(0, n), { stream: n > 0 });
      carry = text.slice(decodeComplete(text, records));
      if (n === 0) break;
    }
    if (carry !== '') throw new Error(`${file}: the spilled records end mid-record`);
  } finally {
    closeSync(fd);
  }
  return records;
}

/** A partition file's records, read a piece at a time as they are asked for. */
function* partitionRecords(file: string): Generator<string[]> {
  const decoder = new TextDecoder();
  const piece = Buffer.allocUnsafe(READ_BYTES);
  const fd = openSync(file, 'r');
  try {
    let carry = '';
    const records: string[][] = [];
    for (;;) {
      const n = readSync(fd, piece, 0, READ_BYTES, null);
      const text = carry + decoder.decode(piece.subarray(0, n), { stream: n > 0 });
      carry = text.slice(decodeComplete(text, records));
      yield* records.splice(0);
      if (n === 0) break;
    }
    if (carry !== '') throw new Error(`${file}: the spilled records end mid-record`);
  } finally {
    closeSync(fd);
  }
}

export function createRecordSpill(options: SpillOptions = {}): RecordSpill {
  const limit = options.memoryLimit ?? 20_000;
  const count = options.partitions ?? 256;
  let held: { key: string; fields: readonly string[] }[] | undefined = [];
  interface SpillFile {
    path: string;
    fd: number;
    buffer: Buffer;
    used: number;
    /** Bytes in the file, whole records only. */
    written: number;
  }
  /** Set when the disk refused a write (full, or past the file size limit): memory from then on. */
  let diskFailed = false;
  const files: SpillFile[] = [];
  let added = 0;
  let onDisk = false;

  const writeAll = (file: SpillFile, bytes: Uint8Array): void => {
    for (let at = 0; at < bytes.length;) at += writeSync(file.fd, bytes, at, bytes.length - at);
    file.written += bytes.length;
  };
  const flush = (file: SpillFile): void => {
    if (file.used > 0) writeAll(file, file.buffer.subarray(0, file.used));
    file.used = 0;
  };
  const put = (key: string, fields: readonly string[]): void => {
    const file = files[hash(key) % count]!;
    const record = encode(fields);
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    if (file.used + record.length * 3 > BUFFER_BYTES) {
      flush(file);
      if (record.length * 3 > BUFFER_BYTES) {
        writeAll(file, Buffer.from(record, 'utf8'));
        return;
      }
    }
    file.used += file.buffer.write(record, file.used, 'utf8');
  };
  const spill = (): void => {
    const prefix = path.join(
      options.dir ?? tmpdir(),
      `crmkit-spill-${process.pid}-${randomBytes(4).toString('hex')}`,
    );
    for (let i = 0; i < count; i++) {
      const file = `${prefix}-${i}.tmp`;
      trackTemp(file);
      files.push({
        path: file,
        fd: openSync(file, 'wx', 0o600),
        buffer: Buffer.allocUnsafe(BUFFER_BYTES),
        used: 0,
        written: 0,
      });
    }
    for (const r of held ?? []) put(r.key, r.fields);
    held = undefined;
    onDisk = true;
  };
  /**
   * The disk refused a write: every record written or buffered comes back into memory (each
   * key's records still in the order added) and the files go. Flat memory is lost, not records.
   */
  const backToMemory = (): void => {
    diskFailed = true;
    if (held === undefined) {
      const records: string[][] = [];
      for (const file of files) {
        readPartition(file.path, file.written, records);
        decodeComplete(new TextDecoder().decode(file.buffer.subarray(0, file.used)), records);
      }
      held = records.map((fields) => ({ key: '', fields }));
    }
    while (files.length > 0) removeFirst();
  };
  /** Closes and removes the first file left. */
  const removeFirst = (): void => {
    const file = files.shift();
    if (file === undefined) return;
    try {
      closeSync(file.fd);
    } finally {
      rmSync(file.path, { force: true });
      untrackTemp(file.path, false);
    }
  };
  const discard = (): void => {
    while (files.length > 0) removeFirst();
    held = [];
  };

  function* groupStreams(): Generator<Iterable<string[]>> {
    if (held === undefined) {
      try {
        for (const file of files) flush(file);
      } catch (e) {
        if (!isFileSystemError(e)) throw e;
        backToMemory();
      }
    }
    if (held !== undefined) {
      const all = held.map((r) => r.fields as string[]);
      held = [];
      yield all;
      return;
    }
    try {
      while (files.length > 0) {
        yield partitionRecords(files[0]!.path);
        removeFirst();
      }
    } finally {
      discard();
    }
  }

  return {
    add(key, fields) {
      added++;
      if (held === undefined) {
        try {
          put(key, fields);
        } catch (e) {
          if (!isFileSystemError(e)) throw e;
          backToMemory();
          held!.push({ key, fields });
        }
        return;
      }
      held.push({ key, fields });
      if (held.length > limit && !diskFailed) {
        try {
          spill();
        } catch (e) {
          if (!isFileSystemError(e)) throw e;
          backToMemory();
        }
      }
    },
    get count() {
      return added;
    },
    get spilled() {
      return onDisk;
    },
    *groups() {
      for (const group of groupStreams()) yield [...group];
    },
    groupStreams,
    discard,
  };
}
