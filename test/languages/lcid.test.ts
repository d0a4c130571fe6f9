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

  it('names a language in English, in itself and by tag, the same everywhere it is used', () => {
    expect([languageName(1049), nativeLanguageName(1049), tagOfLcid(1049)]).toEqual([
      'Russian',
      'Русский',
      'ru-RU',
    ]);
    expect([languageName(1046), nativeLanguageName(1046), tagOfLcid(1046)]).toEqual([
      'Portuguese',
      'Português (Brasil)',
      'pt-BR',
    ]);
  });

  it('falls back to the number for an LCID it does not know', () => {
    expect([languageName(9999), nativeLanguageName(9999), tagOfLcid(9999)]).toEqual([
      '9999',
      'Language 9999',
      'x-lcid-9999',
    ]);
  });

  it('imports nothing, so any layer (browser code too) may use it', () => {
    const source = readFileSync(path.join(import.meta.dirname, '../../src/languages/lcid.ts'), 'utf8');
    expect(source).not.toMatch(/^import /m);
  });
});
