import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageOf, PRODUCT_LANGUAGES } from '../../src/languages/lcid';
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

  it('imports nothing, so any layer (browser code too) may use it', () => {
    const source = readFileSync(path.join(import.meta.dirname, '../../src/languages/lcid.ts'), 'utf8');
    expect(source).not.toMatch(/^import /m);
  });
});
