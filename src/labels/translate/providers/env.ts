/**
 * The service an adapter talks to, configured only from the environment: keys are never
 * options, never printed, never written. Addresses may be overridden (a proxy, a sovereign
 * cloud, a local model, the tests' stand-ins); plain http only to this machine.
 */
import { CrmKitError } from '../../../errors';
import type { ProviderName, TranslationProvider } from '../provider';
import { azureProvider } from './azure';
import { deeplProvider } from './deepl';
import { serviceUrl, type RetryOptions } from './http';
import { openAiProvider } from './openai';

export type Environment = Readonly<Record<string, string | undefined>>;

function required(env: Environment, name: string, provider: ProviderName): string {
  const value = env[name]?.trim();
  if (value === undefined || value === '') {
    throw new CrmKitError('MT_CONFIG', `--provider ${provider}: set ${name} in the environment`);
  }
  return value;
}

/** The provider's adapter, configured from `env`. */
export function providerFromEnv(
  name: ProviderName,
  env: Environment,
  retry: RetryOptions = {},
): TranslationProvider {
  switch (name) {
    case 'deepl': {
      const key = required(env, 'DEEPL_API_KEY', name);
      const fallback = key.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
      return deeplProvider({ key, url: serviceUrl(env.DEEPL_API_URL ?? fallback, 'DEEPL_API_URL'), retry });
    }
    case 'azure':
      return azureProvider({
        key: required(env, 'AZURE_TRANSLATOR_KEY', name),
        region: required(env, 'AZURE_TRANSLATOR_REGION', name),
        endpoint: serviceUrl(
          env.AZURE_TRANSLATOR_ENDPOINT ?? 'https://api.cognitive.microsofttranslator.com',
          'AZURE_TRANSLATOR_ENDPOINT',
        ),
        retry,
      });
    case 'openai':
      return openAiProvider({
        key: required(env, 'OPENAI_API_KEY', name),
        model: required(env, 'OPENAI_MODEL', name),
        baseUrl: serviceUrl(env.OPENAI_BASE_URL ?? 'https://api.openai.com', 'OPENAI_BASE_URL'),
        retry,
      });
  }
}
