/** The language codes each service uses, from Dynamics LCIDs (through their BCP 47 tags). */
import { CrmKitError } from '../../../errors';
import { languageOf } from '../../../languages/lcid';
import type { Lcid } from '../../crm-xml/model';

function tagOf(lcid: Lcid, provider: string): string {
  const tag = languageOf(lcid)?.tag;
  if (tag === undefined)
    throw new CrmKitError('MT_CONFIG', `${provider}: no language code is known for ${lcid}`);
  return tag;
}

/** DeepL source language: the bare language in capitals (`EN`, `RU`). */
export function deeplSource(lcid: Lcid): string {
  return tagOf(lcid, 'deepl').split('-')[0]!.toUpperCase();
}

/** DeepL target: regional where DeepL requires it (`EN-US`, `EN-GB`, `PT-BR`, `PT-PT`, `ZH-HANS`). */
export function deeplTarget(lcid: Lcid): string {
  const tag = tagOf(lcid, 'deepl');
  const [language = '', ...rest] = tag.split('-');
  const upper = language.toUpperCase();
  if (upper === 'EN') return tag.toUpperCase() === 'EN-GB' ? 'EN-GB' : 'EN-US';
  if (upper === 'PT') return tag.toUpperCase() === 'PT-PT' ? 'PT-PT' : 'PT-BR';
  if (upper === 'ZH')
    return rest.includes('TW') || rest.includes('HK') || rest.includes('Hant') ? 'ZH-HANT' : 'ZH-HANS';
  return upper;
}

/** Azure Translator: mostly the bare language (`ru`); a few need script or region. */
export function azureLanguage(lcid: Lcid): string {
  const tag = tagOf(lcid, 'azure');
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh-')) return lower === 'zh-tw' || lower === 'zh-hk' ? 'zh-Hant' : 'zh-Hans';
  if (lower.startsWith('sr-latn')) return 'sr-Latn';
  if (lower.startsWith('sr-')) return 'sr-Cyrl';
  if (lower === 'pt-pt' || lower === 'fr-ca') return lower;
  return lower.split('-')[0]!;
}

/** For a prompt: `Russian (ru-RU)`. */
export function languageForPrompt(lcid: Lcid): string {
  const facts = languageOf(lcid);
  return facts === undefined ? `language ${lcid}` : `${facts.englishName} (${facts.tag})`;
}
