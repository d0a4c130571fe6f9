/**
 * A small, fast, streaming XML tokenizer for the SpreadsheetML subset Dynamics writes.
 *
 * Why not saxes: a saxes pass over a 75 MB export costs ~2.6 s of the 4 s export budget; this
 * scanner finds tags with `indexOf` and hands out raw spans with absolute character offsets, which
 * the patcher needs anyway. It still refuses what matters: DOCTYPE/ENTITY declarations (no entity
 * expansion ever), mismatched or unclosed tags, stray `<`, truncated input, content after the root.
 *
 * Offsets are UTF-16 code-unit offsets into the decoded text; the output is told which spans of
 * the source to copy (patched-bytes.ts copies them as the input's own bytes) and the new texts.
 */
import { CrmKitError } from '../../errors';
import { escapeText } from '../../xml/escape';

export interface XmlHandler {
  /** `start` is the offset of `<`, `end` the offset after `>`; `attrs` is the raw attribute text. */
  open(name: string, attrs: string, start: number, end: number, selfClosing: boolean): void;
  close(name: string, start: number, end: number): void;
  /** Raw (undecoded) text; called only while `wantText` is true. May come in several pieces. */
  text(raw: string): void;
  wantText: boolean;
  /** Offset before which the scanner may forget the input (the start of an open row), or Infinity. */
  holdFrom: number;
  /**
   * Offered each start tag beginning `<R` inside the root, with the text held (`buf` starts at
   * absolute offset `base`): reads a whole element itself and returns the offset of its last `>`,
   * or -1 to have the scanner go on tag by tag.
   */
  wholeRow?(buf: string, lt: number, base: number): number;
}

/** Where the patched file goes: spans of the source unchanged, and new texts, in order. */
export interface XmlOutput {
  /** The source between two absolute offsets, unchanged (after a replacement, from its end on). */
  copy(start: number, end: number): void;
  /** A new text in place of the replaced span. */
  text(text: string): void;
}

