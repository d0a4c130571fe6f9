/**
 * A small, fast streaming scanner for the large parts of an .xlsx (worksheets, shared strings),
 * several times faster than a general SAX parser on them. It reports start tags (local name,
 * raw attribute text), end tags and decoded text; it skips comments and processing instructions,
 * passes CDATA as text, refuses a DOCTYPE (so no entity is ever declared or expanded), and
 * refuses unknown entities, unterminated constructs and a missing root end.
 * Not a validating parser: nesting is the reader's business.
 */
import { CrmKitError } from '../../errors';
import { decodeEntities } from '../../xml/entities';

export interface ScanHandler {
  open: (name: string, attributes: string, selfClosing: boolean) => void;
  close: (name: string) => void;
  text: (text: string) => void;
}

/** Decodes the five predefined entities and character references; anything else is an error. */
export function decodeWorkbookText(text: string, where: string): string {
  const decoded = decodeEntities(text);
  if (typeof decoded === 'string') return decoded;
  switch (decoded.kind) {
    case 'unknown-entity':
      throw damaged(where, `unknown entity ${decoded.entity}`);
    case 'bare-ampersand':
      throw damaged(where, 'a bare & in text');
    case 'illegal-character':
      throw damaged(where, `character reference ${decoded.reference} to a character XML cannot carry`);
  }
}

export function damaged(where: string, detail: string): CrmKitError {
  return new CrmKitError('NOT_A_WORKBOOK', `${where}: damaged XML (${detail})`);
}

/** The value of one attribute in a start tag's raw attribute text, decoded; undefined if absent. */
export function attribute(attributes: string, name: string, where: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attributes.indexOf(name, from);
    if (at < 0) return undefined;
    const before = at === 0 ? ' ' : attributes[at - 1]!;
    let i = at + name.length;
    while (
      attributes[i] === ' ' ||
      attributes[i] === '\t' ||
      attributes[i] === '\n' ||
      attributes[i] === '\r'
    )
      i++;
    if ((before === ' ' || before === '\t' || before === '\n' || before === '\r') && attributes[i] === '=') {
      i++;
      while (
        attributes[i] === ' ' ||
        attributes[i] === '\t' ||
        attributes[i] === '\n' ||
        attributes[i] === '\r'
      )
        i++;
      const quote = attributes[i];
      if (quote !== '"' && quote !== "'") throw damaged(where, `attribute ${name} without quotes`);
      const end = attributes.indexOf(quote, i + 1);
      if (end < 0) throw damaged(where, `attribute ${name} not terminated`);
      return decodeWorkbookText(attributes.slice(i + 1, end), where);
    }
    from = at + name.length;
  }
}

/** Finds the `>` that ends the tag starting at `start`, skipping quoted attribute values. */
function tagEnd(buf: string, start: number): number {
  let quote = 0;
  for (let i = start; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    }
  }
  return -1;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export class XmlScanner {
  private carry = '';
  private depth = 0;
  private rootClosed = false;

  constructor(
    private readonly where: string,
    private readonly handler: ScanHandler,
  ) {}

  write(chunk: string): void {
    const buf = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = buf.slice(this.scan(buf));
  }

  /**
   * Whether everything given so far is handled (nothing but white space waits for more) and the
   * scanner is inside the root element: a complete element may then be handled by someone else.
   */
  get between(): boolean {
    return this.depth > 0 && !this.rootClosed && this.carry.trim() === '';
  }

  /** Ends the document: everything must have been consumed and the root element closed. */
  close(): void {
    if (this.carry.trim() !== '' || !this.rootClosed) throw damaged(this.where, 'the part ends too early');
  }

  /** Handles every complete construct in buf; returns where the first incomplete one starts. */
  private scan(buf: string): number {
    const { handler, where } = this;
    let pos = 0;
    while (pos < buf.length) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) return pos; // trailing text: wait for the tag that ends it
      if (lt > pos) {
        const text = buf.slice(pos, lt);
        if (this.depth > 0) handler.text(decodeWorkbookText(text, where));
        else if (text.trim() !== '') throw damaged(where, 'text outside the root element');
      }
      pos = lt;
      const next = buf.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return lt;
      if (next === 33 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end < 0) return lt;
          pos = end + 3;
        } else if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end < 0) return lt;
          if (this.depth > 0) handler.text(buf.slice(lt + 9, end));
          pos = end + 3;
        } else if (buf.length - lt < 9) {
          return lt;
        } else if (buf.startsWith('<!DOCTYPE', lt)) {
          throw new CrmKitError('XML_DOCTYPE', `${where}: a DOCTYPE is not allowed in a workbook part`);
        } else {
          throw damaged(where, 'unexpected <!');
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end < 0) return lt;
        pos = end + 2;
        continue;
      }
      const gt = tagEnd(buf, lt + 1);
      if (gt < 0) return lt;
      if (this.rootClosed) throw damaged(where, 'content after the root element');
      if (next === 47 /* / */) {
        if (this.depth === 0) throw damaged(where, 'an end tag without its start');
        handler.close(localName(buf.slice(lt + 2, gt).trimEnd()));
        this.depth--;
        if (this.depth === 0) this.rootClosed = true;
      } else {
        let nameEnd = lt + 1;
        while (nameEnd < gt && !isSpace(buf.charCodeAt(nameEnd)) && buf.charCodeAt(nameEnd) !== 47) nameEnd++;
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        const name = localName(buf.slice(lt + 1, nameEnd));
        if (name === '') throw damaged(where, 'a tag without a name');
        handler.open(name, buf.slice(nameEnd, selfClosing ? gt - 1 : gt), selfClosing);
        if (selfClosing) {
          handler.close(name);
          if (this.depth === 0) this.rootClosed = true;
        } else {
          this.depth++;
        }
      }
      pos = gt + 1;
    }
    return pos;
  }
}

/** `x:row` → `row` (producers such as the Open XML SDK prefix the main namespace). */
function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}
