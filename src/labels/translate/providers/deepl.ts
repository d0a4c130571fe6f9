/**
 * DeepL API v2: `POST /v2/translate` with `Authorization: DeepL-Auth-Key <key>`, JSON body, at most
 * 50 texts and 128 KiB per request; placeholders as `<x id/>` with `tag_handling=xml` and
 * `ignore_tags=x`. A glossary becomes a DeepL glossary (`POST /v2/glossaries`, TSV entries) used
 * through `glossary_id` (which needs `source_lang`) and deleted after the run.
 */
import type { Lcid } from '../../crm-xml/model';
import type { TermHint } from '../../glossary/match';
import type { TranslationBatch, TranslationProvider } from '../provider';
import { callJson, failure, joinUrl, type RetryOptions } from './http';
import { deeplSource, deeplTarget } from './languages';

export interface DeeplConfig {
  key: string;
  url: URL;
  retry: RetryOptions;
}

/** The JSON body's own bytes besides the texts (parameters, glossary id), generously. */
const OVERHEAD = 1024;
export const DEEPL_MAX_TEXTS = 50;
export const DEEPL_MAX_BYTES = 128 * 1024;

/** A text's bytes in the body: its JSON string and a comma. */
const bytesOf = (text: string): number => Buffer.byteLength(JSON.stringify(text)) + 1;

export function deeplProvider(config: DeeplConfig): TranslationProvider {
  const headers = { Authorization: `DeepL-Auth-Key ${config.key}` };
  const glossaries = new Map<string, string>();
  const call = (what: string, method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> =>
    callJson({
      provider: 'deepl',
      what,
      method,
      url: joinUrl(config.url, path),
      headers,
      body,
      secrets: [config.key],
      retry: config.retry,
    });
  const pair = (from: Lcid, to: Lcid): string => `${from}>${to}`;

  return {
    name: 'deepl',
    style: 'xml',
    limits: { maxTexts: DEEPL_MAX_TEXTS, maxSize: DEEPL_MAX_BYTES, sizeOf: bytesOf, overhead: OVERHEAD },

    async prepare(from: Lcid, to: Lcid, entries: readonly TermHint[]): Promise<void> {
      const usable = entries.filter((e) => !/[\t\r\n]/.test(e.term + e.translation));
      if (usable.length === 0) return;
      const answer = (await call('glossary', 'POST', 'v2/glossaries', {
        name: `crmkit ${from}-${to}`,
        source_lang: deeplSource(from).toLowerCase(),
        target_lang: deeplSource(to).toLowerCase(),
        entries: usable.map((e) => `${e.term}\t${e.translation}`).join('\n'),
        entries_format: 'tsv',
      })) as { glossary_id?: unknown } | undefined;
      if (typeof answer?.glossary_id !== 'string')
        throw failure('deepl', 'glossary', 'no glossary_id in the answer');
      glossaries.set(pair(from, to), answer.glossary_id);
    },

    async translate(batch: TranslationBatch): Promise<string[]> {
      const glossaryId = glossaries.get(pair(batch.from, batch.to));
      const answer = (await call(batch.label, 'POST', 'v2/translate', {
        text: batch.texts,
        source_lang: deeplSource(batch.from),
        target_lang: deeplTarget(batch.to),
        tag_handling: 'xml',
        ignore_tags: ['x'],
        ...(glossaryId === undefined ? {} : { glossary_id: glossaryId }),
      })) as { translations?: { text?: unknown }[] } | undefined;
      const texts = answer?.translations?.map((t) => t.text);
      if (texts === undefined || !texts.every((t): t is string => typeof t === 'string')) {
        throw failure('deepl', batch.label, 'the answer has no "translations" texts');
      }
      if (texts.length !== batch.texts.length) {
        throw failure('deepl', batch.label, `${texts.length} translations for ${batch.texts.length} texts`);
      }
      return texts;
    },

    async finish(): Promise<void> {
      for (const id of glossaries.values()) {
        await call('glossary', 'DELETE', `v2/glossaries/${encodeURIComponent(id)}`).catch(() => undefined);
      }
      glossaries.clear();
    },
  };
}
