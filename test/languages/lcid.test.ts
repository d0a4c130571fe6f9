import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageOf, PRODUCT_LANGUAGES } from '../../src/languages/lcid';
import { LANGUAGE_TAGS } from '../../src/languages/tags';
import { nativeLanguageName } from '../../src/labels/workbook/languages';
import { languageName, lcidOfTag, tagOfLcid } from '../../src/labels/memory/languages';

describe('the LCID table', () => {
  it('gives each LCID a canonical BCP 47 tag, used by no other LCID', () => {
    const tags = [...LANGUAGES.values()].map((l) => l.tag);
    for (const tag of tags) expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
    expect(new Set(tags).size).toBe(tags.length);
  });

  it('lists LCIDs in ascending order, so a bare language maps to its first LCID', () => {
    const lcids = [...LANGUAGES.keys()];
    expect(lcids).toEqual([...lcids].sort((a, b) => a - b));
    expect(lcidOfTag('pt')).toBe(1046);
    expect(lcidOfTag('zh')).toBe(1028);
  });

  it('knows every language crmkit ships its strings in', () => {
    expect(PRODUCT_LANGUAGES.map((l) => languageOf(l)?.englishName)).toEqual([
      'English',
      'Russian',
      'Bulgarian',
      'Ukrainian',
    ]);
  });

  it.each([
    [1049, 'Russian', 'Русский', 'ru-RU'],
    [1046, 'Portuguese', 'Português (Brasil)', 'pt-BR'],
    [9999, '9999', 'Language 9999', 'x-lcid-9999'],
  ])(
    'names %i in English, in itself and by tag the same everywhere (an unknown LCID by number)',
    (lcid, ...names) => {
      expect([languageName(lcid), nativeLanguageName(lcid), tagOfLcid(lcid)]).toEqual(names);
    },
  );

  it('imports nothing outside src/languages, so any layer (browser code too) may use it', () => {
    for (const file of ['lcid.ts', 'tags.ts']) {
      const source = readFileSync(path.join(import.meta.dirname, '../../src/languages', file), 'utf8');
      for (const m of source.matchAll(/^(?:import|export) .* from '([^']+)'/gm))
        expect(m[1]).toMatch(/^\.\/[\w-]+$/);
    }
  });

  it('gives every language one tag, the same in the names table and the browser tags', () => {
    expect([...LANGUAGES.keys()]).toEqual([...LANGUAGE_TAGS.keys()]);
    for (const [lcid, facts] of LANGUAGES) expect(facts.tag).toBe(LANGUAGE_TAGS.get(lcid));
  });
});
