/**
 * Collects the content of one `<source>` or `<target>` as the reader meets it: text, placeholders
 * (`<ph>`: 1.2 by its content, 2.0 by `equiv`/`disp`), `<cp hex>` (2.0). Markers CAT tools add
 * (`<mrk>`, `<g>`, `<pc>`) pass their text through; the native code of other inline elements and
 * anything in a tool's own namespace is not text.
 */
import type { ReadCode } from './placeholders';

/** Inline elements whose content is native code, not text (1.2). */
const CODE_CONTENT = new Set(['bpt', 'ept', 'it', 'sub']);

export class InlineCollector {
  readonly parts: (string | ReadCode)[] = [];
  private ph: ReadCode | undefined;
  /** Depth of the open `<ph>`, and whether its content is its code (1.2). */
  private phDepth = 0;
  private phText = false;
  private skip = 0;
  private depth = 0;

  /** An element opened inside the content; `xliff` is false for another namespace. */
  open(local: string, xliff: boolean, attr: (n: string) => string | undefined): void {
    this.depth += 1;
    if (this.skip > 0 || this.ph !== undefined) {
      this.skip += 1;
      return;
    }
    if (!xliff || CODE_CONTENT.has(local)) {
      this.skip = 1;
      return;
    }
    if (local === 'ph') {
      this.ph = { id: attr('id') ?? '', code: attr('equiv') ?? attr('disp') ?? '' };
      this.phDepth = this.depth;
      this.phText = attr('equiv') === undefined && attr('disp') === undefined;
    } else if (local === 'cp') {
      const hex = attr('hex') ?? '';
      const code = parseInt(hex, 16);
      if (/^[0-9a-fA-F]+$/.test(hex) && code <= 0x10ffff) this.text(String.fromCodePoint(code));
    }
  }

  close(): void {
    if (this.ph !== undefined && this.depth === this.phDepth) {
      this.parts.push(this.ph);
      this.ph = undefined;
    } else if (this.skip > 0) {
      this.skip -= 1;
    }
    this.depth -= 1;
  }

  text(text: string): void {
    if (this.ph !== undefined) {
      if (this.phText && this.skip === 0) this.ph.code += text;
      return;
    }
    if (this.skip > 0) return;
    const last = this.parts.length - 1;
    if (typeof this.parts[last] === 'string') this.parts[last] += text;
    else this.parts.push(text);
  }

  /** The source's placeholders by id (the codes a target's are restored from). */
  codes(): Map<string, string> {
    const out = new Map<string, string>();
    for (const p of this.parts) if (typeof p !== 'string' && !out.has(p.id)) out.set(p.id, p.code);
    return out;
  }

  plain(): string {
    return this.parts.map((p) => (typeof p === 'string' ? p : p.code)).join('');
  }
}
