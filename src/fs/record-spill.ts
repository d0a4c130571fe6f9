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
  /** Removes the files left (after a failure, or when the groups were not all read). */
  discard(): void;
}

/** FNV-1a over the UTF-16 code units: cheap, and spreads texts evenly. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Fields as `<length>:<text>` (length in UTF-16 units): any text round-trips, separators included. */
function encode(fields: readonly string[]): string {
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
function decodeComplete(text: string, into: string[][]): number {
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

/** A partition file's records, read in small pieces. */
function readPartition(file: string): string[][] {
  const records: string[][] = [];
  const decoder = new TextDecoder();
  const piece = Buffer.allocUnsafe(READ_BYTES);
  const fd = openSync(file, 'r');
  try {
    let carry = '';
    for (;;) {
      const n = readSync(fd, piece, 0, READ_BYTES, null);
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

export function createRecordSpill(options: SpillOptions = {}): RecordSpill {
  const limit = options.memoryLimit ?? 20_000;
  const count = options.partitions ?? 256;
  let held: { key: string; fields: readonly string[] }[] | undefined = [];
  interface SpillFile {
    path: string;
    fd: number;
    buffer: Buffer;
    used: number;
  }
  const files: SpillFile[] = [];
  let added = 0;
  let onDisk = false;

  const flush = (file: SpillFile): void => {
    if (file.used > 0) writeSync(file.fd, file.buffer, 0, file.used);
    file.used = 0;
  };
  const put = (key: string, fields: readonly string[]): void => {
    const file = files[hash(key) % count]!;
    const record = encode(fields);
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    if (file.used + record.length * 3 > BUFFER_BYTES) {
      flush(file);
      if (record.length * 3 > BUFFER_BYTES) {
        writeSync(file.fd, record);
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
      });
    }
    for (const r of held ?? []) put(r.key, r.fields);
    held = undefined;
    onDisk = true;
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

  return {
    add(key, fields) {
      added++;
      if (held === undefined) {
        put(key, fields);
        return;
      }
      held.push({ key, fields });
      if (held.length > limit) spill();
    },
    get count() {
      return added;
    },
    get spilled() {
      return onDisk;
    },
    *groups() {
      if (held !== undefined) {
        const all = held.map((r) => r.fields as string[]);
        held = [];
        yield all;
        return;
      }
      try {
        for (const file of files) flush(file);
        while (files.length > 0) {
          const records = readPartition(files[0]!.path);
          removeFirst();
          yield records;
        }
      } finally {
        discard();
      }
    },
    discard,
  };
}
