/**
 * A strict local stand-in of Azure AI Translator v3.0 `POST /translate`, as documented:
 * `Ocp-Apim-Subscription-Key` and `Ocp-Apim-Subscription-Region` (else 401), `api-version=3.0`,
 * `to` required, body `[{"Text": …}]` of at most 1,000 elements and 50,000 characters counted over
 * all target languages (else 400), dynamic dictionary markup only with an explicit `from`.
 * 429 and 5xx on demand, with Azure's error body `{"error":{"code","message"}}`.
 */
import { fakeTranslation, startStandIn, type Misbehaviour, type Reply, type StandIn } from './server';

export const MAX_ELEMENTS = 1000;
export const MAX_CHARACTERS = 50_000;

const LANGUAGES = new Set([
  'en',
  'ru',
  'bg',
  'uk',
  'de',
  'fr',
  'es',
  'it',
  'pl',
  'pt',
  'pt-pt',
  'zh-Hans',
  'zh-Hant',
]);

export interface AzureStandIn extends StandIn {
  /** Set `misbehave` to make the service answer wrongly. */
  behaviour: { misbehave: Misbehaviour };
}

const error = (code: number, message: string): { error: { code: number; message: string } } => ({
  error: { code, message },
});

const DICTIONARY = /<mstrans:dictionary translation="([^"]*)">[^<]*<\/mstrans:dictionary>/g;

export async function startAzure(key: string, region: string): Promise<AzureStandIn> {
  const behaviour = { misbehave: 'none' as Misbehaviour };
  const bad = (code: number, text: string): Reply => ({ status: 400, body: error(code, text) });
  const server = await startStandIn(
    (status) =>
      status === 429
        ? error(429001, 'The server rejected the request because the client has exceeded request limits.')
        : error(status * 1000, 'An unexpected error occurred.'),
    (r) => {
      if (r.headers['ocp-apim-subscription-key'] !== key) {
        return {
          status: 401,
          body: error(401000, 'The request is not authorized because credentials are missing or invalid.'),
        };
      }
      if (r.headers['ocp-apim-subscription-region'] !== region) {
        return {
          status: 401,
          body: error(401015, 'The region of the request does not match the region of the resource.'),
        };
      }
      if (r.method !== 'POST' || r.path !== '/translate')
        return { status: 404, body: error(404000, 'Not found') };
      if (r.query.get('api-version') !== '3.0')
        return bad(400021, 'The API version parameter is missing or invalid.');
      const to = r.query.getAll('to');
      if (to.length === 0 || !to.every((l) => LANGUAGES.has(l)))
        return bad(400036, 'The target language is not valid.');
      const from = r.query.get('from');
      if (from !== null && !LANGUAGES.has(from)) return bad(400035, 'The source language is not valid.');
      const textType = r.query.get('textType') ?? 'plain';
      if (textType !== 'plain' && textType !== 'html')
        return bad(400064, 'The textType parameter is invalid.');
      if (!String(r.headers['content-type']).startsWith('application/json'))
        return bad(400074, 'The body of the request is not valid JSON.');
      const body = r.body;
      if (!Array.isArray(body) || body.length === 0)
        return bad(400074, 'The body of the request is not valid JSON.');
      if (body.length > MAX_ELEMENTS) return bad(400077, 'The maximum request size has been exceeded.');
      const elements = body as unknown[];
      if (
        !elements.every(
          (e) =>
            typeof e === 'object' &&
            e !== null &&
            Object.keys(e).join() === 'Text' &&
            typeof (e as { Text: unknown }).Text === 'string',
        )
      ) {
        return bad(400074, 'The body of the request is not valid JSON.');
      }
      const texts = (elements as { Text: string }[]).map((e) => e.Text);
      const characters = texts.reduce((n, t) => n + t.length, 0) * to.length;
      if (characters > MAX_CHARACTERS) return bad(400050, 'The input text is too long.');
      if (from === null && texts.some((t) => new RegExp(DICTIONARY.source).test(t))) {
        return bad(400000, 'Dynamic dictionary markup needs the from parameter.');
      }
      const out = texts.map((text) => ({
        translations: to.map((lang) => {
          let t = text.replace(DICTIONARY, '$1');
          t = fakeTranslation(t, lang);
          if (behaviour.misbehave === 'drop-tags')
            t = t.replace(/<span class="notranslate"[^>]*>[^<]*<\/span>/g, '');
          return { text: t, to: lang };
        }),
      }));
      if (behaviour.misbehave === 'extra-text') out.push({ translations: [{ text: 'extra', to: to[0]! }] });
      return { status: 200, body: out };
    },
  );
  return Object.assign(server, { behaviour });
}
