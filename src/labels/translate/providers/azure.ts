/**
 * Azure AI Translator v3.0: `POST {endpoint}/translate?api-version=3.0&from=…&to=…&textType=html`
 * with `Ocp-Apim-Subscription-Key` and `Ocp-Apim-Subscription-Region`, body `[{"Text": …}]`; at most
 * 1,000 elements and 50,000 characters per request (counted over all target languages: crmkit
 * asks one language per request). Placeholders are `notranslate` spans; glossary terms become
 * dynamic dictionary markup, which Azure applies only with an explicit `from` and English on one
 * side (otherwise the glossary is only checked afterwards).
 */
import type { TranslationBatch, TranslationProvider } from '../provider';
import { callJson, failure, joinUrl, type RetryOptions } from './http';
import { azureLanguage } from './languages';

export interface AzureConfig {
  key: string;
  region: string;
  endpoint: URL;
  retry: RetryOptions;
}

export const AZURE_MAX_ELEMENTS = 1000;
export const AZURE_MAX_CHARACTERS = 50_000;

export function azureProvider(config: AzureConfig): TranslationProvider {
  return {
    name: 'azure',
    style: 'html',
    limits: {
      maxTexts: AZURE_MAX_ELEMENTS,
      maxSize: AZURE_MAX_CHARACTERS,
      sizeOf: (text) => text.length,
      overhead: 0,
    },
    markTerms: (from, to) => azureLanguage(from) === 'en' || azureLanguage(to) === 'en',
    async translate(batch: TranslationBatch): Promise<string[]> {
      const url = joinUrl(config.endpoint, 'translate');
      url.searchParams.set('api-version', '3.0');
      url.searchParams.set('from', azureLanguage(batch.from));
      url.searchParams.set('to', azureLanguage(batch.to));
      url.searchParams.set('textType', 'html');
      const answer = await callJson({
        provider: 'azure',
        what: batch.label,
        method: 'POST',
        url,
        headers: {
          'Ocp-Apim-Subscription-Key': config.key,
          'Ocp-Apim-Subscription-Region': config.region,
        },
        body: batch.texts.map((text) => ({ Text: text })),
        secrets: [config.key],
        retry: config.retry,
      });
      if (!Array.isArray(answer)) throw failure('azure', batch.label, 'the answer is not a list');
      if (answer.length !== batch.texts.length) {
        throw failure('azure', batch.label, `${answer.length} translations for ${batch.texts.length} texts`);
      }
      return answer.map((item: unknown) => {
        const text = (item as { translations?: { text?: unknown }[] } | null)?.translations?.[0]?.text;
        if (typeof text !== 'string')
          throw failure('azure', batch.label, 'an element has no translation text');
        return text;
      });
    },
  };
}
