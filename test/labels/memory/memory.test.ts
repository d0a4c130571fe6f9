import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemory, type MemoryMatch } from '../../../src/labels/memory/memory';
import { createSuggester, sameFileMemory } from '../../../src/labels/memory/suggest';
import type { Label } from '../../../src/labels/crm-xml/model';

function label(objectId: string, texts: Record<number, string>): Label {
  return {
    sheet: 'Localized Labels',
    entity: 'account',
    objectId,
    column: 'DisplayName',
    texts: new Map(Object.entries(texts).map(([l, t]) => [Number(l), t])),
  };
}

describe('translation memory', () => {
  it('looks up by exact base text and language, ignoring line-break style only', () => {
    const memory = createMemory();
    memory.add(1033, 'Line\r\nTwo', 1049, 'Строка\nДва', 'a.zip');
    expect(memory.lookup(1033, 'Line\nTwo', 1049)).toEqual({ text: 'Строка\nДва', source: 'a.zip' });
    expect(memory.lookup(1033, 'line\nTwo', 1049)).toBeUndefined();
    expect(memory.lookup(1033, 'Line\nTwo', 1026)).toBeUndefined();
    expect(memory.lookup(1049, 'Line\nTwo', 1026)).toBeUndefined();
  });

  it('suggests the most frequent translation, the first seen on a tie', () => {
    const memory = createMemory();
    memory.add(1033, 'Save', 1049, 'Записать', 'old.zip');
    memory.add(1033, 'Save', 1049, 'Сохранить', 'a.zip');
    expect(memory.lookup(1033, 'Save', 1049)?.text).toBe('Записать');
    memory.add(1033, 'Save', 1049, 'Сохранить', 'b.zip');
    expect(memory.lookup(1033, 'Save', 1049)).toEqual({ text: 'Сохранить', source: 'a.zip' });
    expect(memory.size).toBe(1);
  });

  it('ignores empty texts and empty base texts', () => {
    const memory = createMemory();
    memory.add(1033, 'Save', 1049, '', 'a');
    memory.add(1033, ' ', 1049, 'x', 'a');
    expect(memory.size).toBe(0);
  });
});

describe('suggestions for the export', () => {
  it('fills only empty target cells, from the same file first, then from the memory, and counts them', () => {
    const labels = [
      label('1', { 1033: 'Name', 1049: 'Имя', 1026: '' }),
      label('2', { 1033: 'Name', 1049: '', 1026: '' }),
      label('3', { 1033: 'Phone', 1049: 'Телефон', 1026: '' }),
    ];
    const memory = createMemory();
    memory.add(1033, 'Name', 1049, 'Название', 'old.tmx');
    memory.add(1033, 'Name', 1026, 'Име', 'old.tmx');
    const suggester = createSuggester({
      baseLcid: 1033,
      sameFile: sameFileMemory(labels, 1033),
      memory,
    });
    expect(suggester.suggest(labels[0]!, [1049, 1026])).toEqual(
      new Map([[1026, { text: 'Име', source: 'old.tmx' }]]),
    );
    expect(suggester.suggest(labels[1]!, [1049, 1026])).toEqual(
      new Map([
        [1049, { text: 'Имя', source: 'this file, account / 1 / DisplayName' }],
        [1026, { text: 'Име', source: 'old.tmx' }],
      ]),
    );
    expect(suggester.suggest(labels[2]!, [1049, 1026])).toBeUndefined();
    expect(suggester.filled).toEqual(
      new Map([
        [1026, 2],
        [1049, 1],
      ]),
    );
  });

  it('suggests nothing for a language that was not asked for', () => {
    const memory = createMemory();
    memory.add(1033, 'Name', 1058, "Ім'я", 'm');
    const suggester = createSuggester({ baseLcid: 1033, memory });
    expect(suggester.suggest(label('1', { 1033: 'Name', 1049: '', 1058: '' }), [1049])).toBeUndefined();
  });
});

