/** The pure half of translate: which cells are sent, how often, and in which requests. */
import { describe, expect, it } from 'vitest';
import { batches, type BatchLimits } from '../../../src/labels/translate/batch';
import { charactersToSend, planTranslations, type PlanRow } from '../../../src/labels/translate/plan';
import { azureProvider } from '../../../src/labels/translate/providers/azure';
import { deeplProvider } from '../../../src/labels/translate/providers/deepl';

const row = (base: string, ru = '', bg = ''): PlanRow => ({
  base,
  texts: new Map([
    [1049, ru],
    [1026, bg],
  ]),
});

describe('planning', () => {
  const rows = [row('Save'), row('Close', 'Закрыть'), row('Save'), row('  '), row('Open', '', 'Отвори')];

  it('sends each distinct empty base text once per language and never a cell that has text', () => {
    const plan = planTranslations(rows, [1049, 1026]);
    expect([...plan.jobs.get(1049)!]).toEqual([
      { base: 'Save', rows: [0, 2] },
      { base: 'Open', rows: [4] },
    ]);
    expect([...plan.jobs.get(1026)!]).toEqual([
      { base: 'Save', rows: [0, 2] },
      { base: 'Close', rows: [1] },
    ]);
  });

  it('leaves out cells memory or the glossary filled', () => {
    const plan = planTranslations(rows, [1049], (r) => r === 0);
    expect(plan.jobs.get(1049)).toEqual([
      { base: 'Save', rows: [2] },
      { base: 'Open', rows: [4] },
    ]);
  });

  it('counts the characters to send per language', () => {
    expect(charactersToSend(planTranslations(rows, [1049, 1026]))).toEqual(
      new Map([
        [1049, 'SaveOpen'.length],
        [1026, 'SaveClose'.length],
      ]),
    );
  });
});

describe('batching', () => {
  const deepl = deeplProvider({ key: 'k', url: new URL('https://api.deepl.com'), retry: {} }).limits;
  const azure = azureProvider({ key: 'k', region: 'r', endpoint: new URL('https://x'), retry: {} }).limits;
  const sizes = (texts: string[], limits: BatchLimits): number[] =>
    batches(texts, limits, 'test').map(([a, b]) => b - a);

  it.each([
    ['DeepL: 50 texts a request', Array<string>(120).fill('a'), deepl, [50, 50, 20]],
    [
      'DeepL: 128 KiB a request (JSON bytes, Cyrillic is 2 bytes a letter)',
      Array<string>(40).fill('я'.repeat(2000)),
      deepl,
      [32, 8],
    ],
    ['Azure: 1,000 elements a request', Array<string>(2500).fill('a'), azure, [1000, 1000, 500]],
    ['Azure: 50,000 characters a request', Array<string>(30).fill('a'.repeat(2000)), azure, [25, 5]],
  ])('%s', (_what, texts, limits, expected) => {
    expect(sizes(texts, limits)).toEqual(expected);
  });

  it('refuses a single text larger than a request may be', () => {
    expect(() => batches(['a'.repeat(50_001)], azure, 'azure')).toThrow(
      /azure: a text of 50001 characters is too long/,
    );
  });
});
