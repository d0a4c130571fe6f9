import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Label, Lcid } from '../../../src/labels/crm-xml/model';
import { createMemory, type TranslationMemory } from '../../../src/labels/memory/memory';
import { createSuggester, createTableSuggester } from '../../../src/labels/memory/suggest';
import { packSuggestions, SuggestionTable } from '../../../src/labels/memory/suggestion-table';

/* The table an export settles its suggestions in must suggest what the memories it was packed
   from suggest: the file's own first, then the past's best, for any base text and language. */

const BASES = ['Name', 'name', 'Name ', 'a\r\nb', 'a\nb', '  ', '', 'Имя', '😀 emoji', 'x'.repeat(5000)];
const LCIDS: Lcid[] = [1049, 1026, 1058];
const arbAdd = fc.record({
  baseLcid: fc.constantFrom<Lcid>(1033, 1033, 1033, 1031),
  base: fc.constantFrom(...BASES),
  lcid: fc.constantFrom<Lcid>(1033, ...LCIDS),
  text: fc.constantFrom('Имя', 'Име', 'Ім’я', 'имя', '', ' ', 'a\r\nb', 'long '.repeat(2000)),
  source: fc.constantFrom('past.zip', 'old.zip', 'this file, account | name'),
});
const arbLabel = fc.record({
  base: fc.constantFrom(...BASES),
  texts: fc.array(fc.tuple(fc.constantFrom(...LCIDS), fc.constantFrom('', ' ', 'Имя')), { maxLength: 3 }),
});

function labelOf(base: string, texts: readonly (readonly [Lcid, string])[]): Label {
  return {
    sheet: 'Localized Labels',
    entity: 'account',
    objectId: 'id',
    column: 'name',
    texts: new Map<Lcid, string>([[1033, base], ...texts]),
  };
}

/** The file's own memory and the past one, each of any translations. */
const memoryOf = (
  adds: readonly { baseLcid: Lcid; base: string; lcid: Lcid; text: string; source: string }[],
): TranslationMemory => {
  const memory = createMemory();
  for (const a of adds) memory.add(a.baseLcid, a.base, a.lcid, a.text, a.source);
  return memory;
};
const arbMemories = fc
  .tuple(fc.array(arbAdd, { maxLength: 40 }), fc.array(arbAdd, { maxLength: 40 }))
  .map(([same, past]): [TranslationMemory, TranslationMemory] => [memoryOf(same), memoryOf(past)]);

describe('the suggestion table of an export', () => {
  it('suggests what the memories it was packed from suggest, and counts the same cells (property)', () => {
    fc.assert(
      fc.property(arbMemories, fc.array(arbLabel, { maxLength: 30 }), ([sameFile, memory], labels) => {
        const expected = createSuggester({ baseLcid: 1033, sameFile, memory });
        const actual = createTableSuggester(new SuggestionTable(packSuggestions(1033, [sameFile, memory])));
        for (const { base, texts } of labels) {
          const label = labelOf(base, texts);
          expect(actual.suggest(label, LCIDS)).toEqual(expected.suggest(label, LCIDS));
        }
        expect([...actual.filled]).toEqual([...expected.filled]);
      }),
      { numRuns: 300 },
    );
  });

  it("suggests the same in layers, one packed per memory, with each suggestion's source numbered over the layers (property)", () => {
    fc.assert(
      fc.property(arbMemories, fc.array(arbLabel, { maxLength: 30 }), ([sameFile, memory], labels) => {
        const whole = createTableSuggester(new SuggestionTable(packSuggestions(1033, [sameFile, memory])));
        const table = new SuggestionTable([
          packSuggestions(1033, [sameFile]),
          packSuggestions(1033, [memory]),
        ]);
        const layered = createTableSuggester(table);
        for (const { base, texts } of labels) {
          const label = labelOf(base, texts);
          expect(layered.suggest(label, LCIDS)).toEqual(whole.suggest(label, LCIDS));
          const key = table.key(base);
          for (const lcid of LCIDS) {
            const e = key === undefined ? -1 : table.find(key, lcid);
            if (e !== -1) expect(table.sources[table.sourceNumber(e)]).toBe(table.source(e));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('packs only the pairs it is told to keep', () => {
    const memory = createMemory();
    memory.add(1033, 'Name', 1049, 'Имя', 'past.zip');
    memory.add(1033, 'Name', 1026, 'Име', 'past.zip');
    memory.add(1033, 'City', 1049, 'Город', 'past.zip');
    const table = new SuggestionTable(
      packSuggestions(1033, [memory], (base, lcid) => base === 'Name' && lcid === 1026),
    );
    expect(table.size).toBe(1);
    expect(table.text(table.find(table.key('Name')!, 1026))).toBe('Име');
    expect([table.find(table.key('Name')!, 1049), table.find(table.key('City')!, 1049)]).toEqual([-1, -1]);
  });

  it('refuses layers of different base languages', () => {
    const memory = createMemory();
    expect(
      () => new SuggestionTable([packSuggestions(1033, [memory]), packSuggestions(1031, [memory])]),
    ).toThrow(/base languages/);
  });

  it('keeps its numbers and characters in memory another thread can share', () => {
    const memory = createMemory();
    memory.add(1033, 'Name', 1049, 'Имя', 'past.zip');
    const packed = packSuggestions(1033, [memory]);
    for (const array of [...packed.texts.narrow, ...packed.texts.wide, packed.entries, packed.slots])
      expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
    const table = new SuggestionTable(structuredClone(packed));
    const e = table.find(table.key('Name')!, 1049);
    expect([table.text(e), table.source(e), table.size]).toEqual(['Имя', 'past.zip', 1]);
    expect(table.find(table.key('Name')!, 1026)).toBe(-1);
    expect(table.key(' \t')).toBeUndefined();
  });
});