describe('a large translation memory', () => {
  it('finds every one of many base texts, per base language, and gives its units in the order met', () => {
    const memory = createMemory();
    for (let i = 0; i < 20_000; i++) {
      memory.add(1033, `Base ${i}`, 1049, `Перевод ${i}`, 'a.zip');
      memory.add(1049, `Base ${i}`, 1033, `Translation ${i}`, 'b.zip');
    }
    expect(memory.size).toBe(40_000);
    expect(memory.lookup(1033, 'Base 12345', 1049)).toEqual({ text: 'Перевод 12345', source: 'a.zip' });
    expect(memory.lookup(1049, 'Base 19999', 1033)).toEqual({ text: 'Translation 19999', source: 'b.zip' });
    expect(memory.lookup(1033, 'Base 20000', 1049)).toBeUndefined();
    const units = [...memory.units()];
    expect(units.map((u) => u.baseLcid)).toEqual([
      ...Array<number>(20_000).fill(1033),
      ...Array<number>(20_000).fill(1049),
    ]);
    expect(units[1]).toEqual({
      baseLcid: 1033,
      base: 'Base 1',
      translations: new Map([[1049, { text: 'Перевод 1', source: 'a.zip' }]]),
    });
  });

  it('lets a translation that overtakes the best one lead, and keeps the first to reach a count on a tie', () => {
    const memory = createMemory();
    const add = (text: string, source: string): void => memory.add(1033, 'Save', 1049, text, source);
    add('A', '1');
    add('B', '2');
    add('C', '3');
    add('B', '4');
    expect(memory.lookup(1033, 'Save', 1049)).toEqual({ text: 'B', source: '2' });
    add('C', '5');
    expect(memory.lookup(1033, 'Save', 1049)).toEqual({ text: 'B', source: '2' });
    add('A', '6');
    add('A', '7');
    expect(memory.lookup(1033, 'Save', 1049)).toEqual({ text: 'A', source: '1' });
    expect(memory.size).toBe(1);
  });

  it('finds base texts of any characters: Latin-1, Cyrillic, lone surrogates', () => {
    const memory = createMemory();
    const bases = ['Café', 'Сохранить', '\ud800 lone', 'Cafe'];
    bases.forEach((base, i) => memory.add(1033, base, 1026, `t${i}`, 'a.zip'));
    bases.forEach((base, i) => expect(memory.lookup(1033, base, 1026)?.text).toBe(`t${i}`));
    expect(memory.lookup(1033, 'Сохранитъ', 1026)).toBeUndefined();
    expect([...memory.units()].map((u) => u.base)).toEqual(bases);
  });
});

describe("a memory's pairs, as a table packs them", () => {
  const arbAdd = fc.record({
    baseLcid: fc.constantFrom(1033, 1049),
    base: fc.constantFrom('Save', 'Save ', 'a\r\nb', 'a\nb', 'Имя', '\ud800', '  '),
    lcid: fc.constantFrom(1033, 1049, 1026, 1058),
    text: fc.constantFrom('A', 'B', 'Б', ' ', 'a\r\nb'),
    source: fc.constantFrom('a.zip', 'b.tmx'),
  });

  it('are the units’ pairs of that base language, in the same order, with the same best translation (property)', () => {
    fc.assert(
      fc.property(fc.array(arbAdd, { maxLength: 60 }), (adds) => {
        const memory = createMemory();
        for (const a of adds) memory.add(a.baseLcid, a.base, a.lcid, a.text, a.source);
        for (const baseLcid of [1033, 1049]) {
          const fromUnits = [...memory.units()]
            .filter((u) => u.baseLcid === baseLcid)
            .flatMap((u) => [...u.translations].map(([lcid, best]) => [u.base, lcid, best]));
          const visited: [string, number, MemoryMatch][] = [];
          memory.eachPair(baseLcid, (base, lcid, best) => visited.push([base, lcid, best()]));
          expect(visited).toEqual(fromUnits);
        }
      }),
    );
  });
});
