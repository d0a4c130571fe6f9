import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lcid } from '../../../src/labels/crm-xml/model';
import { normalizeBase, createMemory } from '../../../src/labels/memory/memory';
import { RepeatedBases } from '../../../src/labels/memory/repeated-bases';

/* Rows held back until their base text is met again must reach the memory as if every row had
   been added: same pick and same source for every base text met twice or more, nothing else. */

const BASES = ['Name', 'Name ', 'a\r\nb', 'a\nb', '  ', '', 'Имя', '😀', 'x'.repeat(3000)];
const LCIDS: Lcid[] = [1033, 1049, 1026, 1058];
const arbRow = fc.record({
  base: fc.constantFrom(...BASES),
  texts: fc.array(
    fc.tuple(
      fc.constantFrom(...LCIDS),
      fc.constantFrom('', ' ', 'Имя', 'Име', 'имя', 'a\r\nb', 'long '.repeat(900)),
    ),
    { maxLength: 4 },
  ),
});

describe('translations held until their base text repeats', () => {
  it('reach the memory as every row would, for the base texts met twice or more (property)', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 40 }), (rows) => {
        const every = createMemory();
        const repeated = createMemory();
        const gate = new RepeatedBases(repeated);
        const met = new Map<string, number>();
        rows.forEach((row, r) => {
          const texts = new Map<Lcid, string>([[1033, row.base], ...row.texts]);
          const place = (): string => `this file, row ${r}`;
          for (const [lcid, text] of texts) every.add(1033, row.base, lcid, text, place);
          gate.add(1033, row.base, texts, place);
          const key = normalizeBase(row.base);
          met.set(key, (met.get(key) ?? 0) + 1);
        });
        for (const base of BASES) {
          for (const lcid of LCIDS) {
            const twice = (met.get(normalizeBase(base)) ?? 0) >= 2;
            expect(repeated.lookup(1033, base, lcid)).toEqual(
              twice ? every.lookup(1033, base, lcid) : undefined,
            );
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('holds a row without translations too: a later row of its base text goes straight in', () => {
    const memory = createMemory();
    const gate = new RepeatedBases(memory);
    gate.add(
      1033,
      'Name',
      new Map([
        [1033, 'Name'],
        [1049, ''],
      ]),
      () => 'this file, a',
    );
    expect(memory.size).toBe(0);
    gate.add(
      1033,
      'Name',
      new Map([
        [1033, 'Name'],
        [1049, 'Имя'],
      ]),
      () => 'this file, b',
    );
    expect(memory.lookup(1033, 'Name', 1049)).toEqual({ text: 'Имя', source: 'this file, b' });
  });
});
