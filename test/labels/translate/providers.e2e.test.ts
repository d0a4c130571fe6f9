/**
 * Machine translation end to end against strict local stand-ins of DeepL, Azure Translator and an
 * OpenAI-compatible API: the same cases for each (what is filled, errors and retries, limits,
 * answers that break placeholders or miscount), with the documented headers checked by the
 * stand-ins themselves.
 */
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translateLabels, type TranslateOptions } from '../../../src/labels';
import { isCrmKitError } from '../../../src/errors';
import { startAzure } from '../../support/mt/azure';
import { startDeepl } from '../../support/mt/deepl';
import { startOpenAi } from '../../support/mt/openai';
import type { Misbehaviour, StandIn } from '../../support/mt/server';
import type { FixtureLabel } from '../../fixtures/crm-xml/translations';
import { copyOf, rowsOf, textOf, workbookIn } from './support';

interface Case {
  provider: 'deepl' | 'azure' | 'openai';
  start: () => Promise<StandIn & { behaviour: { misbehave: Misbehaviour } }>;
  env: (url: string) => Record<string, string>;
  wrongKey: (url: string) => Record<string, string>;
  refusedStatus: number;
  /** Texts sent in a request, as the stand-in saw it. */
  sent: (body: unknown) => string[];
  /** The most texts one request may hold, and the size measure for the second limit. */
  maxTexts: number;
}

const SECRET = 'sk-secret-value-0123456789';

const cases: Case[] = [
  {
    provider: 'deepl',
    start: () => startDeepl(SECRET),
    env: (url) => ({ DEEPL_API_KEY: SECRET, DEEPL_API_URL: url }),
    wrongKey: (url) => ({ DEEPL_API_KEY: 'wrong-key-value', DEEPL_API_URL: url }),
    refusedStatus: 403,
    sent: (body) => (body as { text: string[] }).text,
    maxTexts: 50,
  },
  {
    provider: 'azure',
    start: () => startAzure(SECRET, 'westeurope'),
    env: (url) => ({
      AZURE_TRANSLATOR_KEY: SECRET,
      AZURE_TRANSLATOR_REGION: 'westeurope',
      AZURE_TRANSLATOR_ENDPOINT: url,
    }),
    wrongKey: (url) => ({
      AZURE_TRANSLATOR_KEY: 'wrong-key-value',
      AZURE_TRANSLATOR_REGION: 'westeurope',
      AZURE_TRANSLATOR_ENDPOINT: url,
    }),
    refusedStatus: 401,
    sent: (body) => (body as { Text: string }[]).map((e) => e.Text),
    maxTexts: 1000,
  },
  {
    provider: 'openai',
    start: () => startOpenAi(SECRET, 'gpt-test'),
    env: (url) => ({ OPENAI_API_KEY: SECRET, OPENAI_MODEL: 'gpt-test', OPENAI_BASE_URL: url }),
    wrongKey: (url) => ({
      OPENAI_API_KEY: 'wrong-key-value',
      OPENAI_MODEL: 'gpt-test',
      OPENAI_BASE_URL: url,
    }),
    refusedStatus: 401,
    sent: (body) => {
      const messages = (body as { messages: { role: string; content: string }[] }).messages;
      return (JSON.parse(messages.find((m) => m.role === 'user')!.content) as { texts: string[] }).texts;
    },
    maxTexts: 50,
  },
];

