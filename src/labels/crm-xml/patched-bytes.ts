/**
 * The patched file as UTF-8 bytes: what the scanner copies unchanged is copied as the input's
 * own bytes (no decoding back and encoding again), and only the new texts are encoded. The
 * scanner speaks in UTF-16 offsets of the decoded text; each decoded piece is registered with
 * the bytes it was decoded from, so an offset maps to a byte in its piece. Whole pieces are
 * handed on as they are; a byte offset inside a piece is worked out only where a replacement
 * starts or ends, measuring the piece's text from the last offset measured in it.
 */
import type { XmlOutput } from './xml-scan';

interface Piece {
  /** Absolute UTF-16 offset of the piece's first character. */
  readonly start: number;
  readonly text: string;
  /** The UTF-8 bytes `text` was decoded from. */
  readonly bytes: Buffer;
}

export class PatchedBytes implements XmlOutput {
  /** Pieces not all handed on yet, oldest first (`head` is the index of the oldest). */
  private readonly pieces: (Piece | undefined)[] = [];
  private head = 0;
  /** Absolute offset after the last piece registered. */
  private registered = 0;
  /** Everything before this offset is either handed on or skipped. */
  private done = 0;
  /** The byte of the head piece at `done`. */
  private doneByte = 0;
  /** The source up to this offset is to be copied (from `done` on, not handed on yet). */
  private copyTo = 0;
  private out: Buffer[] = [];

  /** The next decoded piece of the source: `text`, decoded from exactly `bytes`. */
  add(text: string, bytes: Buffer): void {
    if (text.length === 0) return;
    this.pieces.push({ start: this.registered, text, bytes });
    this.registered += text.length;
  }

  copy(start: number, end: number): void {
    if (start > this.copyTo) {
      this.advance(this.copyTo, true);
      this.advance(start, false);
    }
    this.copyTo = end;
  }

  text(text: string): void {
    this.advance(this.copyTo, true);
    if (text.length > 0) this.out.push(Buffer.from(text, 'utf8'));
  }

  /**
   * The bytes decided so far, as one buffer: the pieces copied whole; the start of a piece copied
   * only in part waits for the next take (or for `end`).
   */
  take(): Buffer {
    this.advance(this.copyTo, true, true);
    return this.drain();
  }

  /** The rest: everything copied, including the part of a piece. */
  end(): Buffer {
    this.advance(this.copyTo, true);
    return this.drain();
  }

  private drain(): Buffer {
    const out = this.out;
    this.out = [];
    if (this.pieces.length > 64 && this.head > this.pieces.length / 2) {
      this.pieces.splice(0, this.head);
      this.head = 0;
    }
    return out.length === 1 ? out[0]! : Buffer.concat(out);
  }

  /** Moves `done` to `to`, handing on the bytes passed when `keep`; with `whole`, stops at the last whole piece. */
  private advance(to: number, keep: boolean, whole = false): void {
    while (this.done < to) {
      const piece = this.pieces[this.head];
      if (piece === undefined) throw new Error(`offset ${to} is past the source registered`);
      const pieceEnd = piece.start + piece.text.length;
      if (pieceEnd <= to) {
        if (keep && this.doneByte < piece.bytes.length) this.out.push(piece.bytes.subarray(this.doneByte));
        this.pieces[this.head] = undefined;
        this.head++;
        this.done = pieceEnd;
        this.doneByte = 0;
        continue;
      }
      if (whole) return;
      const bytes = Buffer.byteLength(piece.text.slice(this.done - piece.start, to - piece.start), 'utf8');
      if (keep) this.out.push(piece.bytes.subarray(this.doneByte, this.doneByte + bytes));
      this.doneByte += bytes;
      this.done = to;
    }
  }
}
