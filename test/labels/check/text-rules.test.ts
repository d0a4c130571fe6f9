import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_LABEL_LENGTH,
  firstIllegalCharacter,
  lengthFinding,
  placeholderFindings,
  placeholdersOf,
  typographyFindings,
  whitespaceFindings,
} from '../../../src/labels/check/text-rules';
import { keptNames, parseKeptNames } from '../../../src/labels/check/kept-names';

describe('placeholder rule', () => {
  it.each([
    ['Delete {0} records?', 'Удалить записи ({0})?', []],
    ['{0} of {1}', '{1} из {0}', []],
    ['{0} of {1}', '{0} из', ['placeholder-missing']],
    ['Saved', 'Сохранено {0}', ['placeholder-extra']],
    ['{0} of {1}', '{1} из {2}', ['placeholder-renumbered']],
    ['{0}', '{1}', ['placeholder-renumbered']],
    ['{0} {1} {2}', '{3}', ['placeholder-missing', 'placeholder-extra']],
    ['{0} and {0}', '{0}', []],
  ])('base %j with translation %j gives %j', (base, target, codes) => {
    expect(placeholderFindings(base, target).map((f) => f.code)).toEqual(codes);
  });

  it('names the placeholders it found missing', () => {
    expect(placeholderFindings('{0} of {1}', '{0}')[0]?.message).toContain('{1}');
  });

  it('reads {00} as {0}', () => {
    expect(placeholdersOf('{00} {1}')).toEqual(['{0}', '{1}']);
  });
});

describe('length rule', () => {
  it('accepts exactly 500 characters and refuses 501', () => {
    expect(lengthFinding('a'.repeat(MAX_LABEL_LENGTH))).toBeUndefined();
    expect(lengthFinding('a'.repeat(501))?.message).toBe('501 characters, Dynamics accepts at most 500');
  });
});

describe('XML character rule', () => {
  it.each([
    ['tab\tline\nreturn\r', undefined],
    ['emoji 😀 is fine', undefined],
    ['bell\u0007', 0x7],
    ['nul\u0000', 0x0],
    ['lone \uD800 surrogate', 0xd800],
    ['lone \uDC00 low surrogate', 0xdc00],
    ['not a character \uFFFE', 0xfffe],
  ])('%j → %s', (text, codePoint) => {
    expect(firstIllegalCharacter(text)?.codePoint).toBe(codePoint);
  });
});

describe('whitespace rule', () => {
  it.each([
    ['Name', 'Имя', []],
    [' Name', 'Имя', ['whitespace']],
    ['Name', 'Имя ', ['whitespace']],
    ['Line\r\nTwo', 'Строка\nДва', []],
    ['Line\nTwo', 'Строка Два', ['line-breaks']],
    ['One', 'Один\nДва', ['line-breaks']],
  ])('base %j with translation %j gives %j', (base, target, codes) => {
    expect(whitespaceFindings(base, target).map((f) => f.code)).toEqual(codes);
  });
});

describe('typography rule', () => {
  it.each([
    ['Сохранить и закрыть', []],
    ['Сохранить  и закрыть', ['double-space']],
    ['Сохранить и и закрыть', ['repeated-word']],
    ['Save the The record', ['repeated-word']],
    ['Theme them', []],
    ['  leading spaces only', []],
  ])('%j gives %j', (text, codes) => {
    expect(typographyFindings(text).map((f) => f.code)).toEqual(codes);
  });
});

describe('names usually kept', () => {
  const kept = keptNames(['Contoso Sales']);
  it.each([
    ['Microsoft Teams', true],
    ['contoso sales', true],
    ['VAT', true],
    ['https://contoso.com/help', true],
    ['info@contoso.com', true],
    ['pl_salesorder', true],
    ['100 %', true],
    ['Account', false],
    ['Sales Order', false],
  ])('%j kept: %s', (text, expected) => {
    expect(kept(text)).toBe(expected);
  });

  it('reads a keep file with comments and blank lines', () => {
    expect(parseKeptNames('\uFEFF# brands\nContoso\r\n\n  Fabrikam  \n')).toEqual(['Contoso', 'Fabrikam']);
  });
});

describe('placeholder rule, for any text', () => {
  const word = fc.string({ unit: 'grapheme', maxLength: 8 }).filter((s) => !/[{}]/.test(s));
  const numbered = fc.uniqueArray(fc.nat({ max: 9 }), { minLength: 1, maxLength: 4 });

  it('accepts a translation holding the same placeholders in any order', () => {
    fc.assert(
      fc.property(numbered, fc.array(word, { minLength: 5, maxLength: 5 }), (ns, words) => {
        const base = ns.map((n, i) => `${words[i] ?? ''}{${n}}`).join(' ');
        const target = [...ns]
          .reverse()
          .map((n, i) => `{${n}}${words[i] ?? ''}`)
          .join(' ');
        expect(placeholderFindings(base, target)).toEqual([]);
      }),
    );
  });

  it('always reports a dropped placeholder as an error', () => {
    fc.assert(
      fc.property(numbered, fc.nat(), (ns, pick) => {
        const base = ns.map((n) => `x {${n}}`).join(' ');
        const dropped = ns[pick % ns.length]!;
        const target = ns
          .filter((n) => n !== dropped)
          .map((n) => `y {${n}}`)
          .join(' ');
        const codes = placeholderFindings(base, target).map((f) => f.code);
        expect(codes).toContain('placeholder-missing');
        expect(placeholderFindings(base, target).every((f) => f.severity === 'error')).toBe(true);
      }),
    );
  });
});