let dir: string;
let book: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'crmkit-mt-'));
  book = await workbookIn(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const fresh = (): Promise<string> => copyOf(book, `case-${++n}.xlsx`);

async function failureOf(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (e) {
    if (isCrmKitError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a failure');
}

describe.each(cases)('machine translation through $provider', (c) => {
  let service: Awaited<ReturnType<Case['start']>>;
  beforeAll(async () => {
    service = await c.start();
  });
  afterAll(() => service.close());
  beforeEach(() => {
    service.requests.length = 0;
    service.behaviour.misbehave = 'none';
  });
  const options = (file: string, more: Partial<TranslateOptions> = {}): TranslateOptions => ({
    inputs: [{ path: file, name: path.basename(file) }],
    provider: c.provider,
    env: c.env(service.url),
    retry: { baseDelayMs: 1, retries: 3 },
    date: '2026-12-03',
    ...more,
  });

  it('fills every empty cell and keeps the translator text, each distinct base text sent once', async () => {
    const file = await fresh();
    const result = await translateLabels(options(file));
    const rows = await rowsOf(file);
    expect(textOf(rows, 'a1')).toMatch(/^\[RU(-RU)?\] Account name$/);
    expect(textOf(rows, 'a2')).toMatch(/Save \{0\} of \{1\}$/);
    expect(textOf(rows, 'a3')).toMatch(/Click <b>Save<\/b> & close$/);
    expect(textOf(rows, 'c2')).toMatch(/Step %1$/);
    expect(textOf(rows, 'a4')).toBe('Закрыть');
    const sent = service.requests.flatMap((r) => c.sent(r.body));
    expect(sent.filter((t) => t.includes('Account name'))).toHaveLength(1);
    expect(result.files[0]!.machine.get(1049)).toBe(6);
    expect(rows.filter((r) => r.machine?.get(1049)?.reviewed === false)).toHaveLength(6);
  });

  it('retries 429 and 5xx answers and then succeeds', async () => {
    service.failNext(429, 1);
    service.failNext(503, 1);
    const file = await fresh();
    await translateLabels(options(file));
    expect(service.requests.length).toBeGreaterThanOrEqual(3);
    expect(textOf(await rowsOf(file), 'a1')).toMatch(/Account name/);
  });

  it('reports a refused key with the status, without the key, and writes nothing', async () => {
    const file = await fresh();
    const before = await readFile(file);
    const failure = await failureOf(translateLabels({ ...options(file), env: c.wrongKey(service.url) }));
    expect(failure.code).toBe('MT_FAILED');
    expect(failure.message).toContain(
      `${c.provider}, batch 1 of 1, language 1049: the key was refused (HTTP ${c.refusedStatus})`,
    );
    expect(failure.message).not.toContain('wrong-key-value');
    expect(await readFile(file)).toEqual(before);
  });

  it('gives up after the retries when the service keeps failing, naming the batch', async () => {
    service.failNext(500, 4);
    const file = await fresh();
    const failure = await failureOf(translateLabels(options(file)));
    expect(failure.message).toMatch(new RegExp(`^${c.provider}, batch 1 of 1, language 1049: HTTP 500`));
    expect(service.requests).toHaveLength(4);
  });

  it('refuses an answer that lost a placeholder and leaves that cell empty', async () => {
    service.behaviour.misbehave = 'drop-tags';
    const file = await fresh();
    const result = await translateLabels(options(file));
    const rows = await rowsOf(file);
    expect(textOf(rows, 'a2')).toBe('');
    expect(textOf(rows, 'a1')).toMatch(/Account name/);
    const refused = result.files[0]!.refused.map((r) => `${r.base}: ${r.why}`);
    expect(refused).toContain('Save {0} of {1}: lost {0} {1}');
  });

  it('refuses an answer with more texts than asked for, naming the service and batch, and writes nothing', async () => {
    service.behaviour.misbehave = 'extra-text';
    const file = await fresh();
    const before = await readFile(file);
    const failure = await failureOf(translateLabels(options(file)));
    expect(failure.message).toMatch(
      new RegExp(`^${c.provider}, batch 1 of 1, language 1049: 6 translations for 5 texts`),
    );
    expect(await readFile(file)).toEqual(before);
  });

  it('sends nothing on a dry run and counts the characters per language', async () => {
    const file = await fresh();
    const before = await readFile(file);
    const result = await translateLabels(options(file, { dryRun: true }));
    expect(service.requests).toHaveLength(0);
    const distinct = ['Account name', 'Save {0} of {1}', 'Click <b>Save</b> & close', 'Step %1', 'Saved {0}'];
    expect(result.files[0]!.characters.get(1049)).toBe(distinct.join('').length);
    expect(await readFile(file)).toEqual(before);
  });

  it('cuts many texts into requests within the documented limits', async () => {
    const many: FixtureLabel[] = Array.from({ length: 130 }, (_, i) => ({
      entity: 'account',
      objectId: `r${i}`,
      column: 'Description',
      texts: { 1033: `Text number ${i} ${'long words '.repeat(36)}`.trim(), 1049: '' },
    }));
    const file = await workbookIn(await mkdtemp(path.join(dir, 'many-')), 'many.xlsx', many);
    await translateLabels(options(file));
    const sizes = service.requests.map((r) => c.sent(r.body).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(130);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(c.maxTexts);
    expect(sizes.length).toBeGreaterThan(1);
    const rows = await rowsOf(file);
    expect(rows.every((r) => (r.texts.get(1049) ?? '') !== '')).toBe(true);
  });
});
