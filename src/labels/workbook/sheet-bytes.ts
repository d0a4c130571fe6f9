/**
 * Sheet XML gathered as UTF-8 bytes, row by row, in chunks handed to the sheet's stream. Each row's
 * string is encoded as soon as it is made (small, so cheap to encode), instead of joining rows into
 * one long string first: encoding a long string built by concatenation costs more than building
 * it. Each chunk is a Buffer of its own (the stream may keep it), never reused.
 */

/** Bytes per chunk handed on. */
const CHUNK_BYTES = 64 * 1024;

export class SheetBytes {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private readonly full: Buffer[] = [];

  /** Appends `xml` (at most 3 bytes of UTF-8 per UTF-16 unit). */
  add(xml: string): void {
    if (this.used + xml.length * 3 > CHUNK_BYTES) {
      this.seal();
      if (xml.length * 3 > CHUNK_BYTES) {
        this.full.push(Buffer.from(xml, 'utf8'));
        return;
      }
    }
    this.used += this.chunk.write(xml, this.used, 'utf8');
  }

  /** Whether a whole chunk waits to be handed on. */
  get ready(): boolean {
    return this.full.length > 0;
  }

  /** Every byte added so far (sealed chunks first), emptying this. */
  take(): Buffer[] {
    this.seal();
    return this.full.splice(0);
  }

  private seal(): void {
    if (this.used === 0) return;
    this.full.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }
}
