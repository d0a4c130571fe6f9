import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DYNAMICS_LANGUAGES,
  isDynamicsLanguage,
  isProductLanguage,
  languageLabel,
  LANGUAGES,
  languageOf,
  languageTag,
  lcidOfLanguageTag,
  PRODUCT_LANGUAGES,
} from '../../src/languages/lcid';
import { LANGUAGE_TAGS } from '../../src/languages/tags';
import { nativeLanguageName } from '../../src/labels/workbook/languages';
import { languageName, tagOfLcid } from '../../src/labels/memory/languages';

describe('the LCID table', () => {
  it('gives each LCID a canonical BCP 47 tag, used by no other LCID', () => {
    const tags = [...LANGUAGES.values()].map((l) => l.tag);
    for (const tag of tags) expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
    expect(new Set(tags).size).toBe(tags.length);
  });

  it("holds exactly the languages of Microsoft's Dataverse language list, ascending", () => {
    // learn.microsoft.com/power-platform/admin/language-collations, without the regional variants
    // (2055, 2064, 3079, 3081, 3084, 4108) that set formats but have no language pack of their own.
    expect(DYNAMICS_LANGUAGES).toEqual([
      1025, 1026, 1027, 1028, 1029, 1030, 1031, 1032, 1033, 1035, 1036, 1037, 1038, 1040, 1041, 1042, 1043,
      1044, 1045, 1046, 1048, 1049, 1050, 1051, 1053, 1054, 1055, 1057, 1058, 1060, 1061, 1062, 1063, 1066,
      1069, 1081, 1086, 1087, 1110, 2052, 2070, 2074, 3076, 3082, 3098,
    ]);
    expect([...LANGUAGES.keys()]).toEqual(DYNAMICS_LANGUAGES);
  });

  it.each([
    [1031, true, false],
    [1036, true, false],
    [1049, true, true],
    [3079, false, false],
    [9999, false, false],
  ])("tells whether %i is a Dynamics language (%s) and one of crmkit's own (%s)", (lcid, dynamics, own) => {
    expect([isDynamicsLanguage(lcid), isProductLanguage(lcid)]).toEqual([dynamics, own]);
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
    [1031, 'German', 'Deutsch', 'de-DE'],
    [1036, 'French', 'Français', 'fr-FR'],
    [1049, 'Russian', 'Русский', 'ru-RU'],
    [1046, 'Portuguese', 'Português (Brasil)', 'pt-BR'],
    [9999, '9999', 'Language 9999', 'x-lcid-9999'],
  ])(
    'names %i in English, in itself and by tag the same everywhere (an unknown LCID by number)',
    (lcid, ...names) => {
      expect([languageName(lcid), nativeLanguageName(lcid), tagOfLcid(lcid)]).toEqual(names);
      expect(languageTag(lcid)).toBe(names[2]);
    },
  );

  it.each([
    [1031, 'German (1031)'],
    [2070, 'Portuguese (2070)'],
    [9999, 'language 9999'],
  ])('labels %i for messages as %s', (lcid, label) => {
    expect(languageLabel(lcid)).toBe(label);
  });

  it.each([
    ['de-DE', 1031],
    ['de', 1031],
    ['de-AT', 1031],
    ['fr_CA', 1036],
    ['FR', 1036],
    ['pt', 1046],
    ['pt-PT', 2070],
    ['zh', 2052],
    ['zh-Hant', 1028],
    ['zh-HK', 3076],
    ['sr', 3098],
    ['sr-Latn', 2074],
    ['no', 1044],
    ['iw', 1037],
    ['x-lcid-9999', 9999],
    ['tlh', undefined],
    ['not a tag', undefined],
  ])('reads the tag %s back as %s (likely script and region, as CLDR gives them)', (tag, lcid) => {
    expect(lcidOfLanguageTag(tag)).toBe(lcid);
  });

  it('reads every tag it writes back as the same LCID', () => {
    for (const lcid of [...DYNAMICS_LANGUAGES, 9999]) expect(lcidOfLanguageTag(languageTag(lcid))).toBe(lcid);
  });

  it('imports nothing outside src/languages, so any layer (browser code too) may use it', () => {
    for (const file of ['lcid.ts', 'tags.ts', 'tag-match.ts']) {
      const source = readFileSync(path.join(import.meta.dirname, '../../src/languages', file), 'utf8');
      for (const m of source.matchAll(/^(?:import|export) .* from '([^']+)'/gm))
        expect(m[1]).toMatch(/^\.\/[\w-]+$/);
    }
  });

  it("lists every language with its name and tag in the consultants' guide, where profile errors point", () => {
    const guide = readFileSync(path.join(import.meta.dirname, '../../docs/consultants.md'), 'utf8');
    const section = guide.slice(guide.indexOf('### Languages'), guide.indexOf('## 2. Pack'));
    const listed = [...section.matchAll(/\| (\d{4}) \| ([^|(]+) \(`([\w-]+)`\)/g)]
      .map((m) => [Number(m[1]), m[2]!.trim(), m[3]] as const)
      .sort((a, b) => a[0] - b[0]);
    expect(listed).toEqual([...LANGUAGES.values()].map((l) => [l.lcid, l.englishName, l.tag]));
  });

  it('gives every language one tag, the same in the names table and the browser tags', () => {
    expect([...LANGUAGES.keys()]).toEqual([...LANGUAGE_TAGS.keys()]);
    for (const [lcid, facts] of LANGUAGES) expect(facts.tag).toBe(LANGUAGE_TAGS.get(lcid));
  });
});
