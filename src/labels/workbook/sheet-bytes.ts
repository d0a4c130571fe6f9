/**
 * Sheet XML gathered as UTF-8 bytes, row by row, and handed on a chunk at a time. Each row's string
 * is encoded as soon as it is made (small, so cheap to encode), instead of joining rows into one
 * long string first: encoding a long string built by concatenation costs more than building it.
 * One chunk is reused throughout, so the consumer must copy what it is given before returning
 * (exceljs's sheet stream does: see writeSheetXml): 120 MB of sheet XML then leaves no 64 KB
 * buffers behind for the garbage collector, which held up to 60 MB of them at a time.
 */

/** Bytes per chunk handed on. */
const CHUNK_BYTES = 64 * 1024;

export class SheetBytes {
  private readonly chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  /** `consume` is given the bytes, to copy before it returns. */
  constructor(private readonly consume: (bytes: Buffer) => void) {}

  /** Appends `xml` (at most 3 bytes of UTF-8 per UTF-16 unit), handing on a full chunk first. */
  add(xml: string): void {
    if (this.used + xml.length * 3 > CHUNK_BYTES) {
      this.flush();
      if (xml.length * 3 > CHUNK_BYTES) {
        this.consume(Buffer.from(xml, 'utf8'));
        return;
      }
    }
    this.used += this.chunk.write(xml, this.used, 'utf8');
  }

  /** Hands on every byte added so far. */
  flush(): void {
    if (this.used === 0) return;
    this.consume(this.chunk.subarray(0, this.used));
    this.used = 0;
  }
}
