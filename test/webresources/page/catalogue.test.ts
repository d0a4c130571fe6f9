import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserLcid, translatorFor } from '../../../src/webresources/page/catalogue';

const root = path.resolve(import.meta.dirname, '../../../src/webresources');
const lcids = ['1033', '1049', '1026', '1058'] as const;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** Every literal dashboard key the page code asks for (t('…') and the param.* problem keys). */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    // `ctx.t(…)` is the survey widget's own namespace; every other `t(…)` is the dashboard's.
    for (const m of text.matchAll(/(?<!ctx\.)\bt\(\s*'([\w.-]+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/'(param\.\w+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

const catalogue = (lcid: string): Record<string, string> =>
  (
    JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, `../../../translations/ui/${lcid}.json`), 'utf8'),
    ) as Record<string, Record<string, string>>
  ).dashboard!;

describe('the dashboard strings', () => {
  const used = usedKeys();

  it('finds the keys the pages use (the scan works)', () => {
    expect(used.size).toBeGreaterThan(40);
    expect(used).toContain('param.notName');
    expect(used).toContain('error.privilege');
  });

  it.each(lcids)('has every used key, non-empty, in %s', (lcid) => {
    const strings = catalogue(lcid);
    const dynamic = ['filter.open', 'filter.all', 'pipeline-funnel.title', 'survey-insights.title'];
    const missing = [...used, ...dynamic].filter((k) => (strings[k] ?? '').trim() === '');
    expect(missing).toEqual([]);
  });

  it.each(['1049', '1026', '1058'])(
    'translates the sentences into %s rather than copying English',
    (lcid) => {
      const en = catalogue('1033');
      const other = catalogue(lcid);
      const copied = Object.keys(en).filter((k) => en[k]!.split(' ').length > 3 && other[k] === en[k]);
      expect(copied).toEqual([]);
    },
  );

  it('keeps the same placeholders in every language', () => {
    const en = catalogue('1033');
    const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const lcid of lcids) {
      const other = catalogue(lcid);
      for (const key of Object.keys(en))
        expect([lcid, key, names(other[key] ?? '')]).toEqual([lcid, key, names(en[key]!)]);
    }
  });

  it('falls back to English for a language the product does not ship', () => {
    expect(translatorFor(1031, 'dashboard')('error.load')).toBe('The data could not be loaded.');
    expect(translatorFor(1026, 'dashboard')('error.load')).toBe('Данните не можаха да бъдат заредени.');
  });

  it.each([
    [['uk-UA', 'en'], 1058],
    [['de-DE', 'bg'], 1026],
    [['fr-FR'], 1033],
    [[], 1033],
  ] as const)('picks the help page language from the browser languages %j', (languages, lcid) => {
    expect(browserLcid(languages)).toBe(lcid);
  });
});
