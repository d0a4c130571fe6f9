/**
 * A strict local stand-in of an OpenAI-compatible `POST /v1/chat/completions`: `Authorization:
 * Bearer <key>` (else 401 invalid_api_key), the configured model (else 404 model_not_found),
 * messages, and a `json_schema` response format whose schema satisfies strict mode (every object
 * `additionalProperties: false`, every property required; else 400). The "model" reads the user
 * message's JSON (`texts`, `glossary`, `target_language`) and answers with the schema's shape.
 */
import {
  applyPairs,
  fakeTranslation,
  startStandIn,
  type Misbehaviour,
  type Reply,
  type StandIn,
} from './server';

export interface OpenAiStandIn extends StandIn {
  /** Set `misbehave` to make the service answer wrongly. */
  behaviour: { misbehave: Misbehaviour };
}

const error = (message: string, type: string, code: string | null): { error: object } => ({
  error: { message, type, param: null, code },
});

/** Strict mode's rules, checked through the whole schema. */
function strictProblem(schema: unknown, at = 'schema'): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const s = schema as {
    type?: unknown;
    properties?: Record<string, unknown>;
    required?: unknown;
    additionalProperties?: unknown;
    items?: unknown;
  };
  if (s.type === 'object') {
    if (s.additionalProperties !== false)
      return `${at}: 'additionalProperties' is required to be supplied and to be false`;
    const keys = Object.keys(s.properties ?? {});
    const required = Array.isArray(s.required) ? (s.required as unknown[]) : [];
    const missing = keys.find((k) => !required.includes(k));
    if (missing !== undefined)
      return `${at}: 'required' is required to include every key in properties; missing '${missing}'`;
    for (const k of keys) {
      const p = strictProblem(s.properties?.[k], `${at}.${k}`);
      if (p !== undefined) return p;
    }
  }
  return strictProblem(s.items, `${at}.items`);
}

export async function startOpenAi(key: string, model: string): Promise<OpenAiStandIn> {
  const behaviour = { misbehave: 'none' as Misbehaviour };
  const bad = (text: string): Reply => ({ status: 400, body: error(text, 'invalid_request_error', null) });
  const server = await startStandIn(
    (status) =>
      status === 429
        ? error('Rate limit reached for requests', 'requests', 'rate_limit_exceeded')
        : error('The server had an error while processing your request.', 'server_error', null),
    (r) => {
      if (r.headers.authorization !== `Bearer ${key}`) {
        return {
          status: 401,
          body: error('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
        };
      }
      if (r.method !== 'POST' || r.path !== '/v1/chat/completions')
        return { status: 404, body: error('Not found', 'invalid_request_error', null) };
      const b = r.body as Record<string, unknown> | undefined;
      if (typeof b?.model !== 'string') return bad('you must provide a model parameter');
      if (b.model !== model) {
        return {
          status: 404,
          body: error(`The model '${b.model}' does not exist`, 'invalid_request_error', 'model_not_found'),
        };
      }
      const messages = b.messages;
      if (!Array.isArray(messages) || messages.length === 0)
        return bad("'messages' must be a non-empty array");
      for (const m of messages as { role?: unknown; content?: unknown }[]) {
        if (
          !['system', 'developer', 'user', 'assistant'].includes(String(m.role)) ||
          typeof m.content !== 'string'
        ) {
          return bad('Invalid message');
        }
      }
      const format = b.response_format as
        { type?: unknown; json_schema?: { name?: unknown; strict?: unknown; schema?: unknown } } | undefined;
      if (format?.type !== 'json_schema') return bad('this stand-in expects response_format json_schema');
      const js = format.json_schema;
      if (typeof js?.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(js.name))
        return bad("Invalid 'response_format.json_schema.name'");
      if (js.strict !== true) return bad('this stand-in expects strict: true');
      const problem = strictProblem(js.schema);
      if (problem !== undefined) return bad(`Invalid schema for response_format '${js.name}': ${problem}`);
      const user = (messages as { role: string; content: string }[]).filter((m) => m.role === 'user').at(-1);
      let request: {
        texts?: unknown;
        glossary?: { term: string; translation: string }[];
        target_language?: string;
      };
      try {
        request = JSON.parse(user?.content ?? '') as typeof request;
      } catch {
        return bad('the stand-in model reads a JSON user message');
      }
      if (!Array.isArray(request.texts)) return bad('the stand-in model needs "texts"');
      const pairs = (request.glossary ?? []).map((g) => [g.term, g.translation] as const);
      const target = /\(([^)]+)\)/.exec(request.target_language ?? '')?.[1] ?? 'xx';
      let translations = (request.texts as string[]).map((t) =>
        fakeTranslation(applyPairs(t, pairs), target),
      );
      if (behaviour.misbehave === 'drop-tags')
        translations = translations.map((t) => t.replace(/<x id="\d+"\/>/g, ''));
      if (behaviour.misbehave === 'extra-text') translations.push('extra');
      return {
        status: 200,
        body: {
          id: 'chatcmpl-standin',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: JSON.stringify({ translations }), refusal: null },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        },
      };
    },
  );
  return Object.assign(server, { behaviour });
}
