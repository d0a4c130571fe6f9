/**
 * Start tags of one element read without a string per tag: the few attribute texts a file
 * repeats are recognised in place, and a new one is split and checked as the general scanner
 * does (so a tag taken here is one the scanner would take, with the same attributes).
 */
import { attribute } from './row-layout';
import { ATTRS, findTagEnd, isSpace } from './xml-scan';

/** What one start tag's attribute text says, worked out once per distinct text. */
interface KnownAttrs {
  readonly text: string;
  /** `ss:Index` as written, or undefined. */
  readonly index: string | undefined;
  /** Columns covered: 1 + `ss:MergeAcross`. */
  readonly width: number;
  /** On `<Data>`: String-typed. */
  readonly plainString: boolean;
}

/** Distinct attribute texts remembered per element (a real file has two or three). */
const KNOWN_PER_TAG = 32;

function describeAttrs(text: string): KnownAttrs {
  const merge = Number(attribute(text, 'MergeAcross') ?? '0');
  return {
    text,
    index: attribute(text, 'Index'),
    width: Number.isInteger(merge) && merge > 0 ? merge + 1 : 1,
    plainString: text === ' ss:Type="String"' || attribute(text, 'Type') === 'String',
  };
}

/** Reads start tags of one unprefixed element name; the last one read is in `attrs`, `gt`, `selfClosing`. */
export class StartTags {
  private readonly known: KnownAttrs[] = [];
  attrs: KnownAttrs = describeAttrs('');
  /** Offset of the tag's `>`. */
  gt = 0;
  selfClosing = false;

  constructor(private readonly name: string) {}

  /** Whether a well-formed `<name …>` or `<name …/>` starts at `lt` (and is all in `buf`). */
  read(buf: string, lt: number): boolean {
    if (buf.charCodeAt(lt) !== 60 || !buf.startsWith(this.name, lt + 1)) return false;
    const at = lt + 1 + this.name.length;
    for (const k of this.known) {
      if (!buf.startsWith(k.text, at)) continue;
      const e = at + k.text.length;
      const c = buf.charCodeAt(e);
      if (c === 62 /* > */) return this.found(k, e, false);
      if (c === 47 /* / */ && buf.charCodeAt(e + 1) === 62) return this.found(k, e + 1, true);
    }
    return this.learn(buf, lt, at);
  }

  /** A new attribute text: split as the general scanner splits it, and checked the same way. */
  private learn(buf: string, lt: number, at: number): boolean {
    const gt = findTagEnd(buf, lt + 1);
    if (gt === -1) return false;
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    const innerEnd = selfClosing ? gt - 1 : gt;
    if (at !== innerEnd && (at > innerEnd || !isSpace(buf.charCodeAt(at)))) return false;
    const text = buf.slice(at, innerEnd);
    if (text.length > 0 && !ATTRS.test(text)) return false;
    const k = describeAttrs(text);
    if (this.known.length < KNOWN_PER_TAG) this.known.push(k);
    return this.found(k, gt, selfClosing);
  }

  private found(k: KnownAttrs, gt: number, selfClosing: boolean): boolean {
    this.attrs = k;
    this.gt = gt;
    this.selfClosing = selfClosing;
    return true;
  }
}