/** A replacement of the source span [start, end) by `text` in the output. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*$/;
/** A row start is kept waiting for its end (see `flush`) while the text from it is shorter than this. */
const LONGEST_WAIT = 256 * 1024;
export const ATTRS = /^(?:\s+[^\s=/>"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;

export class XmlScanner {
  private buf = '';
  /** Absolute offset of buf[0]. */
  private base = 0;
  private pos = 0;
  private lines = 1;
  private readonly stack: string[] = [];
  private rootSeen = false;
  /** Attribute texts already checked (a few distinct ones repeat millions of times). */
  private readonly validAttrs = new Set<string>();
  private readonly validNames = new Set<string>();
  private started = false;
  /** Output position: everything before it has been written (patch mode only). */
  private emitted = 0;

  constructor(
    private readonly handler: XmlHandler,
    private readonly where: string,
    private readonly output?: XmlOutput,
  ) {}

  write(chunk: string): void {
    let rest = chunk;
    if (this.started && this.buf.length > 0) {
      // What is held (mostly the start of a row) is completed by the text up to the first row end
      // and read first: the rest of the piece then mostly becomes the buffer as it is, instead of
      // being copied into a joined one.
      const close = chunk.indexOf('</Row>');
      if (close !== -1) {
        this.read(chunk.slice(0, close + 6));
        rest = chunk.slice(close + 6);
      }
    }
    this.read(rest);
  }

  private read(chunk: string): void {
    // Joined into one flat string (`+` would make a rope): every character read is then a plain load.
    this.buf = this.buf.length === 0 ? chunk : [this.buf, chunk].join('');
    if (!this.started) {
      if (this.buf.length === 0) return;
      this.started = true;
      if (this.buf.charCodeAt(0) === 0xfeff) this.pos = 1;
    }
    this.scan(false, true);
    this.trim();
  }

  /**
   * Reads what `write` left waiting: a row whose end had not come yet is read tag by tag now.
   * Call it before letting any other error out (bad UTF-8, a failing input), so that an error
   * in that text is still the one reported, as when everything is read at once.
   */
  flush(): void {
    this.scan(false, false);
    this.trim();
  }

  end(): void {
    this.scan(true, false);
    if (this.stack.length > 0 || !this.rootSeen) {
      const open = this.stack[this.stack.length - 1];
      this.fail(
        this.buf.length,
        open === undefined ? 'no XML element found' : `unexpected end of file inside <${open}> (truncated?)`,
      );
    }
    if (this.output !== undefined) {
      this.output.copy(this.emitted, this.base + this.buf.length);
      this.emitted = this.base + this.buf.length;
    }
  }

  /** Writes the output up to `r.start`, then `r.text`, and skips the source up to `r.end`. */
  replace(r: Replacement): void {
    if (this.output === undefined) return;
    if (r.start < this.emitted) throw new Error(`replacement at ${r.start} before output position`);
    this.output.copy(this.emitted, r.start);
    this.output.text(r.text);
    this.emitted = r.end;
  }

  /** The raw source between two absolute offsets still held in memory. */
  slice(start: number, end: number): string {
    return this.buf.slice(start - this.base, end - this.base);
  }

  lineAt(offset: number): number {
    let n = this.lines;
    const stop = offset - this.base;
    for (let i = this.buf.indexOf('\n'); i !== -1 && i < stop; i = this.buf.indexOf('\n', i + 1)) n++;
    return n;
  }

  fail(index: number, message: string, code: 'XML_MALFORMED' | 'XML_DOCTYPE' = 'XML_MALFORMED'): never {
    throw new CrmKitError(code, `${this.where}: line ${this.lineAt(this.base + index)}: ${message}`);
  }

  /** With `wait`, stops at a row whose end is not in the buffer yet, to read it whole later. */
  private scan(final: boolean, wait: boolean): void {
    const buf = this.buf;
    const h = this.handler;
    let pos = this.pos;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      const textEnd = lt === -1 ? buf.length : lt;
      if (textEnd > pos) {
        if (h.wantText) h.text(buf.slice(pos, textEnd));
        else if (this.stack.length === 0) this.outsideText(buf, pos, textEnd);
        pos = textEnd;
      }
      if (lt === -1) break;
      const c = buf.charCodeAt(lt + 1);
      let end: number;
      if (c === 47 /* / */) {
        end = buf.indexOf('>', lt + 2);
        if (end === -1) break;
        this.closeTag(buf, lt, end);
      } else if (c === 33 /* ! */ || c === 63 /* ? */) {
        end = this.special(buf, lt, c, final);
        if (end === -1) break;
      } else if (Number.isNaN(c)) {
        break;
      } else {
        if (c === 82 /* R */ && h.wholeRow !== undefined && this.stack.length > 0) {
          end = h.wholeRow(buf, lt, this.base);
          if (end !== -1) {
            pos = end + 1;
            continue;
          }
          if (wait && buf.length - lt < LONGEST_WAIT && buf.indexOf('</Row>', lt) === -1) break;
        }
        end = findTagEnd(buf, lt + 1);
        if (end === -1) break;
        this.openTag(buf, lt, end);
      }
      pos = end + 1;
    }
    this.pos = pos;
    if (final && pos < buf.length) this.fail(pos, 'unexpected end of file inside a tag (truncated?)');
  }

  private outsideText(buf: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const ch = buf.charCodeAt(i);
      if (ch !== 32 && ch !== 10 && ch !== 13 && ch !== 9) this.fail(i, 'text outside the root element');
    }
  }

  private openTag(buf: string, lt: number, gt: number): void {
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    const innerEnd = selfClosing ? gt - 1 : gt;
    let n = lt + 1;
    while (n < innerEnd) {
      const ch = buf.charCodeAt(n);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      n++;
    }
    const name = buf.slice(lt + 1, n);
    if (!this.validNames.has(name)) {
      if (!NAME.test(name)) this.fail(lt, `bad tag <${buf.slice(lt + 1, Math.min(innerEnd, lt + 21))}`);
      if (this.validNames.size < 1024) this.validNames.add(name);
    }
    const attrs = n === innerEnd ? '' : buf.slice(n, innerEnd);
    if (attrs.length > 0 && !this.validAttrs.has(attrs)) {
      if (!ATTRS.test(attrs)) this.fail(lt, `malformed attributes in <${name}>`);
      if (this.validAttrs.size < 4096) this.validAttrs.add(attrs);
    }
    if (this.stack.length === 0) {
      if (this.rootSeen) this.fail(lt, `a second root element <${name}>`);
      this.rootSeen = true;
    }
    const abs = this.base;
    if (!selfClosing) this.stack.push(name);
    this.handler.open(name, attrs, abs + lt, abs + gt + 1, selfClosing);
  }

  private closeTag(buf: string, lt: number, gt: number): void {
    const open = this.stack.pop();
    // Fast path without allocating: `</` + the open name + optional white space + `>`.
    if (open !== undefined && buf.startsWith(open, lt + 2)) {
      let i = lt + 2 + open.length;
      while (
        i < gt &&
        (buf.charCodeAt(i) === 32 ||
          buf.charCodeAt(i) === 9 ||
          buf.charCodeAt(i) === 10 ||
          buf.charCodeAt(i) === 13)
      )
        i++;
      if (i === gt) {
        this.handler.close(open, this.base + lt, this.base + gt + 1);
        return;
      }
    }
    const name = buf.slice(lt + 2, gt).trimEnd();
    this.fail(lt, open === undefined ? `unexpected </${name}>` : `expected </${open}>, found </${name}>`);
  }

  /** `<!-- -->`, `<![CDATA[ ]]>`, `<? ?>`, and the refused `<!DOCTYPE`/`<!ENTITY`. */
  private special(buf: string, lt: number, c: number, final: boolean): number {
    if (c === 63) {
      const e = buf.indexOf('?>', lt + 2);
      return e === -1 ? -1 : e + 1;
    }
    if (buf.startsWith('<!--', lt)) {
      const e = buf.indexOf('-->', lt + 4);
      return e === -1 ? -1 : e + 2;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const e = buf.indexOf(']]>', lt + 9);
      if (e === -1) return -1;
      if (this.handler.wantText) this.handler.text(escapeText(buf.slice(lt + 9, e)));
      return e + 2;
    }
    if (buf.length - lt < 10 && !final) return -1;
    const word = /^<!([A-Z]+)/.exec(buf.slice(lt, lt + 12))?.[1] ?? '';
    if (['DOCTYPE', 'ENTITY', 'ELEMENT', 'ATTLIST', 'NOTATION'].includes(word)) {
      this.fail(lt, `${word} declarations are refused (no entity expansion)`, 'XML_DOCTYPE');
    }
    return this.fail(lt, 'unexpected "<!"');
  }

  private trim(): void {
    const cut = Math.min(this.base + this.pos, this.handler.holdFrom);
    if (this.output !== undefined && cut > this.emitted) {
      this.output.copy(this.emitted, cut);
      this.emitted = cut;
    }
    const drop = (this.output === undefined ? cut : Math.min(cut, this.emitted)) - this.base;
    if (drop <= 0) return;
    for (let i = this.buf.indexOf('\n'); i !== -1 && i < drop; i = this.buf.indexOf('\n', i + 1))
      this.lines++;
    this.buf = this.buf.slice(drop);
    this.base += drop;
    this.pos -= drop;
  }
}

export const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Finds the `>` closing a start tag, skipping quoted attribute values (which may hold `>`). */
export function findTagEnd(buf: string, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62 /* > */) {
      return i;
    } else if (c === 34 || c === 39) {
      quote = c;
    }
  }
  return -1;
}
