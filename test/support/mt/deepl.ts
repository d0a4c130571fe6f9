/**
 * A strict local stand-in of the DeepL API v2 (translate and v2 glossaries), as documented:
 * `Authorization: DeepL-Auth-Key <key>` (else 403), JSON body (no query parameters), at most 50
 * texts and 128 KiB per request (else 413 / 400), `glossary_id` only with `source_lang`, with
 * `tag_handling=xml` a text must be well-formed XML. 429, 456 and 5xx on demand.
 */
import { SaxesParser } from 'saxes';
import {
  applyPairs,
  fakeTranslation,
  startStandIn,
  type Misbehaviour,
  type Reply,
  type SeenRequest,
  type StandIn,
} from './server';

const TARGETS = new Set([
  'RU',
  'BG',
  'UK',
  'EN-US',
  'EN-GB',
  'DE',
  'FR',
  'ES',
  'IT',
  'PL',
  'PT-BR',
  'PT-PT',
  'ZH-HANS',
  'ZH-HANT',
]);
const SOURCES = new Set(['EN', 'RU', 'BG', 'UK', 'DE', 'FR', 'ES', 'IT', 'PL', 'PT', 'ZH']);

export const MAX_TEXTS = 50;
export const MAX_BYTES = 128 * 1024;

export interface DeeplStandIn extends StandIn {
  /** Glossaries alive: id → pairs. */
  glossaries: Map<string, { source: string; target: string; pairs: [string, string][] }>;
  /** Set `misbehave` to make the service answer wrongly. */
  behaviour: { misbehave: Misbehaviour };
}

const message = (text: string): { message: string } => ({ message: text });

function wellFormed(text: string): boolean {
  const parser = new SaxesParser({ fragment: true });
  try {
    parser.write(text).close();
    return true;
  } catch {
    return false;
  }
}

export async function startDeepl(key: string): Promise<DeeplStandIn> {
  const glossaries: DeeplStandIn['glossaries'] = new Map();
  let next = 1;
  const behaviour = { misbehave: 'none' as Misbehaviour };
  const bad = (text: string): Reply => ({ status: 400, body: message(text) });

  function translate(r: SeenRequest): Reply {
    const b = r.body as Record<string, unknown> | undefined;
    if (b === undefined || typeof b !== 'object') return bad('Value for text not specified');
    const texts = b.text;
    if (!Array.isArray(texts) || texts.length === 0 || !texts.every((t) => typeof t === 'string')) {
      return bad("Parameter 'text' not specified");
    }
    if (texts.length > MAX_TEXTS) return { status: 413, body: message('Too many texts in one request') };
    if (typeof b.target_lang !== 'string' || !TARGETS.has(b.target_lang.toUpperCase())) {
      return bad("Value for 'target_lang' not supported.");
    }
    if (
      b.source_lang !== undefined &&
      (typeof b.source_lang !== 'string' || !SOURCES.has(b.source_lang.toUpperCase()))
    ) {
      return bad("Value for 'source_lang' not supported.");
    }
    let pairs: [string, string][] = [];
    if (b.glossary_id !== undefined) {
      if (b.source_lang === undefined)
        return bad("Use of a glossary requires the 'source_lang' parameter to be specified");
      const g = glossaries.get(typeof b.glossary_id === 'string' ? b.glossary_id : '');
      if (g === undefined) return { status: 404, body: message('Glossary not found') };
      pairs = g.pairs;
    }
    if (b.tag_handling !== undefined && b.tag_handling !== 'xml' && b.tag_handling !== 'html') {
      return bad("Value for 'tag_handling' not supported.");
    }
    if (b.tag_handling === 'xml' && !texts.every((t: string) => wellFormed(t))) {
      return bad('Tag handling parsing failed, please check input.');
    }
    const target = b.target_lang;
    const out = texts.map((t: string) => {
      let text = fakeTranslation(applyPairs(t, pairs), target);
      if (behaviour.misbehave === 'drop-tags') text = text.replace(/<x id="\d+"\/>/g, '');
      return { detected_source_language: 'EN', text };
    });
    if (behaviour.misbehave === 'extra-text') out.push({ detected_source_language: 'EN', text: 'extra' });
    return { status: 200, body: { translations: out } };
  }

  function createGlossary(r: SeenRequest): Reply {
    const b = r.body as Record<string, unknown> | undefined;
    if (
      typeof b?.name !== 'string' ||
      typeof b.source_lang !== 'string' ||
      typeof b.target_lang !== 'string'
    ) {
      return bad('Missing name, source_lang or target_lang');
    }
    if (b.entries_format !== 'tsv' && b.entries_format !== 'csv')
      return bad("Value for 'entries_format' not supported.");
    if (typeof b.entries !== 'string' || b.entries.trim() === '')
      return bad("Parameter 'entries' not specified");
    const pairs: [string, string][] = [];
    for (const line of b.entries.split('\n')) {
      const cells = line.split('\t');
      if (cells.length !== 2 || cells[0]!.trim() === '' || cells[1]!.trim() === '')
        return bad(`Invalid glossary entry: ${line}`);
      if (pairs.some(([s]) => s === cells[0])) return bad(`Duplicate source entry: ${cells[0]}`);
      pairs.push([cells[0]!, cells[1]!]);
    }
    const id = `g-${next++}`;
    glossaries.set(id, { source: b.source_lang, target: b.target_lang, pairs });
    return {
      status: 201,
      body: {
        glossary_id: id,
        name: b.name,
        ready: true,
        source_lang: b.source_lang,
        target_lang: b.target_lang,
        creation_time: new Date().toISOString(),
        entry_count: pairs.length,
      },
    };
  }

  const server = await startStandIn(
    (status) =>
      message(status === 456 ? 'Quota exceeded' : status === 429 ? 'Too many requests' : 'Internal error'),
    (r) => {
      if (r.headers.authorization !== `DeepL-Auth-Key ${key}`)
        return { status: 403, body: message('Wrong auth key') };
      if ([...r.query].length > 0) return bad('Query parameters are not accepted');
      if (r.bytes > MAX_BYTES) return { status: 413, body: message('Request Entity Too Large') };
      if (r.method === 'POST' && !String(r.headers['content-type']).startsWith('application/json')) {
        return { status: 415, body: message('Unsupported Media Type') };
      }
      if (r.method === 'POST' && r.path === '/v2/translate') return translate(r);
      if (r.method === 'POST' && r.path === '/v2/glossaries') return createGlossary(r);
      const del = /^\/v2\/glossaries\/([^/]+)$/.exec(r.path);
      if (r.method === 'DELETE' && del !== null) {
        return glossaries.delete(decodeURIComponent(del[1]!))
          ? { status: 204 }
          : { status: 404, body: message('Glossary not found') };
      }
      return { status: 404, body: message('Not found') };
    },
  );
  return Object.assign(server, { glossaries, behaviour });
}
