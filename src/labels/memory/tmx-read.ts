/**
 * Reads a TMX (Translation Memory eXchange) document as a stream of translation units. Streaming
 * (saxes), so a large memory never becomes a DOM; a DOCTYPE is refused (no entity definitions,
 * hence no entity expansion); only XML's predefined entities exist. Anything that is not TMX is
 * TMX_MALFORMED naming the file and line.
 */
import { SaxesParser } from 'saxes';
import { CrmKitError } from '../../errors';
import type { Lcid } from '../crm-xml/model';
import { lcidOfTag } from './languages';

/** One `<tu>`: its variants by language, and the source-language tag the unit declares. */
export interface TmxUnit {
  srcLang: string | undefined;
  /** Text of each `<tuv>` by language tag as written. */
  variants: { lang: string; lcid: Lcid | undefined; text: string; origin: string | undefined }[];
  /** 1-based line of the `<tu>` start tag. */
  line: number;
}

export interface TmxHeader {
  srcLang: string;
  version: string;
}

/** Elements whose text belongs to a segment; inline codes keep their content as native text. */
const SEG_INLINE = new Set(['bpt', 'ept', 'it', 'ph', 'hi', 'ut', 'sub']);

const SOURCE_PROP = 'x-crmkit-source';

/** Bytes to text: UTF-8 by default, UTF-16 when a BOM says so; the BOM itself is dropped. */
async function* decode(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield decoder === undefined ? chunk.replace(/^\uFEFF/, '') : chunk;
      decoder ??= new TextDecoder('utf-8');
      continue;
    }
    if (decoder === undefined) {
      const le = chunk[0] === 0xff && chunk[1] === 0xfe;
      const be = chunk[0] === 0xfe && chunk[1] === 0xff;
      decoder = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8', { fatal: true });
    }
    yield decoder.decode(chunk, { stream: true });
  }
  if (decoder !== undefined) yield decoder.decode();
}

/**
 * Parses TMX from chunks, calling `onUnit` for each `<tu>` as it ends; resolves with the header.
 * `fileName` is used in messages only.
 */
export async function readTmx(
  chunks: AsyncIterable<Uint8Array | string>,
  fileName: string,
  onUnit: (unit: TmxUnit, header: TmxHeader) => void,
): Promise<TmxHeader> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  let failure: { line: number; message: string } | undefined;
  const fail = (message: string, line = parser.line): void => {
    failure ??= { line, message };
  };

  const stack: string[] = [];
  let version = '';
  let header: TmxHeader | undefined;
  let sawRoot = false;
  let unit: TmxUnit | undefined;
  let tuv: { lang: string; text: string; origin: string | undefined; sawSeg: boolean } | undefined;
  let segDepth = 0;
  let prop: { type: string; text: string } | undefined;

  parser.on('doctype', () => fail('a DOCTYPE is not allowed in a translation memory'));
  parser.on('error', (err) => fail(err.message.replace(/^(\S*:)?\d+:\d+: /, '')));
  parser.on('opentag', (tag) => {
    const name = tag.name;
    const attr = (n: string): string | undefined => tag.attributes[n];
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (segDepth > 0) {
      if (!SEG_INLINE.has(name)) fail(`<${name}> is not allowed inside <seg>`);
      segDepth += 1;
      return;
    }
    if (parent === undefined) {
      sawRoot = true;
      if (name !== 'tmx') fail(`the root element is <${name}>, expected <tmx>`);
      return;
    }
    switch (name) {
      case 'header': {
        const srcLang = attr('srclang');
        if (srcLang === undefined || srcLang === '') fail('<header> has no srclang attribute');
        header = { srcLang: srcLang ?? '', version };
        return;
      }
      case 'tu':
        if (header === undefined) fail('<tu> before <header>');
        unit = { srcLang: attr('srclang'), variants: [], line: parser.line };
        return;
      case 'tuv': {
        if (unit === undefined) {
          fail('<tuv> outside <tu>');
          return;
        }
        // TMX 1.4 writes xml:lang; 1.1 wrote lang.
        const lang = attr('xml:lang') ?? attr('lang');
        if (lang === undefined || lang === '') {
          fail('<tuv> has no xml:lang attribute');
          return;
        }
        tuv = { lang, text: '', origin: undefined, sawSeg: false };
        return;
      }
      case 'seg':
        if (tuv === undefined) {
          fail('<seg> outside <tuv>');
          return;
        }
        tuv.sawSeg = true;
        segDepth = 1;
        return;
      case 'prop':
        prop = { type: attr('type') ?? '', text: '' };
        return;
      default:
        return;
    }
  });
  parser.on('text', (text) => {
    if (segDepth > 0 && tuv !== undefined) tuv.text += text;
    else if (prop !== undefined) prop.text += text;
  });
  parser.on('cdata', (text) => {
    if (segDepth > 0 && tuv !== undefined) tuv.text += text;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (segDepth > 0) {
      segDepth -= 1;
      return;
    }
    switch (tag.name) {
      case 'prop':
        if (prop !== undefined && prop.type === SOURCE_PROP && tuv !== undefined) tuv.origin = prop.text;
        prop = undefined;
        return;
      case 'tuv':
        if (tuv !== undefined && unit !== undefined) {
          if (!tuv.sawSeg) fail('<tuv> has no <seg>');
          unit.variants.push({
            lang: tuv.lang,
            lcid: lcidOfTag(tuv.lang),
            text: tuv.text,
            origin: tuv.origin,
          });
        }
        tuv = undefined;
        return;
      case 'tu':
        if (unit !== undefined && header !== undefined && failure === undefined) onUnit(unit, header);
        unit = undefined;
        return;
      default:
        return;
    }
  });

  parser.on('attribute', (a) => {
    if (stack.length === 0 && a.name === 'version') version = a.value;
  });

  try {
    for await (const text of decode(chunks)) {
      parser.write(text);
      if (failure !== undefined) break;
    }
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    fail('the bytes are not valid UTF-8 or UTF-16 text');
  }
  if (failure === undefined && !sawRoot) fail('the file is empty, expected a <tmx> document');
  if (failure === undefined) parser.close();
  if (failure === undefined && header === undefined) fail('no <header> element');
  if (failure === undefined && !/^1\.[1-4]$/.test(version))
    fail(`TMX version "${version}" is not supported (1.1 to 1.4)`);
  if (failure !== undefined) {
    throw new CrmKitError(
      'TMX_MALFORMED',
      `${fileName}:${failure.line}: not a valid TMX file: ${failure.message}`,
    );
  }
  return header!;
}
