/**
 * The zip records both writers make (write.ts seeks, stream-write.ts streams): local headers,
 * central directory entries and the end of the central directory, for DEFLATE entries without
 * ZIP64, extra fields or comments.
 */

/** An entry as written: what its headers say. */
export interface ZipEntryRecord {
  /** The name's UTF-8 bytes. */
  name: Buffer;
  /** 0x800 when the name needs UTF-8 (readers take a name without it as CP437/Latin-1); 0x8 for a data descriptor. */
  flags: number;
  /** Where its local header starts. */
  offset: number;
  crc: number;
  compressedSize: number;
  size: number;
}

export interface DosStamp {
  date: number;
  time: number;
}

/** DOS date and time of a Date (local fields as zip tools expect). */
export function dosDateTime(d: Date): DosStamp {
  return {
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  };
}

/** The general purpose flags of an entry named `name`: UTF-8 when its bytes are not all ASCII. */
export function nameFlags(name: string, nameBytes: Buffer): number {
  return nameBytes.length === name.length ? 0 : 0x800;
}

/** A local header (`central` false) or a central directory entry of `e`. */
export function entryHeader(e: ZipEntryRecord, central: boolean, stamp: DosStamp): Buffer {
  const b = Buffer.alloc((central ? 46 : 30) + e.name.length);
  let p = 0;
  b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, p);
  p += 4;
  if (central) {
    b.writeUInt16LE(20, p); // version made by
    p += 2;
  }
  b.writeUInt16LE(20, p); // version needed
  b.writeUInt16LE(e.flags, p + 2);
  b.writeUInt16LE(8, p + 4); // deflate
  b.writeUInt16LE(stamp.time, p + 6);
  b.writeUInt16LE(stamp.date, p + 8);
  b.writeUInt32LE(e.crc >>> 0, p + 10);
  b.writeUInt32LE(e.compressedSize, p + 14);
  b.writeUInt32LE(e.size, p + 18);
  b.writeUInt16LE(e.name.length, p + 22);
  // Extra field length, then (central) comment, disk, internal and external attributes stay 0.
  if (central) {
    b.writeUInt32LE(e.offset, p + 36);
    e.name.copy(b, 46);
  } else {
    e.name.copy(b, 30);
  }
  return b;
}

/** The central directory of `entries` starting at `start`, with its end record. */
export function centralDirectory(entries: readonly ZipEntryRecord[], start: number, stamp: DosStamp): Buffer {
  const directory = Buffer.concat(entries.map((e) => entryHeader(e, true, stamp)));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(start, 16);
  return Buffer.concat([directory, end]);
}
