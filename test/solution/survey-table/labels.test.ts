import { describe, expect, it } from 'vitest';
import { roleName } from '../../../src/solution/survey-table/role';
import {
  TABLE_LABELS,
  TABLE_LANGUAGES,
  textsOf,
  type LabelKey,
} from '../../../src/solution/survey-table/labels';
import { tableCustomizationsXml } from './support';

/** Names and abbreviations that stay the same in every language. */
const PROPER_NAMES = ['NPS', 'CSAT', 'SLA', 'UTC', 'JSON', 'Exchange', 'ID'];
const proper = new RegExp(`\\b(${PROPER_NAMES.join('|')})\\b`, 'g');
const needsTranslation = (text: string): boolean => /\p{L}/u.test(text.replace(proper, ''));

const english = TABLE_LABELS[1033];
const keys = Object.keys(english) as LabelKey[];
const others = TABLE_LANGUAGES.filter((l) => l !== 1033);

describe('the survey table texts', () => {
  it('cover the table, its columns, choices, forms, views, chart and role', () => {
    expect(keys.length).toBeGreaterThan(170);
    for (const k of [
      'table.name',
      'table.collection',
      'table.description',
      'view.byStaff',
      'chart.npsByMonth',
      'role.name',
    ])
      expect(keys).toContain(k);
  });

  it.each(TABLE_LANGUAGES)('has every text, non-empty and trimmed, in language %i', (lcid) => {
    const texts = TABLE_LABELS[lcid];
    const bad = keys.filter((k) => (texts[k] ?? '').trim() === '' || texts[k] !== texts[k].trim());
    expect(bad).toEqual([]);
  });

  it.each(others)(
    'translates rather than copies English in language %i (names and abbreviations aside)',
    (lcid) => {
      const copies = keys.filter((k) => TABLE_LABELS[lcid][k] === english[k] && needsTranslation(english[k]));
      expect(copies).toEqual([]);
    },
  );

  it.each(others)('writes language %i in Cyrillic', (lcid) => {
    const latinOnly = keys.filter(
      (k) => !/\p{Script=Cyrillic}/u.test(TABLE_LABELS[lcid][k]) && needsTranslation(english[k]),
    );
    expect(latinOnly).toEqual([]);
  });

  it('gives a language crmkit has no texts in the English text', () => {
    expect(textsOf('table.name', [1031, 1049])).toEqual([
      { lcid: 1031, text: 'Survey response' },
      { lcid: 1049, text: 'Ответ на опрос' },
    ]);
  });

  it.each([
    [1033, 'Survey contributor'],
    [1049, 'Участник опросов'],
    [1026, 'Участник в анкети'],
    [1058, 'Учасник опитувань'],
    [1031, 'Survey contributor'],
  ])('names the role in the base language %i: %s', (lcid, name) => {
    expect(roleName(lcid)).toBe(name);
  });
});

describe('labels in the customizations.xml the survey table writes', () => {
  const xml = tableCustomizationsXml();
  const groups = [
    ...xml.matchAll(
      /<(displaynames|Descriptions|LocalizedNames|LocalizedCollectionNames|labels)>([\s\S]*?)<\/\1>/g,
    ),
  ];

  it('finds the label groups (the scan works)', () => {
    expect(groups.length).toBeGreaterThan(200);
  });

  it('writes every display name, description, collection name and choice label in all four languages, non-empty', () => {
    const bad = groups.flatMap((g) => {
      const items = [...(g[2] ?? '').matchAll(/description="([^"]*)" languagecode="(\d+)"/g)];
      const languages = items.map((m) => Number(m[2]));
      const empty = items.some((m) => (m[1] ?? '').trim() === '');
      return languages.join() === '1033,1049,1026,1058' && !empty ? [] : [`${g[1]}: ${g[2]?.slice(0, 120)}`];
    });
    expect(bad).toEqual([]);
  });
});
