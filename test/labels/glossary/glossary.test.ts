/**
 * Glossaries: the three formats read to the same termbase, hostile or malformed files refused,
 * and the checks asserted on translations whose problems are planted here.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossaryFindings } from '../../../src/labels/glossary/check';
import { loadGlossary } from '../../../src/labels/glossary/load';
import { findTerms, rendered } from '../../../src/labels/glossary/match';
import { forbiddenTerms, preferredTerm, type Glossary } from '../../../src/labels/glossary/model';
import { isCrmKitError } from '../../../src/errors';

const fixture = (name: string) => ({ path: path.join(__dirname, '../../fixtures/glossary', name), name });

async function refusal(name: string): Promise<{ code: string; message: string }> {
  try {
    await loadGlossary(fixture(name));
  } catch (e) {
    if (isCrmKitError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

/** concept id → Russian preferred term, forbidden terms. */
function summary(g: Glossary): Record<string, [string | undefined, string[]]> {
  return Object.fromEntries(
    g.concepts.map((c) => [
      (c.terms.get(1033) ?? [])[0]?.text ?? c.id,
      [preferredTerm(c, 1049), forbiddenTerms(c, 1049)],
    ]),
  );
}

describe('reading glossaries', () => {
  it.each([
    ['terms.tbx', true],
    ['terms.martif.tbx', true],
    ['terms.csv', false],
    ['terms-lcid.csv', false],
  ])('%s gives the preferred Russian term of each concept', async (name, hasForbidden) => {
    const g = await loadGlossary(fixture(name));
    expect(summary(g)).toEqual({
      Account: ['Организация', hasForbidden ? ['Счёт'] : []],
      Opportunity: ['Возможная сделка', hasForbidden ? ['Шанс'] : []],
      Lead: ['Интерес', []],
    });
  });

  it('refuses a TBX with a DOCTYPE before any entity is expanded', async () => {
    expect(await refusal('doctype.tbx')).toEqual({
      code: 'XML_DOCTYPE',
      message: 'doctype.tbx: a DOCTYPE is not allowed in a glossary',
    });
  });

  it('refuses a CSV whose header names no language, saying which column', async () => {
    const r = await refusal('bad-header.csv');
    expect(r.code).toBe('GLOSSARY_MALFORMED');
    expect(r.message).toMatch(/^bad-header\.csv:1: column 2 "xx-nonsense" is not a language code or LCID/);
  });
});

describe('matching terms', () => {
  it('finds whole words only, the longest term first', () => {
    const hints = [
      { term: 'Account', translation: 'Организация' },
      { term: 'Account name', translation: 'Название организации' },
    ];
    expect(findTerms('Account name of the Accountant', hints).map((f) => f.translation)).toEqual([
      'Название организации',
    ]);
    expect(findTerms('Parent account', hints)).toHaveLength(1);
  });

  it.each([
    ['Имя организации', 'Организация', true],
    ['Номер счёта', 'Счёт', true],
    ['Счётчик', 'Счёт', false],
    ['Возможные сделки', 'Возможная сделка', true],
    ['Интересы', 'Интерес', true],
    ['Лид', 'Интерес', false],
  ])('"%s" renders "%s": %s', (text, term, expected) => {
    expect(rendered(text, term)).toBe(expected);
  });
});

describe('checking translations against the glossary', () => {
  it.each([
    ['Account name', 'Имя организации', []],
    [
      'Account name',
      'Имя счёта',
      ['error glossary-forbidden: "Счёт" is a forbidden translation of "Account" in terms.tbx'],
    ],
    [
      'Lead source',
      'Источник лида',
      ['warning glossary-term: "Lead" is not translated as "Интерес" (terms.tbx)'],
    ],
    [
      'Open opportunity',
      'Открытый шанс',
      ['error glossary-forbidden: "Шанс" is a forbidden translation of "Opportunity" in terms.tbx'],
    ],
    ['Save', 'Сохранить', []],
    ['Account', '', []],
  ])('"%s" → "%s"', async (base, target, expected) => {
    const g = await loadGlossary(fixture('terms.tbx'));
    const found = glossaryFindings(g, 1033, base, 1049, target).map(
      (f) => `${f.severity} ${f.code}: ${f.message}`,
    );
    expect(found).toEqual(expected);
  });
});
