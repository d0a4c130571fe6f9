import { describe, expect, it } from 'vitest';
import {
  CATALOGUE_LCIDS,
  expectedResxFiles,
  readCatalogue,
  renderResx,
  staleResxFiles,
} from '../../scripts/generate-resx';

/**
 * Words that are rightly the same in every language (metric abbreviations). A non-English text equal
 * to the English one is otherwise an untranslated copy — unless nothing but these words, numbers,
 * punctuation and {placeholders} is left in it ("NPS", "NPS, 0–10", "{date}, {name}").
 */
const SAME_IN_EVERY_LANGUAGE = ['NPS', 'CSAT'];

const english = readCatalogue(1033);
const others = CATALOGUE_LCIDS.filter((lcid) => lcid !== 1033);
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const sameEverywhere = new RegExp(`\\b(${SAME_IN_EVERY_LANGUAGE.join('|')})\\b`, 'g');
const needsTranslation = (text: string): boolean =>
  /\p{L}/u.test(text.replace(/\{\w+\}/g, '').replace(sameEverywhere, ''));

describe('UI string catalogue (translations/ui/*.json)', () => {
  it.each(CATALOGUE_LCIDS)('has every English key, non-empty, in language %i', (lcid) => {
    const catalogue = readCatalogue(lcid);
    const problems: string[] = [];
    for (const [ns, strings] of Object.entries(english)) {
      for (const key of Object.keys(strings)) {
        const text = catalogue[ns]?.[key];
        if (text === undefined) problems.push(`${ns}.${key}: missing`);
        else if (text.trim() === '') problems.push(`${ns}.${key}: empty`);
      }
    }
    for (const [ns, strings] of Object.entries(catalogue)) {
      for (const key of Object.keys(strings)) {
        if (english[ns]?.[key] === undefined) problems.push(`${ns}.${key}: not in English (1033)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(others)('translates rather than copies the English texts in language %i', (lcid) => {
    const catalogue = readCatalogue(lcid);
    const copies: string[] = [];
    for (const [ns, strings] of Object.entries(english)) {
      for (const [key, text] of Object.entries(strings)) {
        if (catalogue[ns]?.[key] === text && needsTranslation(text)) {
          copies.push(`${ns}.${key}: "${text}"`);
        }
      }
    }
    expect(copies).toEqual([]);
  });

  it.each(others)('keeps the same {placeholders} as English in language %i', (lcid) => {
    const catalogue = readCatalogue(lcid);
    const mismatches: string[] = [];
    for (const [ns, strings] of Object.entries(english)) {
      for (const [key, text] of Object.entries(strings)) {
        const translated = catalogue[ns]?.[key];
        if (translated === undefined) continue;
        if (placeholders(translated).join() !== placeholders(text).join()) {
          mismatches.push(`${ns}.${key}: {${placeholders(translated).join('},{')}}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('has resx files generated from the current catalogue (run: npm run resx)', () => {
    expect(expectedResxFiles().size).toBeGreaterThanOrEqual(4);
    expect(staleResxFiles()).toEqual([]);
  });
});

describe('resx rendering', () => {
  it('escapes markup characters so that a text is never read as XML', () => {
    const xml = renderResx({ 'a.key': 'Tom & Jerry <b>"x"</b>' });
    expect(xml).toContain('<value>Tom &amp; Jerry &lt;b&gt;&quot;x&quot;&lt;/b&gt;</value>');
  });

  it('writes keys in a stable order whatever the catalogue order', () => {
    expect(renderResx({ b: '2', a: '1' })).toBe(renderResx({ a: '1', b: '2' }));
  });

  it('refuses characters XML 1.0 cannot hold', () => {
    expect(() => renderResx({ bad: 'bell \u0007' })).toThrow(/XML cannot hold/);
  });
});
