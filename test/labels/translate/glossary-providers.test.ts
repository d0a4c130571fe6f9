/**
 * The glossary reaches each service the way it understands (Azure: dynamic dictionary markup with
 * an explicit `from`; an OpenAI-compatible model: the prompt), a base text that is itself a term is
 * filled from the glossary without asking the service, and the results are checked afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateLabels } from '../../../src/labels';
import { startAzure, type AzureStandIn } from '../../support/mt/azure';
import { startOpenAi, type OpenAiStandIn } from '../../support/mt/openai';
import { LABELS, rowsOf, textOf, workbookIn } from './support';

const glossary = { path: path.join(__dirname, '../../fixtures/glossary/terms.tbx'), name: 'terms.tbx' };
const labels = [
  ...LABELS,
  {
    entity: 'account',
    objectId: 'a5',
    column: 'DisplayCollectionName',
    texts: { 1033: 'Account', 1049: '' },
  },
  { entity: 'lead', objectId: 'l1', column: 'DisplayName', texts: { 1033: 'Lead source', 1049: '' } },
];

let dir: string;
let azure: AzureStandIn;
let openai: OpenAiStandIn;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'crmkit-mt-glossary-'));
  azure = await startAzure('key-azure', 'westeurope');
  openai = await startOpenAi('key-openai', 'gpt-test');
});
afterAll(async () => {
  await Promise.all([azure.close(), openai.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('glossaries in machine translation', () => {
  it('Azure gets the preferred translations as dynamic dictionary markup, with from=en', async () => {
    const file = await workbookIn(await mkdtemp(path.join(dir, 'azure-')), 'ru.xlsx', labels);
    const result = await translateLabels({
      inputs: [{ path: file, name: 'ru.xlsx' }],
      provider: 'azure',
      glossary,
      env: {
        AZURE_TRANSLATOR_KEY: 'key-azure',
        AZURE_TRANSLATOR_REGION: 'westeurope',
        AZURE_TRANSLATOR_ENDPOINT: azure.url,
      },
    });
    const request = azure.requests[0]!;
    expect(request.query.get('from')).toBe('en');
    expect(request.query.get('textType')).toBe('html');
    const texts = (request.body as { Text: string }[]).map((e) => e.Text);
    expect(texts).toContain(
      '<mstrans:dictionary translation="Организация">Account</mstrans:dictionary> name',
    );
    expect(texts).not.toContain('Account');
    const rows = await rowsOf(file);
    expect(textOf(rows, 'a1')).toBe('[RU] Организация name');
    expect(textOf(rows, 'a5')).toBe('Организация');
    expect(result.files[0]!.suggested.get(1049)).toBe(1);
    expect(textOf(rows, 'l1')).toBe('[RU] Интерес source');
    expect(result.files[0]!.glossary).toEqual([]);
  });

  it('an OpenAI-compatible model gets the glossary of its texts in the prompt', async () => {
    const file = await workbookIn(await mkdtemp(path.join(dir, 'openai-')), 'ru.xlsx', labels);
    await translateLabels({
      inputs: [{ path: file, name: 'ru.xlsx' }],
      provider: 'openai',
      glossary,
      env: { OPENAI_API_KEY: 'key-openai', OPENAI_MODEL: 'gpt-test', OPENAI_BASE_URL: `${openai.url}/v1` },
    });
    const messages = (openai.requests[0]!.body as { messages: { role: string; content: string }[] }).messages;
    const user = JSON.parse(messages.find((m) => m.role === 'user')!.content) as { glossary: unknown };
    expect(user.glossary).toEqual([
      { term: 'Account', translation: 'Организация' },
      { term: 'Lead', translation: 'Интерес' },
    ]);
    expect(textOf(await rowsOf(file), 'l1')).toBe('[RU-RU] Интерес source');
  });
});
