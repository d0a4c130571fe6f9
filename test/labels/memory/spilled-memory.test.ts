import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecordSpill } from '../../../src/fs/record-spill';
import { createMemory, type MemoryUnit } from '../../../src/labels/memory/memory';
import { createSpilledMemory } from '../../../src/labels/memory/spilled-memory';

const dir = mkdtempSync(path.join(tmpdir(), 'crmkit-spilled-memory-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const translation = fc.record({
  baseLcid: fc.constantFrom(1033, 1049),
  base: fc.constantFrom('', ' ', 'Name', 'Name\r\nLine', 'Name\nLine', 'Amount', 'Скидка'),
  lcid: fc.constantFrom(1033, 1049, 1026),
  text: fc.constantFrom('', 'Имя', 'Название', 'Име', 'Сума\r\nx', 'Сума\nx'),
  source: fc.constantFrom('a.zip', 'b.tmx'),
});

const plain = (units: Iterable<MemoryUnit>) =>
  [...units].map((u) => ({ ...u, translations: [...u.translations] }));

describe('a memory built on disk', () => {
  it('makes the units one memory makes: the same in the same order in memory, the same set on disk', () => {
    fc.assert(
      fc.property(
        fc.array(translation, { maxLength: 60 }),
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 1, max: 4 }),
        (list, limit, partitions) => {
          const memory = createMemory();
          const spill = createRecordSpill({ memoryLimit: limit, partitions, dir });
          const spilled = createSpilledMemory(spill);
          for (const t of list) {
            memory.add(t.baseLcid, t.base, t.lcid, t.text, t.source);
            spilled.add(t.baseLcid, t.base, t.lcid, t.text, t.source);
          }
          const wanted = plain(memory.units());
          const got = plain(spilled.units());
          if (spill.spilled) {
            const key = (u: (typeof got)[number]) => `${u.baseLcid} ${u.base}`;
            expect(new Map(got.map((u) => [key(u), u]))).toEqual(new Map(wanted.map((u) => [key(u), u])));
            expect(got).toHaveLength(wanted.length);
          } else expect(got).toEqual(wanted);
          expect(spilled.size).toBe(memory.size);
          expect(spilled.taken === 0).toBe(memory.size === 0);
          expect(readdirSync(dir)).toEqual([]);
        },
      ),
    );
  });
});
