/**
 * The stand-ins refuse what the real services refuse (so a client that passes against them keeps
 * the documented limits): a wrong auth header, a request over a limit, a non-strict schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzure, type AzureStandIn } from '../../support/mt/azure';
import { startDeepl, type DeeplStandIn } from '../../support/mt/deepl';
import { startOpenAi, type OpenAiStandIn } from '../../support/mt/openai';

let deepl: DeeplStandIn;
let azure: AzureStandIn;
let openai: OpenAiStandIn;
beforeAll(async () => {
  [deepl, azure, openai] = await Promise.all([
    startDeepl('k1'),
    startAzure('k2', 'westeurope'),
    startOpenAi('k3', 'm'),
  ]);
});
afterAll(() => Promise.all([deepl.close(), azure.close(), openai.close()]));

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<[number, unknown]> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return [r.status, await r.json().catch(() => undefined)];
}

const deeplAuth = { Authorization: 'DeepL-Auth-Key k1' };
const azureAuth = { 'Ocp-Apim-Subscription-Key': 'k2', 'Ocp-Apim-Subscription-Region': 'westeurope' };

describe('the DeepL stand-in', () => {
  const translate = (body: unknown, headers = deeplAuth) => post(`${deepl.url}/v2/translate`, headers, body);
  it.each([
    ['a wrong key', { Authorization: 'DeepL-Auth-Key nope' }, { text: ['a'], target_lang: 'RU' }, 403],
    ['a Bearer header', { Authorization: 'Bearer k1' }, { text: ['a'], target_lang: 'RU' }, 403],
    ['51 texts', deeplAuth, { text: Array(51).fill('a'), target_lang: 'RU' }, 413],
    ['more than 128 KiB', deeplAuth, { text: Array(40).fill('a'.repeat(3400)), target_lang: 'RU' }, 413],
    ['a glossary without source_lang', deeplAuth, { text: ['a'], target_lang: 'RU', glossary_id: 'g' }, 400],
    [
      'a bare & with tag_handling xml',
      deeplAuth,
      { text: ['a & b'], target_lang: 'RU', tag_handling: 'xml' },
      400,
    ],
    ['an unknown target', deeplAuth, { text: ['a'], target_lang: 'XX' }, 400],
  ])('refuses %s', async (_what, headers, body, status) => {
    expect((await translate(body, headers))[0]).toBe(status);
  });
  it('accepts 50 texts', async () => {
    expect((await translate({ text: Array(50).fill('a'), target_lang: 'RU' }))[0]).toBe(200);
  });
});

describe('the Azure Translator stand-in', () => {
  const translate = (query: string, body: unknown, headers: Record<string, string> = azureAuth) =>
    post(`${azure.url}/translate?${query}`, headers, body);
  it.each([
    ['no key', {}, 'api-version=3.0&to=ru', [{ Text: 'a' }], 401],
    [
      'another region',
      { ...azureAuth, 'Ocp-Apim-Subscription-Region': 'eastus' },
      'api-version=3.0&to=ru',
      [{ Text: 'a' }],
      401,
    ],
    ['no api-version', azureAuth, 'to=ru', [{ Text: 'a' }], 400],
    ['1,001 elements', azureAuth, 'api-version=3.0&to=ru', Array(1001).fill({ Text: 'a' }), 400],
    [
      '30,000 characters to two languages',
      azureAuth,
      'api-version=3.0&to=ru&to=bg',
      [{ Text: 'a'.repeat(30_000) }],
      400,
    ],
    [
      'dictionary markup without from',
      azureAuth,
      'api-version=3.0&to=ru',
      [{ Text: '<mstrans:dictionary translation="x">a</mstrans:dictionary>' }],
      400,
    ],
    ['lower-case text keys', azureAuth, 'api-version=3.0&to=ru', [{ text: 'a' }], 400],
  ])('refuses %s', async (_what, headers, query, body, status) => {
    expect((await translate(query, body, headers))[0]).toBe(status);
  });
  it('accepts 50,000 characters to one language', async () => {
    expect((await translate('api-version=3.0&to=ru', [{ Text: 'a'.repeat(50_000) }]))[0]).toBe(200);
  });
});

describe('the OpenAI-compatible stand-in', () => {
  const schema = {
    type: 'object',
    properties: { translations: { type: 'array', items: { type: 'string' } } },
    required: ['translations'],
    additionalProperties: false,
  };
  const body = (s: unknown, strict = true) => ({
    model: 'm',
    messages: [
      { role: 'user', content: JSON.stringify({ texts: ['a'], target_language: 'Russian (ru-RU)' }) },
    ],
    response_format: { type: 'json_schema', json_schema: { name: 'translations', strict, schema: s } },
  });
  const chat = (b: unknown, headers: Record<string, string> = { Authorization: 'Bearer k3' }) =>
    post(`${openai.url}/v1/chat/completions`, headers, b);
  it.each([
    ['a wrong key', { Authorization: 'Bearer nope' }, body(schema), 401],
    ['an api-key header only', { 'api-key': 'k3' }, body(schema), 401],
    [
      'a schema allowing more properties',
      { Authorization: 'Bearer k3' },
      body({ ...schema, additionalProperties: true }),
      400,
    ],
    ['a property not required', { Authorization: 'Bearer k3' }, body({ ...schema, required: [] }), 400],
    ['strict: false', { Authorization: 'Bearer k3' }, body(schema, false), 400],
  ])('refuses %s', async (_what, headers, b, status) => {
    expect((await chat(b, headers))[0]).toBe(status);
  });
  it('answers in the shape of the schema', async () => {
    const [status, reply] = await chat(body(schema));
    expect(status).toBe(200);
    const content = (reply as { choices: { message: { content: string } }[] }).choices[0]!.message.content;
    expect(JSON.parse(content)).toEqual({ translations: ['[RU-RU] a'] });
  });
});
