/**
 * An OpenAI-compatible chat completions API: `POST {base}/v1/chat/completions` with
 * `Authorization: Bearer <key>`, temperature 0 and a strict JSON schema response format
 * (`additionalProperties: false`, every property required) asking for `{"translations": [...]}`;
 * a reply with another number of texts is refused. The glossary goes into the prompt.
 */
import type { TermHint } from '../../glossary/match';
import type { TranslationBatch, TranslationProvider } from '../provider';
import { callJson, failure, joinUrl, type RetryOptions } from './http';
import { languageForPrompt } from './languages';

export interface OpenAiConfig {
  key: string;
  model: string;
  /** Base address; `/v1/chat/completions` is added (or `/chat/completions` when it ends in `/v1`). */
  baseUrl: URL;
  retry: RetryOptions;
}

export const OPENAI_MAX_TEXTS = 50;
/** Characters of texts per request: keeps a reply well inside a model's output limit. */
export const OPENAI_MAX_CHARACTERS = 8000;

export const TRANSLATIONS_SCHEMA = {
  type: 'object',
  properties: { translations: { type: 'array', items: { type: 'string' } } },
  required: ['translations'],
  additionalProperties: false,
} as const;

const INSTRUCTIONS = [
  'You translate user interface labels of a Dynamics 365 (CRM) application.',
  'Translate each text of "texts" from the source language into the target language.',
  'Keep every tag such as <x id="1"/> exactly as it is, once, where it belongs in the translation.',
  'Use the glossary translations given for terms; never use a term listed as forbidden.',
  'Answer with exactly one translation per text, in the same order.',
].join(' ');

function glossaryOf(hints: readonly (readonly TermHint[])[]): { term: string; translation: string }[] {
  const seen = new Map<string, string>();
  for (const list of hints) for (const h of list) if (!seen.has(h.term)) seen.set(h.term, h.translation);
  return [...seen].map(([term, translation]) => ({ term, translation }));
}

function completionsUrl(base: URL): URL {
  return joinUrl(base, /\/v1\/?$/.test(base.pathname) ? 'chat/completions' : 'v1/chat/completions');
}

export function openAiProvider(config: OpenAiConfig): TranslationProvider {
  return {
    name: 'openai',
    style: 'plain',
    limits: {
      maxTexts: OPENAI_MAX_TEXTS,
      maxSize: OPENAI_MAX_CHARACTERS,
      sizeOf: (text) => text.length,
      overhead: 0,
    },
    async translate(batch: TranslationBatch): Promise<string[]> {
      const request = {
        source_language: languageForPrompt(batch.from),
        target_language: languageForPrompt(batch.to),
        glossary: glossaryOf(batch.hints),
        texts: batch.texts,
      };
      const answer = (await callJson({
        provider: 'openai',
        what: batch.label,
        method: 'POST',
        url: completionsUrl(config.baseUrl),
        headers: { Authorization: `Bearer ${config.key}` },
        body: {
          model: config.model,
          temperature: 0,
          messages: [
            { role: 'system', content: INSTRUCTIONS },
            { role: 'user', content: JSON.stringify(request) },
          ],
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'translations', strict: true, schema: TRANSLATIONS_SCHEMA },
          },
        },
        secrets: [config.key],
        retry: config.retry,
      })) as { choices?: { message?: { content?: unknown; refusal?: unknown } }[] } | undefined;
      const message = answer?.choices?.[0]?.message;
      if (typeof message?.refusal === 'string' && message.refusal !== '') {
        throw failure('openai', batch.label, `the model refused: ${message.refusal}`);
      }
      if (typeof message?.content !== 'string')
        throw failure('openai', batch.label, 'the answer has no message content');
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.content);
      } catch {
        throw failure('openai', batch.label, 'the message is not the JSON asked for');
      }
      const texts = (parsed as { translations?: unknown } | null)?.translations;
      if (!Array.isArray(texts) || !texts.every((t): t is string => typeof t === 'string')) {
        throw failure('openai', batch.label, 'the message has no "translations" list of texts');
      }
      if (texts.length !== batch.texts.length) {
        throw failure('openai', batch.label, `${texts.length} translations for ${batch.texts.length} texts`);
      }
      return texts;
    },
  };
}
