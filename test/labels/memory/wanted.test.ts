import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemory } from '../../../src/labels/memory/memory';
import { addLabelToMemory, createSuggester } from '../../../src/labels/memory/suggest';
import type { Label } from '../../../src/labels/crm-xml/model';
import { baseHash, createWantedBases } from '../../../src/labels/memory/wanted';

const texts = (t: Record<number, string>): ReadonlyMap<number, string> =>
  new Map(Object.entries(t).map(([l, x]) => [Number(l), x]));

describe('translations wanted for suggestions', () => {
  it('wants a language of a base text when some row of it has that cell empty or absent', () => {
    const wanted = createWantedBases();
    wanted.note('Save', texts({ 1033: 'Save', 1049: 'Сохранить', 1026: 'Запази', 1058: 'Зберегти' }));
    wanted.note('Save', texts({ 1033: 'Save', 1049: 'Сохранить', 1026: '' }));
    wanted.note('Cancel', texts({ 1033: 'Cancel', 1049: 'Отмена', 1026: 'Отказ' }));
    expect(wanted.wants('Save', 1049)).toBe(false);
    expect(wanted.wants('Save', 1026)).toBe(true);
    expect(wanted.wants('Save', 1058)).toBe(true);
    expect(wanted.wants('Cancel', 1049)).toBe(false);
    expect(wanted.wants('Cancel', 1058)).toBe(true);
    expect(wanted.wants('Never seen', 1049)).toBe(false);
  });

  it('ignores blank base texts, which never get suggestions', () => {
    const wanted = createWantedBases();
    wanted.note('  ', texts({}));
    expect(wanted.wants('  ', 1049)).toBe(false);
  });

  it('wants every language past the 31 it can tell apart', () => {
    const wanted = createWantedBases();
    const all: Record<number, string> = {};
    for (let lcid = 2000; lcid < 2040; lcid++) all[lcid] = 'x';
    wanted.note('Save', texts(all));
    expect(wanted.wants('Save', 2000)).toBe(false);
    expect(wanted.wants('Save', 2030)).toBe(false);
    expect(wanted.wants('Save', 2031)).toBe(true);
  });

  it('answers the same for a base text as for its hash', () => {
    const wanted = createWantedBases();
    wanted.note('Save', texts({ 1033: 'Save', 1049: 'Сохранить', 1026: '' }));
    wanted.note('Line\r\nTwo', texts({}));
    for (const base of ['Save', 'Line\nTwo', 'Never seen'])
      for (const lcid of [1049, 1026, 1058])
        expect(wanted.wantsHash(baseHash(base), lcid)).toBe(wanted.wants(base, lcid));
    expect(wanted.wantsHash(baseHash('Save'), 1026)).toBe(true);
    expect(wanted.wantsHash(baseHash('Save'), 1049)).toBe(false);
  });

  it('treats line-break styles as one base text, as the memory does', () => {
    expect(baseHash('Line\r\nTwo')).toBe(baseHash('Line\nTwo'));
    expect(baseHash('Line\nTwo')).not.toBe(baseHash('line\nTwo'));
    const wanted = createWantedBases();
    wanted.note('Line\r\nTwo', texts({}));
    expect(wanted.wants('Line\nTwo', 1049)).toBe(true);
  });
});

describe('translation memory limited to wanted base texts', () => {
  it('keeps only base texts the filter accepts and answers for them as before', () => {
    const seen: string[] = [];
    const memory = createMemory({
      keep: (baseLcid, base, lcid) => {
        seen.push(`${base} ${lcid}`);
        return baseLcid === 1033 && base !== 'Cancel' && lcid !== 1058;
      },
    });
    memory.add(1033, 'Save\r\nAll', 1049, 'Сохранить всё', 'a.zip');
    memory.add(1033, 'Save\r\nAll', 1026, 'Запази всичко', 'a.zip');
    memory.add(1033, 'Save\r\nAll', 1049, 'Сохранить всё', 'b.zip');
    memory.add(1033, 'Save\r\nAll', 1058, 'Зберегти все', 'a.zip');
    memory.add(1033, 'Cancel', 1049, 'Отмена', 'a.zip');
    memory.add(1049, 'Отмена', 1033, 'Cancel', 'a.zip');
    expect(memory.size).toBe(2);
    expect(memory.lookup(1033, 'Save\nAll', 1049)).toEqual({ text: 'Сохранить всё', source: 'a.zip' });
    expect(memory.lookup(1033, 'Save\nAll', 1058)).toBeUndefined();
    expect(memory.lookup(1033, 'Cancel', 1049)).toBeUndefined();
    expect(memory.lookup(1049, 'Отмена', 1033)).toBeUndefined();
    // The filter sees normalised text and is not asked again once a translation is kept.
    expect(seen).toEqual([
      'Save\nAll 1049',
      'Save\nAll 1026',
      'Save\nAll 1058',
      'Cancel 1049',
      'Отмена 1033',
    ]);
  });
});

describe('suggestions from a memory limited to wanted translations', () => {
  const lcids = [1049, 1026, 1058] as const;
  const rowArb = fc.record({
    base: fc.constantFrom('Save', 'Save\r\nAll', 'Save\nAll', 'Cancel', ' ', ''),
    texts: fc.tuple(...lcids.map(() => fc.constantFrom('', 'A', 'B', ' '))),
  });

  it('suggests exactly what the full memory suggests, for any file (property)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), (rows) => {
        const labels: Label[] = rows.map((r, i) => ({
          sheet: 'Localized Labels',
          entity: 'account',
          objectId: `o${i}`,
          column: 'DisplayName',
          texts: new Map<number, string>([
            [1033, r.base],
            ...lcids.flatMap((l, k) =>
              r.texts[k] === '' && k === 2 ? [] : [[l, r.texts[k] ?? ''] as const],
            ),
          ]),
        }));
        const wanted = createWantedBases();
        for (const label of labels) wanted.note(label.texts.get(1033) ?? '', label.texts);
        const full = createMemory();
        const kept = createMemory({ keep: (b, base, l) => b === 1033 && wanted.wants(base, l) });
        for (const label of labels) {
          addLabelToMemory(full, label, 1033, label.objectId);
          addLabelToMemory(kept, label, 1033, label.objectId);
        }
        const a = createSuggester({ baseLcid: 1033, sameFile: full });
        const b = createSuggester({ baseLcid: 1033, sameFile: kept });
        for (const label of labels) expect(b.suggest(label, lcids)).toEqual(a.suggest(label, lcids));
        expect(kept.size).toBeLessThanOrEqual(full.size);
      }),
    );
  });
});
